using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;
using CoProd.Domain.Treaties;

namespace CoProd.Domain.Eligibility;

/// <summary>The facts every check needs, worked out once per evaluation.</summary>
internal sealed class EvaluationContext
{
    public EvaluationContext(Deal deal, Treaty treaty, RuleVersion version, DateOnly date)
    {
        Deal = deal;
        Treaty = treaty;
        Version = version;
        Rules = version.Rules;
        Date = date;
        Financing = deal.Financing();
        Parties = treaty.PartiesOn(date).ToHashSet();
        CoProducingCountries = deal.Partners.Select(p => p.Country).Distinct().OrderBy(c => c).ToList();
        Mode = CoProducingCountries.Count >= 3 ? CoProductionMode.Multilateral : CoProductionMode.Bilateral;
    }

    public Deal Deal { get; }

    public Treaty Treaty { get; }

    public RuleVersion Version { get; }

    public RuleSet Rules { get; }

    public DateOnly Date { get; }

    public DealFinancing Financing { get; }

    public HashSet<CountryCode> Parties { get; }

    public IReadOnlyList<CountryCode> CoProducingCountries { get; }

    public CoProductionMode Mode { get; }

    public bool IsParty(CountryCode country) => Parties.Contains(country);

    public bool HasContributions => Financing.Total.Amount > 0m;

    /// <summary>
    /// The band for this deal's mode and format (a format-specific band first); null when the treaty's band for it
    /// is not on record.
    /// </summary>
    public ShareBandRule? Band => Rules.BandsByFormat.FirstOrDefault(b => b.Formats.Contains(Deal.Format)) is { } byFormat
        ? (Mode == CoProductionMode.Multilateral ? byFormat.Multilateral : byFormat.Bilateral)
        : (Mode == CoProductionMode.Multilateral ? Rules.MultilateralShares : Rules.BilateralShares);

    public string ModeWord => Mode == CoProductionMode.Multilateral ? "multilateral" : "bilateral";

    public static string Describe(Partner partner) => $"{partner.CompanyName} ({partner.Country})";
}
