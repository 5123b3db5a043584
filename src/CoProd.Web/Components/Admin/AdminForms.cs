using System.Globalization;
using CoProd.Application.Treaties;

namespace CoProd.Web.Components.Admin;

// Form models of the admin pages. Their property names follow the treaty interchange format (TreatyDto, RuleSetDto),
// so the validators' error paths ("bilateralShares.source.article", "parties[1].country") land next to the fields.
// Booleans default to false: an unticked checkbox posts nothing, so a default of true could never be unticked.
// Empty rows (blank parties, sources, authorities) are left out when the form becomes a DTO; they come last, so the
// indexes of the rows kept match the indexes the validators report.

public sealed class SourceForm
{
    public string? Article { get; set; }

    public string? Url { get; set; }

    public string? Note { get; set; }

    public string? Confidence { get; set; } = "solid";

    public bool IsBlank => string.IsNullOrWhiteSpace(Article) && string.IsNullOrWhiteSpace(Url) && string.IsNullOrWhiteSpace(Note);

    public SourceDto? ToDto() => IsBlank ? null : new SourceDto { Article = Text(Article), Url = Text(Url), Note = Text(Note), Confidence = Text(Confidence) };

    public static SourceForm From(SourceDto? dto) =>
        dto is null ? new SourceForm() : new SourceForm { Article = dto.Article, Url = dto.Url, Note = dto.Note, Confidence = dto.Confidence ?? "solid" };

    internal static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class PartyForm
{
    public string? Country { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? Until { get; set; }
}

/// <summary>A treaty's details: what is created first, and edited later (the code and kind only at creation).</summary>
public sealed class TreatyForm
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; } = "bilateral";

    public DateOnly? SignedOn { get; set; }

    public DateOnly? InForceFrom { get; set; }

    public DateOnly? TerminatedOn { get; set; }

    public string? DatesNote { get; set; }

    public List<PartyForm> Parties { get; set; } = [];

    public List<SourceForm> Sources { get; set; } = [];

    public TreatyDto ToDto() => new()
    {
        Code = SourceForm.Text(Code),
        Name = SourceForm.Text(Name),
        Kind = SourceForm.Text(Kind),
        SignedOn = SignedOn,
        InForceFrom = InForceFrom,
        TerminatedOn = TerminatedOn,
        DatesNote = SourceForm.Text(DatesNote),
        Parties = [.. Parties.Where(p => !string.IsNullOrWhiteSpace(p.Country)).Select(p => new TreatyPartyDto { Country = p.Country!.Trim().ToUpperInvariant(), From = p.From, Until = p.Until })],
        Sources = [.. Sources.Select(s => s.ToDto()).OfType<SourceDto>()],
    };

    /// <summary>The treaty's values, with blank rows to add parties and sources.</summary>
    public static TreatyForm From(TreatyDto? dto)
    {
        var form = dto is null
            ? new TreatyForm()
            : new TreatyForm
            {
                Code = dto.Code,
                Name = dto.Name,
                Kind = dto.Kind,
                SignedOn = dto.SignedOn,
                InForceFrom = dto.InForceFrom,
                TerminatedOn = dto.TerminatedOn,
                DatesNote = dto.DatesNote,
                Parties = [.. (dto.Parties ?? []).Select(p => new PartyForm { Country = p.Country, From = p.From, Until = p.Until })],
                Sources = [.. (dto.Sources ?? []).Select(SourceForm.From)],
            };
        return form.WithBlankRows();
    }

    /// <summary>Drops the holes a sparse or hand-made post leaves in the lists, then adds blank rows to fill in.</summary>
    public TreatyForm WithBlankRows()
    {
        Parties = [.. Parties?.OfType<PartyForm>() ?? []];
        Sources = [.. Sources?.OfType<SourceForm>() ?? []];
        while (Parties.Count < 2 || !string.IsNullOrWhiteSpace(Parties[^1].Country))
        {
            Parties.Add(new PartyForm());
        }

        if (Sources.Count == 0 || !Sources[^1].IsBlank)
        {
            Sources.Add(new SourceForm());
        }

        return this;
    }
}

public sealed class BandForm
{
    public bool OnRecord { get; set; }

    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    public string? Basis { get; set; } = "perCoProducer";

    public SourceForm Source { get; set; } = new();

    public ShareBandDto? ToDto() =>
        OnRecord ? new ShareBandDto { Minimum = Minimum, Maximum = Maximum, Basis = SourceForm.Text(Basis), Source = Source.ToDto() } : null;

    public static BandForm From(ShareBandDto? dto) =>
        dto is null ? new BandForm() : new BandForm { OnRecord = true, Minimum = dto.Minimum, Maximum = dto.Maximum, Basis = dto.Basis ?? "perCoProducer", Source = SourceForm.From(dto.Source) };
}

public sealed class NonPartyForm
{
    public bool OnRecord { get; set; }

    /// <summary>"yes" or "no".</summary>
    public string? Allowed { get; set; } = "yes";

    public decimal? MaximumCombinedShare { get; set; }

    public string? Conditions { get; set; }

    public SourceForm Source { get; set; } = new();

    public NonPartyDto? ToDto() => OnRecord
        ? new NonPartyDto { Allowed = YesNo.Read(Allowed), MaximumCombinedShare = MaximumCombinedShare, Conditions = SourceForm.Text(Conditions), Source = Source.ToDto() }
        : null;

    public static NonPartyForm From(NonPartyDto? dto) => dto is null
        ? new NonPartyForm()
        : new NonPartyForm { OnRecord = true, Allowed = YesNo.Write(dto.Allowed), MaximumCombinedShare = dto.MaximumCombinedShare, Conditions = dto.Conditions, Source = SourceForm.From(dto.Source) };
}

public sealed class FinancialOnlyForm
{
    public bool OnRecord { get; set; }

    public string? Allowed { get; set; } = "yes";

    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    public bool RequiresApproval { get; set; }

    public bool RequiresCreativeMajorityCoProducer { get; set; }

    public string? Conditions { get; set; }

    public SourceForm Source { get; set; } = new();

    public FinancialOnlyDto? ToDto() => OnRecord
        ? new FinancialOnlyDto
        {
            Allowed = YesNo.Read(Allowed),
            Minimum = Minimum,
            Maximum = Maximum,
            RequiresApproval = RequiresApproval,
            RequiresCreativeMajorityCoProducer = RequiresCreativeMajorityCoProducer,
            Conditions = SourceForm.Text(Conditions),
            Source = Source.ToDto(),
        }
        : null;

    public static FinancialOnlyForm From(FinancialOnlyDto? dto) => dto is null
        ? new FinancialOnlyForm()
        : new FinancialOnlyForm
        {
            OnRecord = true,
            Allowed = YesNo.Write(dto.Allowed),
            Minimum = dto.Minimum,
            Maximum = dto.Maximum,
            RequiresApproval = dto.RequiresApproval ?? false,
            RequiresCreativeMajorityCoProducer = dto.RequiresCreativeMajorityCoProducer ?? false,
            Conditions = dto.Conditions,
            Source = SourceForm.From(dto.Source),
        };
}

public sealed class ProportionalityForm
{
    public bool OnRecord { get; set; }

    public decimal? Tolerance { get; set; }

    public string? ToleranceNote { get; set; }

    public SourceForm Source { get; set; } = new();

    public ProportionalityDto? ToDto() => OnRecord ? new ProportionalityDto { Tolerance = Tolerance, ToleranceNote = SourceForm.Text(ToleranceNote), Source = Source.ToDto() } : null;

    public static ProportionalityForm From(ProportionalityDto? dto) => dto is null
        ? new ProportionalityForm()
        : new ProportionalityForm { OnRecord = true, Tolerance = dto.Tolerance, ToleranceNote = dto.ToleranceNote, Source = SourceForm.From(dto.Source) };
}

public sealed class NationalityForm
{
    public bool OnRecord { get; set; }

    /// <summary>"coProducing" (nationals of the co-producing countries) or "anyParty".</summary>
    public string? Whose { get; set; } = "coProducing";

    /// <summary>ISO codes separated by commas or spaces.</summary>
    public string? AlsoEligible { get; set; }

    public bool ResidentsCount { get; set; }

    public bool OthersWithApproval { get; set; }

    public SourceForm Source { get; set; } = new();

    public NationalityDto? ToDto() => OnRecord
        ? new NationalityDto
        {
            CoProducingCountriesOnly = Whose != "anyParty",
            AlsoEligible = [.. (AlsoEligible ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()).Distinct()],
            ResidentsCount = ResidentsCount,
            OthersWithApproval = OthersWithApproval,
            Source = Source.ToDto(),
        }
        : null;

    public static NationalityForm From(NationalityDto? dto) => dto is null
        ? new NationalityForm()
        : new NationalityForm
        {
            OnRecord = true,
            Whose = dto.CoProducingCountriesOnly == false ? "anyParty" : "coProducing",
            AlsoEligible = string.Join(", ", dto.AlsoEligible ?? []),
            ResidentsCount = dto.ResidentsCount ?? false,
            OthersWithApproval = dto.OthersWithApproval ?? false,
            Source = SourceForm.From(dto.Source),
        };
}

public sealed class SpendForm
{
    public bool OnRecord { get; set; }

    public decimal? MaximumOutsideCoProducingCountries { get; set; }

    public decimal? ProportionalTolerance { get; set; }

    public string? Conditions { get; set; }

    public SourceForm Source { get; set; } = new();

    public SpendDto? ToDto() => OnRecord
        ? new SpendDto { MaximumOutsideCoProducingCountries = MaximumOutsideCoProducingCountries, ProportionalTolerance = ProportionalTolerance, Conditions = SourceForm.Text(Conditions), Source = Source.ToDto() }
        : null;

    public static SpendForm From(SpendDto? dto) => dto is null
        ? new SpendForm()
        : new SpendForm { OnRecord = true, MaximumOutsideCoProducingCountries = dto.MaximumOutsideCoProducingCountries, ProportionalTolerance = dto.ProportionalTolerance, Conditions = dto.Conditions, Source = SourceForm.From(dto.Source) };
}

public sealed class ApplicabilityForm
{
    public bool OnRecord { get; set; }

    public bool FictionFeature { get; set; }

    public bool Animation { get; set; }

    public bool Documentary { get; set; }

    public bool Series { get; set; }

    public int? MultilateralMinimumPartyCountries { get; set; } = 2;

    /// <summary>"yes" or "no": whether a convention may serve two parties with no bilateral treaty between them.</summary>
    public string? BilateralUse { get; set; } = "yes";

    public bool YieldsToBilateralTreaties { get; set; }

    public bool AllParticipatingCountriesMustBeParties { get; set; }

    public string? OtherwiseApplies { get; set; }

    public SourceForm Source { get; set; } = new();

    public ApplicabilityDto? ToDto()
    {
        if (!OnRecord)
        {
            return null;
        }

        var formats = new List<string>();
        if (FictionFeature)
        {
            formats.Add("fictionFeature");
        }

        if (Animation)
        {
            formats.Add("animation");
        }

        if (Documentary)
        {
            formats.Add("documentary");
        }

        if (Series)
        {
            formats.Add("series");
        }

        return new ApplicabilityDto
        {
            Formats = formats.Count == 0 ? null : formats,
            MultilateralMinimumPartyCountries = MultilateralMinimumPartyCountries,
            BilateralUse = YesNo.Read(BilateralUse),
            YieldsToBilateralTreaties = YieldsToBilateralTreaties,
            AllParticipatingCountriesMustBeParties = AllParticipatingCountriesMustBeParties,
            OtherwiseApplies = SourceForm.Text(OtherwiseApplies),
            Source = Source.ToDto(),
        };
    }

    public static ApplicabilityForm From(ApplicabilityDto? dto)
    {
        if (dto is null)
        {
            return new ApplicabilityForm();
        }

        var formats = dto.Formats ?? [];
        return new ApplicabilityForm
        {
            OnRecord = true,
            FictionFeature = formats.Contains("fictionFeature"),
            Animation = formats.Contains("animation"),
            Documentary = formats.Contains("documentary"),
            Series = formats.Contains("series"),
            MultilateralMinimumPartyCountries = dto.MultilateralMinimumPartyCountries ?? 2,
            BilateralUse = YesNo.Write(dto.BilateralUse ?? true),
            YieldsToBilateralTreaties = dto.YieldsToBilateralTreaties ?? false,
            AllParticipatingCountriesMustBeParties = dto.AllParticipatingCountriesMustBeParties ?? false,
            OtherwiseApplies = dto.OtherwiseApplies,
            Source = SourceForm.From(dto.Source),
        };
    }
}

public sealed class AuthorityForm
{
    public string? Country { get; set; }

    public string? Name { get; set; }

    public string? Url { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Country) && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Url);
}

public sealed class PointsElementForm
{
    public string? Key { get; set; }

    public string? Label { get; set; }

    public int? Points { get; set; }

    public string? Group { get; set; } = "creative";

    public string? Role { get; set; }

    public string? Location { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(Label) && Points is null;

    public PointsElementDto ToDto() => new()
    {
        Key = SourceForm.Text(Key),
        Label = SourceForm.Text(Label),
        Points = Points,
        Group = SourceForm.Text(Group),
        Role = SourceForm.Text(Role),
        Location = SourceForm.Text(Location),
    };
}

/// <summary>Bands that replace the general ones for some formats; a row with no format ticked is left out.</summary>
public sealed class FormatBandsForm
{
    public bool FictionFeature { get; set; }

    public bool Animation { get; set; }

    public bool Documentary { get; set; }

    public bool Series { get; set; }

    public BandForm Bilateral { get; set; } = new();

    public BandForm Multilateral { get; set; } = new();

    /// <summary>The formats ticked, as the format names them (also where a message about them is shown).</summary>
    public string Formats => string.Join(", ", FormatList());

    public bool IsBlank => FormatList().Count == 0;

    public FormatShareBandsDto ToDto() => new() { Formats = FormatList(), Bilateral = Bilateral.ToDto(), Multilateral = Multilateral.ToDto() };

    public static FormatBandsForm From(FormatShareBandsDto dto)
    {
        var formats = dto.Formats ?? [];
        return new FormatBandsForm
        {
            FictionFeature = formats.Contains("fictionFeature"),
            Animation = formats.Contains("animation"),
            Documentary = formats.Contains("documentary"),
            Series = formats.Contains("series"),
            Bilateral = BandForm.From(dto.Bilateral),
            Multilateral = BandForm.From(dto.Multilateral),
        };
    }

    private List<string> FormatList()
    {
        var formats = new List<string>();
        if (FictionFeature)
        {
            formats.Add("fictionFeature");
        }

        if (Animation)
        {
            formats.Add("animation");
        }

        if (Documentary)
        {
            formats.Add("documentary");
        }

        if (Series)
        {
            formats.Add("series");
        }

        return formats;
    }
}

/// <summary>A points table; a row with no category chosen is left out (how a table is removed).</summary>
public sealed class PointsTableForm
{
    public string? Category { get; set; }

    public int? Threshold { get; set; }

    public int? Total { get; set; }

    public bool DiscretionBelowThreshold { get; set; }

    public string? DiscretionNote { get; set; }

    public string? Eligibility { get; set; } = "treatyParties";

    public SourceForm Source { get; set; } = new();

    public List<PointsElementForm> Elements { get; set; } = [];

    public bool IsBlank => string.IsNullOrWhiteSpace(Category);

    public PointsTableDto ToDto() => new()
    {
        Category = SourceForm.Text(Category),
        Threshold = Threshold,
        Total = Total,
        DiscretionBelowThreshold = DiscretionBelowThreshold,
        DiscretionNote = SourceForm.Text(DiscretionNote),
        Eligibility = SourceForm.Text(Eligibility),
        Elements = Elements.Where(e => !e.IsBlank).Select(e => e.ToDto()).ToList() is { Count: > 0 } elements ? elements : null,
        Source = Source.ToDto(),
    };

    public static PointsTableForm From(PointsTableDto dto) => new()
    {
        Category = dto.Category,
        Threshold = dto.Threshold,
        Total = dto.Total,
        DiscretionBelowThreshold = dto.DiscretionBelowThreshold ?? false,
        DiscretionNote = dto.DiscretionNote,
        Eligibility = dto.Eligibility ?? "treatyParties",
        Source = SourceForm.From(dto.Source),
        Elements = [.. (dto.Elements ?? []).Select(e => new PointsElementForm { Key = e.Key, Label = e.Label, Points = e.Points, Group = e.Group, Role = e.Role, Location = e.Location })],
    };

    public PointsTableForm WithBlankRows()
    {
        Elements = [.. Elements?.OfType<PointsElementForm>() ?? []];
        Source ??= new();
        for (var blanks = Elements.Count(e => e.IsBlank); blanks < 2; blanks++)
        {
            Elements.Add(new PointsElementForm());
        }

        return this;
    }
}

/// <summary>
/// A draft's rules, one section per rule kind with "on record" ticks (an unticked rule is left out: the treaty does
/// not have it or its terms are not on record). Bands by format and points tables are edited in the JSON editor;
/// this form keeps them as they are.
/// </summary>
public sealed class RulesForm
{
    public DateOnly? EffectiveFrom { get; set; }

    public string? ChangeNote { get; set; }

    public ApplicabilityForm Applicability { get; set; } = new();

    public BandForm BilateralShares { get; set; } = new();

    public BandForm MultilateralShares { get; set; } = new();

    public NonPartyForm NonPartyCoProducers { get; set; } = new();

    public FinancialOnlyForm FinancialOnly { get; set; } = new();

    public ProportionalityForm Proportionality { get; set; } = new();

    public NationalityForm Nationality { get; set; } = new();

    public SpendForm Spend { get; set; } = new();

    public List<AuthorityForm> CompetentAuthorities { get; set; } = [];

    public List<PointsTableForm> PointsTables { get; set; } = [];

    public List<FormatBandsForm> BandsByFormat { get; set; } = [];

    public string? Notes { get; set; }

    /// <summary>The draft as it will be saved.</summary>
    public RuleVersionDto ToDto() => new()
    {
        EffectiveFrom = EffectiveFrom,
        ChangeNote = SourceForm.Text(ChangeNote),
        Status = "draft",
        Rules = new RuleSetDto
        {
            Applicability = Applicability.ToDto(),
            BilateralShares = BilateralShares.ToDto(),
            MultilateralShares = MultilateralShares.ToDto(),
            BandsByFormat = BandsByFormat.Where(b => !b.IsBlank).Select(b => b.ToDto()).ToList() is { Count: > 0 } bands ? bands : null,
            NonPartyCoProducers = NonPartyCoProducers.ToDto(),
            FinancialOnly = FinancialOnly.ToDto(),
            PointsTables = PointsTables.Where(t => !t.IsBlank).Select(t => t.ToDto()).ToList() is { Count: > 0 } tables ? tables : null,
            Proportionality = Proportionality.ToDto(),
            Nationality = Nationality.ToDto(),
            Spend = Spend.ToDto(),
            CompetentAuthorities = [.. CompetentAuthorities.Where(a => !a.IsBlank).Select(a => new CompetentAuthorityDto { Country = SourceForm.Text(a.Country), Name = SourceForm.Text(a.Name), Url = SourceForm.Text(a.Url) })],
            Notes = SourceForm.Text(Notes),
        },
    };

    public static RulesForm From(RuleVersionDto version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var rules = version.Rules ?? new RuleSetDto();
        var form = new RulesForm
        {
            EffectiveFrom = version.EffectiveFrom,
            ChangeNote = version.ChangeNote,
            Applicability = ApplicabilityForm.From(rules.Applicability),
            BilateralShares = BandForm.From(rules.BilateralShares),
            MultilateralShares = BandForm.From(rules.MultilateralShares),
            NonPartyCoProducers = NonPartyForm.From(rules.NonPartyCoProducers),
            FinancialOnly = FinancialOnlyForm.From(rules.FinancialOnly),
            Proportionality = ProportionalityForm.From(rules.Proportionality),
            Nationality = NationalityForm.From(rules.Nationality),
            Spend = SpendForm.From(rules.Spend),
            CompetentAuthorities = [.. (rules.CompetentAuthorities ?? []).Select(a => new AuthorityForm { Country = a.Country, Name = a.Name, Url = a.Url })],
            PointsTables = [.. (rules.PointsTables ?? []).Select(PointsTableForm.From)],
            BandsByFormat = [.. (rules.BandsByFormat ?? []).Select(FormatBandsForm.From)],
            Notes = rules.Notes,
        };
        return form.WithBlankRows();
    }

    public RulesForm WithBlankRows()
    {
        CompetentAuthorities = [.. CompetentAuthorities?.OfType<AuthorityForm>() ?? []];
        PointsTables = [.. PointsTables?.OfType<PointsTableForm>() ?? []];
        BandsByFormat = [.. BandsByFormat?.OfType<FormatBandsForm>() ?? []];
        if (CompetentAuthorities.Count == 0 || !CompetentAuthorities[^1].IsBlank)
        {
            CompetentAuthorities.Add(new AuthorityForm());
        }

        if (PointsTables.Count == 0 || !PointsTables[^1].IsBlank)
        {
            PointsTables.Add(new PointsTableForm());
        }

        if (BandsByFormat.Count == 0 || !BandsByFormat[^1].IsBlank)
        {
            BandsByFormat.Add(new FormatBandsForm());
        }

        foreach (var table in PointsTables)
        {
            table.WithBlankRows();
        }

        return this;
    }
}

/// <summary>The whole rule set as JSON in the interchange format (the <c>rules</c> object of a rule version).</summary>
public sealed class RulesJsonForm
{
    public DateOnly? EffectiveFrom { get; set; }

    public string? ChangeNote { get; set; }

    public string? Json { get; set; }
}

internal static class YesNo
{
    public static bool? Read(string? value) => value switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };

    public static string Write(bool? value) => value switch
    {
        true => "yes",
        false => "no",
        _ => string.Empty,
    };

    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) + " %" : "not on record";
}
