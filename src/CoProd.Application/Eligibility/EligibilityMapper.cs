using CoProd.Application.Common;
using CoProd.Application.Treaties;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.Eligibility;
using CoProd.Domain.ReferenceData;
using CoProd.Domain.Treaties;

namespace CoProd.Application.Eligibility;

/// <summary>Between the API's deal input and the domain, and from the engine's reports to DTOs; written out by hand.</summary>
public static class EligibilityMapper
{
    /// <summary>Builds a transient domain deal from input that passed <see cref="DealInputValidator"/>.</summary>
    public static Deal ToDomain(DealInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var currency = CurrencyCode.From(input.Currency);
        var format = input.Format is null ? ProductionFormat.FictionFeature : Enums.Parse<ProductionFormat>(input.Format);
        var deal = new Deal(Guid.NewGuid(), string.IsNullOrWhiteSpace(input.Title) ? "Untitled deal" : input.Title, format, currency, input.Budget!.Value);
        foreach (var p in input.Partners ?? [])
        {
            var partner = deal.AddPartner(Guid.NewGuid(), p.Company!, CountryCode.From(p.Country), Enums.Parse<PartnerRole>(p.Role));
            foreach (var c in p.Contributions ?? [])
            {
                var contributionCurrency = c.Currency is null ? currency : CurrencyCode.From(c.Currency);
                deal.AddContribution(
                    Guid.NewGuid(), partner.Id,
                    c.Kind is null ? ContributionKind.Cash : Enums.Parse<ContributionKind>(c.Kind),
                    string.IsNullOrWhiteSpace(c.Description) ? (c.Kind is "inKind" ? "In-kind contribution" : "Cash") : c.Description,
                    new Money(c.Amount!.Value, contributionCurrency),
                    c.RateToDealCurrency ?? 1m,
                    c.RateLockedOn ?? today,
                    c.SpendCountry is null ? partner.Country : CountryCode.From(c.SpendCountry));
            }
        }

        foreach (var person in input.KeyPeople ?? [])
        {
            deal.AddKeyPerson(Guid.NewGuid(), Enums.Parse<KeyRole>(person.Role), person.Name!, CountryCode.From(person.Nationality),
                person.Residence is null ? null : CountryCode.From(person.Residence));
        }

        deal.SetLocations((input.Locations ?? []).Select(l => new ProductionLocation(Enums.Parse<LocationKind>(l.Kind), CountryCode.From(l.Country))));
        return deal;
    }

    public static FinancingDto Financing(DealFinancing financing)
    {
        ArgumentNullException.ThrowIfNull(financing);
        return new FinancingDto(
            financing.Total.Currency.Value, financing.Budget.Amount, financing.Total.Amount, financing.Gap.Amount,
            [.. financing.Partners.Select(p => new PartnerShareDto(
                p.Partner.Id, p.Partner.CompanyName, p.Partner.Country.Value, Enums.Name(p.Partner.Role),
                p.Cash.Amount, p.InKind.Amount, p.Total.Amount, p.Share.Value, p.Share.ToString()))]);
    }

    public static EvaluationDto Evaluation(EligibilityReport report, Treaty treaty)
    {
        ArgumentNullException.ThrowIfNull(report);
        var partners = report.Financing.Partners.ToDictionary(p => p.Partner.Id, p => p.Partner.CompanyName);
        return new EvaluationDto(
            TreatyRef(treaty),
            new RuleVersionRefDto(report.RuleVersionId, report.RuleVersionNumber, report.RuleVersionEffectiveFrom),
            Enums.Name(report.Mode),
            Enums.Name(report.Verdict),
            report.FirstFailure is { } first ? Check(first, partners) : null,
            [.. report.Checks.Select(c => Check(c, partners))],
            report.Points is { } points
                ? new PointsDto(Enums.Name(points.Table.Category), points.Awarded, points.Table.Threshold, points.Table.Total,
                    [.. points.Lines.Select(l => new PointsLineDto(l.Element.Key, l.Element.Label, Enums.Name(l.Element.Group), l.Element.Points, l.Awarded, l.Detail))])
                : null,
            [.. report.Margins.Select(m => new MarginDto(m.Subject, m.PartnerId, m.RuleId, m.IsMinimum ? "minimum" : "maximum", m.Limit.Value, m.Share.Value, m.Distance.Value, m.Headroom.Amount))],
            [.. report.CurrencyStress.Select(s => new CurrencyStressDto(s.Currency.Value, s.Exposure.Amount, s.ExposureShare.Value, s.MaximumFall?.Value, s.BreaksOnFall, s.MaximumRise?.Value, s.BreaksOnRise))]);
    }

    public static CandidateDto Candidate(TreatyCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var report = candidate.Report;
        var partners = report?.Financing.Partners.ToDictionary(p => p.Partner.Id, p => p.Partner.CompanyName) ?? [];
        return new CandidateDto(
            TreatyRef(candidate.Treaty),
            Enums.Name(candidate.Status),
            candidate.Note,
            report is null ? null : new RuleVersionRefDto(report.RuleVersionId, report.RuleVersionNumber, report.RuleVersionEffectiveFrom),
            report is null ? null : Enums.Name(report.Verdict),
            candidate.FirstFailure is { } first ? Check(first, partners) : null,
            report?.Failures.Count() ?? 0,
            report?.Warnings.Count() ?? 0);
    }

    public static TreatyRefDto TreatyRef(Treaty treaty)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        return new TreatyRefDto(treaty.Code, treaty.Name, Enums.Name(treaty.Kind));
    }

    private static CheckDto Check(RuleCheck check, Dictionary<Guid, string> partners) =>
        new(check.RuleId, check.Title, Enums.Name(check.Outcome), check.Measured, check.Required, check.Explanation,
            check.Source is null ? null : TreatyDocumentMapper.SourceDto(check.Source),
            check.PartnerId, check.PartnerId is { } id ? partners.GetValueOrDefault(id) : null);
}
