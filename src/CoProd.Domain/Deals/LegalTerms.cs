using CoProd.Domain.Common;
using CoProd.Domain.ReferenceData;

namespace CoProd.Domain.Deals;

/// <summary>A partner's part of the IP in a negotiated split.</summary>
public sealed record IpShare(Guid PartnerId, Percentage Share);

/// <summary>A tax incentive one partner is to capture.</summary>
public sealed record TaxIncentiveClaim(Guid PartnerId, string Incentive);

/// <summary>
/// The contract terms (design.md "Legal terms"). Anything may be unsettled (null) while drafting; the contract
/// checklist shows what is still missing.
/// </summary>
public sealed record LegalTerms
{
    public const int TextMaxLength = 4000;
    public const int ShortTextMaxLength = 200;
    public const int MaxTaxIncentives = 50;

    public static LegalTerms Empty { get; } = new();

    public CountryCode? GoverningLaw { get; init; }

    public DisputeResolution? DisputeResolution { get; init; }

    /// <summary>City of the court or the arbitration seat.</summary>
    public string? Seat { get; init; }

    /// <summary>Arbitration rules (ICC, LCIA, UNCITRAL …) when arbitration is chosen.</summary>
    public string? ArbitrationRules { get; init; }

    public CountryCode? ProductionEntityDomicile { get; init; }

    public IpOwnership? IpOwnership { get; init; }

    public IReadOnlyList<IpShare> IpSplit { get; init; } = [];

    public string? ExitAndTermination { get; init; }

    public string? Credits { get; init; }

    public string? Insurance { get; init; }

    /// <summary>Collection account / escrow arrangements.</summary>
    public string? CollectionAccount { get; init; }

    public IReadOnlyList<TaxIncentiveClaim> TaxIncentives { get; init; } = [];

    /// <summary>The negotiated split adds up to 100 % (or there is none).</summary>
    public decimal IpSplitTotal => IpSplit.Sum(s => s.Share.Value);

    /// <summary>
    /// The terms as they are kept: texts trimmed (blank means not settled), an IP split only under negotiated
    /// ownership and without zero shares, arbitration or mediation rules only when that forum is chosen.
    /// </summary>
    public LegalTerms Normalized() => this with
    {
        Seat = Clean(Seat),
        ArbitrationRules = DisputeResolution is Deals.DisputeResolution.Arbitration or Deals.DisputeResolution.Mediation ? Clean(ArbitrationRules) : null,
        IpSplit = IpOwnership == Deals.IpOwnership.Negotiated ? [.. (IpSplit ?? []).Where(s => s.Share.Value != 0m)] : [],
        ExitAndTermination = Clean(ExitAndTermination),
        Credits = Clean(Credits),
        Insurance = Clean(Insurance),
        CollectionAccount = Clean(CollectionAccount),
        TaxIncentives = [.. (TaxIncentives ?? []).Select(t => t with { Incentive = Clean(t.Incentive) ?? string.Empty })],
    };

    /// <summary>What is wrong with these (normalized) terms, in words; null when they hold.</summary>
    public string? Problem()
    {
        if (DisputeResolution is { } forum && !Enum.IsDefined(forum))
        {
            return "Choose court, arbitration or mediation.";
        }

        if (IpOwnership is { } ownership && !Enum.IsDefined(ownership))
        {
            return "Choose how the IP is owned.";
        }

        if (Seat?.Length > ShortTextMaxLength || ArbitrationRules?.Length > ShortTextMaxLength)
        {
            return $"The seat and the rules may have at most {ShortTextMaxLength} characters each.";
        }

        if (new[] { ExitAndTermination, Credits, Insurance, CollectionAccount }.Any(t => t?.Length > TextMaxLength))
        {
            return $"Each term may have at most {TextMaxLength} characters.";
        }

        if (IpSplit.Any(s => s.Share.Value is < 0m or > 100m))
        {
            return "Each partner's part of the IP is between 0 and 100 %.";
        }

        if (IpSplit.GroupBy(s => s.PartnerId).Any(g => g.Count() > 1))
        {
            return "Name each partner once in the IP split.";
        }

        if (IpSplit.Count > 0 && IpSplitTotal != 100m)
        {
            return $"A negotiated IP split must add up to 100 % (it adds up to {IpSplitTotal:0.##} %).";
        }

        if (TaxIncentives.Count > MaxTaxIncentives)
        {
            return $"List at most {MaxTaxIncentives} tax incentives.";
        }

        if (TaxIncentives.Any(t => t.Incentive.Length is 0 or > ShortTextMaxLength))
        {
            return $"Name each tax incentive in 1 to {ShortTextMaxLength} characters.";
        }

        return TaxIncentives.GroupBy(t => (t.PartnerId, t.Incentive.ToUpperInvariant())).Any(g => g.Count() > 1)
            ? "That partner already captures that incentive."
            : null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
