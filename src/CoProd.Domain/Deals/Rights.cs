using CoProd.Domain.Common;

namespace CoProd.Domain.Deals;

/// <summary>
/// A grant of distribution rights to a partner: a set of territories (country codes such as "JP" and territory-group
/// codes such as "europe" or "world") × a set of media × a term, exclusive or not; optionally needing other
/// partners' approval for each distribution deal (joint control).
/// </summary>
public sealed record RightsGrant(
    Guid Id,
    Guid PartnerId,
    IReadOnlyList<string> Territories,
    IReadOnlyList<string> Media,
    DateOnly? TermStart,
    DateOnly? TermEnd,
    bool Exclusive,
    IReadOnlyList<Guid> ApprovalPartnerIds,
    string? Holdback = null,
    string? Notes = null)
{
    public const int TextMaxLength = 1000;
    public const int MaxTerritories = 300;
    public const int MaxMedia = 50;

    /// <summary>Whether the two terms share a day (an open start runs from the beginning, an open end forever).</summary>
    public bool TermOverlaps(RightsGrant other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var start = Max(TermStart, other.TermStart);
        var end = Min(TermEnd, other.TermEnd);
        return start is null || end is null || start <= end;
    }

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : (a > b ? a : b);

    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : (a < b ? a : b);
}

/// <summary>Who may buy out whom, on what trigger, at what price basis.</summary>
public sealed record BuyoutRight(Guid Id, Guid HolderPartnerId, Guid FromPartnerId, string Trigger, string PriceBasis)
{
    public const int TextMaxLength = 1000;
}

/// <summary>
/// A minimum revenue guarantee a partner gives (e.g. a distributor's MG for its territory); the territory is a
/// country or territory-group code, or none for the whole of the partner's rights.
/// </summary>
public sealed record MinimumGuarantee(Guid Id, Guid PartnerId, Money Amount, string? Territory, string? Notes)
{
    public const int TextMaxLength = 1000;
}

/// <summary>Everything about distribution rights in a deal.</summary>
public sealed record DealRights(
    IReadOnlyList<RightsGrant> Grants,
    IReadOnlyList<BuyoutRight> Buyouts,
    IReadOnlyList<MinimumGuarantee> Guarantees,
    string? Structure = null,
    string? RevenueSharing = null)
{
    public const int StructureMaxLength = 200;
    public const int RevenueSharingMaxLength = 2000;
    public const int MaxBuyouts = 100;
    public const int MaxGuarantees = 200;

    public static DealRights Empty { get; } = new([], [], []);
}
