using CoProd.Application.Common;
using CoProd.Domain.Deals;

namespace CoProd.Application.Deals;

/// <summary>
/// A whole deal as one JSON document (CoProd's JSON dialect): what a version snapshot stores, what export
/// writes, and what the field-by-field comparison reads. Partners appear with their ids and names, so a snapshot
/// can be read on its own years later; they are listed in a stable order (majority producer first, then by name),
/// not in the order the database happens to return them.
/// </summary>
public sealed record DealDocument(
    string Format,
    Guid Id,
    string Title,
    string ProductionFormat,
    string Currency,
    decimal Budget,
    string? Synopsis,
    string Status,
    string Kind,
    string? TreatyCode,
    DealSchedule Schedule,
    IReadOnlyList<string> Languages,
    IReadOnlyList<PartnerDocument> Partners,
    IReadOnlyList<KeyPersonDocument> KeyPeople,
    IReadOnlyList<LocationDocument> Locations,
    OveragePolicy Overages,
    IReadOnlyList<DecisionRule> DecisionRules,
    IReadOnlyList<Milestone> Milestones,
    DealRights Rights,
    LegalTerms Legal,
    EligibilityRecord? Eligibility)
{
    public const string CurrentFormat = "coprod-deal/1";

    public static DealDocument From(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return new DealDocument(
            CurrentFormat, deal.Id, deal.Title, Enums.Name(deal.Format), deal.Currency.Value, Plain(deal.Budget), deal.Synopsis,
            Enums.Name(deal.Status), Enums.Name(deal.Kind), deal.TreatyCode, deal.Schedule, [.. deal.Languages],
            [.. deal.Partners.OrderBy(p => p.Role).ThenBy(p => p.CompanyName, StringComparer.OrdinalIgnoreCase).Select(p => new PartnerDocument(
                p.Id, p.CompanyName, p.Country.Value, Enums.Name(p.Role), p.Contact,
                [.. deal.Contributions.Where(c => c.PartnerId == p.Id).Select(c => new ContributionDocument(
                    c.Id, Enums.Name(c.Kind), c.Description, Plain(c.Amount.Amount), c.Amount.Currency.Value, Plain(c.RateToDealCurrency), c.RateLockedOn, c.SpendCountry.Value))]))],
            [.. deal.KeyPeople.Select(p => new KeyPersonDocument(p.Id, Enums.Name(p.Role), p.Name, p.Nationality.Value, p.Residence?.Value))],
            [.. deal.Locations.Select(l => new LocationDocument(Enums.Name(l.Kind), l.Country.Value, l.Place))],
            deal.Overages, [.. deal.DecisionRules], [.. deal.Milestones], deal.Rights, deal.Legal, deal.Eligibility);
    }

    /// <summary>The same number without the trailing zeros a database column's scale adds (6000000.0000 → 6000000).</summary>
    public static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;

    public string PartnerName(Guid? id) =>
        id is null ? "—" : Partners.FirstOrDefault(p => p.Id == id)?.Company ?? "a removed partner";
}

public sealed record PartnerDocument(Guid Id, string Company, string Country, string Role, string? Contact, IReadOnlyList<ContributionDocument> Contributions);

public sealed record ContributionDocument(Guid Id, string Kind, string Description, decimal Amount, string Currency, decimal RateToDealCurrency, DateOnly RateLockedOn, string SpendCountry);

public sealed record KeyPersonDocument(Guid Id, string Role, string Name, string Nationality, string? Residence);

public sealed record LocationDocument(string Kind, string Country, string? Place);
