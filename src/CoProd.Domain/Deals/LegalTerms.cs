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
}
