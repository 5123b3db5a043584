using CoProd.Application.Common;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;
using CoProd.Domain.Treaties;

namespace CoProd.Application.Treaties;

/// <summary>
/// Between the treaty interchange format and the domain, written out by hand. <see cref="ToDomain"/> expects a
/// document that passed <see cref="TreatyDtoValidator"/>.
/// </summary>
public static class TreatyDocumentMapper
{
    public static Treaty ToDomain(TreatyDto dto, DateTimeOffset now, string? author)
    {
        ArgumentNullException.ThrowIfNull(dto);
        var treaty = new Treaty(Guid.NewGuid(), dto.Code!, dto.Name!, Enums.Parse<TreatyKind>(dto.Kind), Parties(dto.Parties!));
        treaty.SetDates(dto.SignedOn, dto.InForceFrom, dto.TerminatedOn, dto.DatesNote);
        treaty.SetSources((dto.Sources ?? []).Select(Source));
        foreach (var version in dto.RuleVersions ?? [])
        {
            var added = treaty.AddDraftVersion(Guid.NewGuid(), version.EffectiveFrom, RuleSet(version.Rules!), version.ChangeNote, now, author);
            if (!string.Equals(version.Status, "draft", StringComparison.OrdinalIgnoreCase))
            {
                treaty.PublishVersion(added.Id, now, author);
            }
        }

        return treaty;
    }

    public static IEnumerable<TreatyParty> Parties(IEnumerable<TreatyPartyDto> parties) =>
        parties.Select(p => new TreatyParty(CountryCode.From(p.Country), p.From, p.Until));

    public static RuleSet RuleSet(RuleSetDto dto)
    {
        ArgumentNullException.ThrowIfNull(dto);
        return new RuleSet
        {
            Applicability = dto.Applicability is { } a
                ? new ApplicabilityRule(Source(a.Source!))
                {
                    Formats = [.. (a.Formats ?? []).Select(Enums.Parse<ProductionFormat>)],
                    MultilateralMinimumPartyCountries = a.MultilateralMinimumPartyCountries ?? 2,
                    BilateralUse = a.BilateralUse ?? true,
                    YieldsToBilateralTreaties = a.YieldsToBilateralTreaties ?? false,
                    AllParticipatingCountriesMustBeParties = a.AllParticipatingCountriesMustBeParties ?? false,
                    OtherwiseApplies = string.IsNullOrWhiteSpace(a.OtherwiseApplies) ? null : a.OtherwiseApplies.Trim().ToLowerInvariant(),
                }
                : null,
            BilateralShares = Band(dto.BilateralShares),
            MultilateralShares = Band(dto.MultilateralShares),
            BandsByFormat = [.. (dto.BandsByFormat ?? []).Select(b => new FormatShareBands([.. b.Formats!.Select(Enums.Parse<ProductionFormat>)], Band(b.Bilateral), Band(b.Multilateral)))],
            NonPartyCoProducers = dto.NonPartyCoProducers is { } n
                ? new NonPartyRule(n.Allowed!.Value, Source(n.Source!)) { MaximumCombinedShare = Pct(n.MaximumCombinedShare), Conditions = Text(n.Conditions) }
                : null,
            FinancialOnly = dto.FinancialOnly is { } f
                ? new FinancialOnlyRule(f.Allowed!.Value, Source(f.Source!))
                {
                    Minimum = Pct(f.Minimum),
                    Maximum = Pct(f.Maximum),
                    RequiresApproval = f.RequiresApproval ?? false,
                    RequiresCreativeMajorityCoProducer = f.RequiresCreativeMajorityCoProducer ?? false,
                    Conditions = Text(f.Conditions),
                }
                : null,
            PointsTables = [.. (dto.PointsTables ?? []).Select(PointsTable)],
            Proportionality = dto.Proportionality is { } p
                ? new ProportionalityRule(new Percentage(p.Tolerance!.Value), Source(p.Source!)) { ToleranceNote = Text(p.ToleranceNote) }
                : null,
            Nationality = dto.Nationality is { } nat
                ? new NationalityRule(Source(nat.Source!))
                {
                    CoProducingCountriesOnly = nat.CoProducingCountriesOnly ?? true,
                    AlsoEligible = [.. (nat.AlsoEligible ?? []).Select(CountryCode.From).Distinct()],
                    ResidentsCount = nat.ResidentsCount ?? false,
                    OthersWithApproval = nat.OthersWithApproval ?? false,
                }
                : null,
            Spend = dto.Spend is { } s
                ? new SpendRule(Source(s.Source!))
                {
                    MaximumOutsideCoProducingCountries = Pct(s.MaximumOutsideCoProducingCountries),
                    ProportionalTolerance = Pct(s.ProportionalTolerance),
                    Conditions = Text(s.Conditions),
                }
                : null,
            CompetentAuthorities = [.. (dto.CompetentAuthorities ?? []).Select(c => new CompetentAuthority(CountryCode.From(c.Country), c.Name!.Trim(), Text(c.Url)))],
            Notes = Text(dto.Notes),
        };
    }

    public static RuleSource Source(SourceDto dto)
    {
        ArgumentNullException.ThrowIfNull(dto);
        return new RuleSource(dto.Article!.Trim(), Text(dto.Url), Text(dto.Note),
            dto.Confidence is null ? Confidence.Solid : Enums.Parse<Confidence>(dto.Confidence));
    }

    public static TreatyDto ToDto(Treaty treaty)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        return new TreatyDto
        {
            Code = treaty.Code,
            Name = treaty.Name,
            Kind = Enums.Name(treaty.Kind),
            Parties = [.. treaty.Parties.OrderBy(p => p.Country).Select(p => new TreatyPartyDto { Country = p.Country.Value, From = p.From, Until = p.Until })],
            SignedOn = treaty.SignedOn,
            InForceFrom = treaty.InForceFrom,
            TerminatedOn = treaty.TerminatedOn,
            DatesNote = treaty.DatesNote,
            Sources = [.. treaty.Sources.Select(SourceDto)],
            RuleVersions = [.. treaty.RuleVersions.OrderBy(v => v.Number).Select(v => new RuleVersionDto
            {
                Number = v.Number,
                EffectiveFrom = v.EffectiveFrom,
                Status = v.IsPublished ? "published" : "draft",
                ChangeNote = v.ChangeNote,
                Rules = RuleSetDto(v.Rules),
            })],
        };
    }

    public static RuleSetDto RuleSetDto(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new RuleSetDto
        {
            Applicability = rules.Applicability is { } a
                ? new ApplicabilityDto
                {
                    Formats = a.Formats.Count == 0 ? null : [.. a.Formats.Select(f => Enums.Name(f))],
                    MultilateralMinimumPartyCountries = a.MultilateralMinimumPartyCountries,
                    BilateralUse = a.BilateralUse,
                    YieldsToBilateralTreaties = a.YieldsToBilateralTreaties,
                    AllParticipatingCountriesMustBeParties = a.AllParticipatingCountriesMustBeParties,
                    OtherwiseApplies = a.OtherwiseApplies,
                    Source = SourceDto(a.Source),
                }
                : null,
            BilateralShares = BandDto(rules.BilateralShares),
            MultilateralShares = BandDto(rules.MultilateralShares),
            BandsByFormat = rules.BandsByFormat.Count == 0 ? null : [.. rules.BandsByFormat.Select(b => new FormatShareBandsDto
            {
                Formats = [.. b.Formats.Select(f => Enums.Name(f))],
                Bilateral = BandDto(b.Bilateral),
                Multilateral = BandDto(b.Multilateral),
            })],
            NonPartyCoProducers = rules.NonPartyCoProducers is { } n
                ? new NonPartyDto { Allowed = n.Allowed, MaximumCombinedShare = n.MaximumCombinedShare?.Value, Conditions = n.Conditions, Source = SourceDto(n.Source) }
                : null,
            FinancialOnly = rules.FinancialOnly is { } f
                ? new FinancialOnlyDto
                {
                    Allowed = f.Allowed,
                    Minimum = f.Minimum?.Value,
                    Maximum = f.Maximum?.Value,
                    RequiresApproval = f.RequiresApproval,
                    RequiresCreativeMajorityCoProducer = f.RequiresCreativeMajorityCoProducer,
                    Conditions = f.Conditions,
                    Source = SourceDto(f.Source),
                }
                : null,
            PointsTables = rules.PointsTables.Count == 0 ? null : [.. rules.PointsTables.Select(t => new PointsTableDto
            {
                Category = Enums.Name(t.Category),
                Threshold = t.Threshold,
                Total = t.Total,
                DiscretionBelowThreshold = t.DiscretionBelowThreshold,
                DiscretionNote = t.DiscretionNote,
                Eligibility = Enums.Name(t.Eligibility),
                Elements = t.Elements.Count == 0 ? null : [.. t.Elements.Select(e => new PointsElementDto
                {
                    Key = e.Key,
                    Label = e.Label,
                    Points = e.Points,
                    Group = Enums.Name(e.Group),
                    Role = e.Role is { } role ? Enums.Name(role) : null,
                    Location = e.Location is { } location ? Enums.Name(location) : null,
                })],
                Source = SourceDto(t.Source),
            })],
            Proportionality = rules.Proportionality is { } p
                ? new ProportionalityDto { Tolerance = p.Tolerance.Value, ToleranceNote = p.ToleranceNote, Source = SourceDto(p.Source) }
                : null,
            Nationality = rules.Nationality is { } nat
                ? new NationalityDto
                {
                    CoProducingCountriesOnly = nat.CoProducingCountriesOnly,
                    AlsoEligible = nat.AlsoEligible.Count == 0 ? null : [.. nat.AlsoEligible.Select(c => c.Value)],
                    ResidentsCount = nat.ResidentsCount,
                    OthersWithApproval = nat.OthersWithApproval,
                    Source = SourceDto(nat.Source),
                }
                : null,
            Spend = rules.Spend is { } s
                ? new SpendDto
                {
                    MaximumOutsideCoProducingCountries = s.MaximumOutsideCoProducingCountries?.Value,
                    ProportionalTolerance = s.ProportionalTolerance?.Value,
                    Conditions = s.Conditions,
                    Source = SourceDto(s.Source),
                }
                : null,
            CompetentAuthorities = rules.CompetentAuthorities.Count == 0 ? null : [.. rules.CompetentAuthorities.Select(c => new CompetentAuthorityDto { Country = c.Country.Value, Name = c.Name, Url = c.Url })],
            Notes = rules.Notes,
        };
    }

    public static SourceDto SourceDto(RuleSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new SourceDto { Article = source.Article, Url = source.Url, Note = source.Note, Confidence = Enums.Name(source.Confidence) };
    }

    private static ShareBandRule? Band(ShareBandDto? dto) =>
        dto is null
            ? null
            : new ShareBandRule(Pct(dto.Minimum), Pct(dto.Maximum), Source(dto.Source!))
            {
                Basis = dto.Basis is null ? ShareBasis.PerCoProducer : Enums.Parse<ShareBasis>(dto.Basis),
            };

    private static ShareBandDto? BandDto(ShareBandRule? band) =>
        band is null
            ? null
            : new ShareBandDto { Minimum = band.Minimum?.Value, Maximum = band.Maximum?.Value, Basis = Enums.Name(band.Basis), Source = SourceDto(band.Source) };

    private static PointsTable PointsTable(PointsTableDto dto) =>
        new(Enums.Parse<PointsCategory>(dto.Category), dto.Threshold!.Value, dto.Total!.Value, Source(dto.Source!))
        {
            Elements = [.. (dto.Elements ?? []).Select(e => new PointsElement(e.Key!.Trim(), e.Label!.Trim(), e.Points!.Value, Enums.Parse<PointsGroup>(e.Group))
            {
                Role = e.Role is null ? null : Enums.Parse<KeyRole>(e.Role),
                Location = e.Location is null ? null : Enums.Parse<LocationKind>(e.Location),
            })],
            DiscretionBelowThreshold = dto.DiscretionBelowThreshold ?? false,
            DiscretionNote = Text(dto.DiscretionNote),
            Eligibility = dto.Eligibility is null ? PointsEligibility.TreatyParties : Enums.Parse<PointsEligibility>(dto.Eligibility),
        };

    private static Percentage? Pct(decimal? value) => value is { } v ? new Percentage(v) : null;

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
