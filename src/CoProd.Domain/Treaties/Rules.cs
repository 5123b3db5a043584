using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;

namespace CoProd.Domain.Treaties;

/// <summary>
/// Everything a treaty says that the engine checks, as data. A rule left null is one the treaty does not have or
/// whose terms are not on record; the engine says which, rather than guessing. Every rule carries its source.
/// </summary>
public sealed record RuleSet
{
    public ApplicabilityRule? Applicability { get; init; }

    /// <summary>Per co-producer band when two countries take part.</summary>
    public ShareBandRule? BilateralShares { get; init; }

    /// <summary>Per co-producer band when three or more countries take part.</summary>
    public ShareBandRule? MultilateralShares { get; init; }

    /// <summary>Bands that replace the two above for some formats (e.g. a higher minimum for television series).</summary>
    public IReadOnlyList<FormatShareBands> BandsByFormat { get; init; } = [];

    /// <summary>Co-producers established outside the treaty's parties.</summary>
    public NonPartyRule? NonPartyCoProducers { get; init; }

    public FinancialOnlyRule? FinancialOnly { get; init; }

    public IReadOnlyList<PointsTable> PointsTables { get; init; } = [];

    public ProportionalityRule? Proportionality { get; init; }

    public NationalityRule? Nationality { get; init; }

    public SpendRule? Spend { get; init; }

    public IReadOnlyList<CompetentAuthority> CompetentAuthorities { get; init; } = [];

    public string? Notes { get; init; }

    public const int NotesMaxLength = 4000;
}

/// <summary>When the treaty can be used at all.</summary>
public sealed record ApplicabilityRule(RuleSource Source)
{
    /// <summary>Formats the treaty covers; empty means all.</summary>
    public IReadOnlyList<ProductionFormat> Formats { get; init; } = [];

    /// <summary>Distinct party countries a co-production with three or more countries (or any non-party co-producer) needs.</summary>
    public int MultilateralMinimumPartyCountries { get; init; } = 2;

    /// <summary>For a convention: whether it may serve two parties that have no bilateral treaty between them.</summary>
    public bool BilateralUse { get; init; } = true;

    /// <summary>
    /// For a convention (European Convention, Art. 2.3–2.4): a bilateral treaty between the two countries of a
    /// bilateral co-production applies instead of it, and it applies instead of bilateral treaties to a
    /// multilateral co-production between its parties.
    /// </summary>
    public bool YieldsToBilateralTreaties { get; init; }

    /// <summary>Every participating country must be a party (the revised European Convention's condition).</summary>
    public bool AllParticipatingCountriesMustBeParties { get; init; }

    /// <summary>The treaty (by code) that applies instead when <see cref="AllParticipatingCountriesMustBeParties"/> is not met.</summary>
    public string? OtherwiseApplies { get; init; }
}

/// <summary>How the minimum and maximum of a band are measured.</summary>
public enum ShareBasis
{
    /// <summary>Each co-producer's own share.</summary>
    PerCoProducer,

    /// <summary>The combined share of the co-producers of each country.</summary>
    PerCountry,
}

/// <summary>Minimum and maximum share of the total production cost; both limits inclusive. A null limit is not on record.</summary>
public sealed record ShareBandRule(Percentage? Minimum, Percentage? Maximum, RuleSource Source)
{
    public ShareBasis Basis { get; init; } = ShareBasis.PerCoProducer;
}

/// <summary>Bands for the listed formats, in place of the treaty's general ones; a null band is not on record.</summary>
public sealed record FormatShareBands(IReadOnlyList<ProductionFormat> Formats, ShareBandRule? Bilateral, ShareBandRule? Multilateral);

/// <summary>Co-producers not established in a party country.</summary>
public sealed record NonPartyRule(bool Allowed, RuleSource Source)
{
    /// <summary>Cap on their combined share (e.g. 30 % under the European Conventions); null means no cap on record.</summary>
    public Percentage? MaximumCombinedShare { get; init; }

    public string? Conditions { get; init; }
}

/// <summary>Purely financial co-producers.</summary>
public sealed record FinancialOnlyRule(bool Allowed, RuleSource Source)
{
    /// <summary>Band for each financial co-producer's share (replaces the normal band for them).</summary>
    public Percentage? Minimum { get; init; }

    public Percentage? Maximum { get; init; }

    /// <summary>Granted case by case by the competent authorities: a pass is shown as a warning.</summary>
    public bool RequiresApproval { get; init; }

    /// <summary>The largest co-producer must take part creatively and technically (not be financial only).</summary>
    public bool RequiresCreativeMajorityCoProducer { get; init; }

    public string? Conditions { get; init; }
}

public enum PointsGroup
{
    Creative,
    Performing,
    Technical,
}

/// <summary>What a points element looks at: the nationality of a key person, or the country of a place of work.</summary>
public sealed record PointsElement(string Key, string Label, int Points, PointsGroup Group)
{
    public KeyRole? Role { get; init; }

    public LocationKind? Location { get; init; }
}

/// <summary>A points table for one category of work: elements, points, threshold.</summary>
public sealed record PointsTable(PointsCategory Category, int Threshold, int Total, RuleSource Source)
{
    /// <summary>The elements; empty when only the threshold and total are on record.</summary>
    public IReadOnlyList<PointsElement> Elements { get; init; } = [];

    /// <summary>Authorities may grant status below the threshold: a shortfall is a warning, not a failure.</summary>
    public bool DiscretionBelowThreshold { get; init; }

    public string? DiscretionNote { get; init; }

    /// <summary>Whose elements count: nationals of any party (conventions) or of the co-producing countries.</summary>
    public PointsEligibility Eligibility { get; init; } = PointsEligibility.TreatyParties;
}

public enum PointsEligibility
{
    TreatyParties,
    CoProducingCountries,
}

/// <summary>Creative and technical participation in proportion to money ("in principle"): a warning band.</summary>
public sealed record ProportionalityRule(Percentage Tolerance, RuleSource Source)
{
    /// <summary>Where the tolerance comes from when the treaty gives no number (CoProd's review threshold).</summary>
    public string? ToleranceNote { get; init; }
}

/// <summary>Who may fill the key positions.</summary>
public sealed record NationalityRule(RuleSource Source)
{
    /// <summary>Nationals of the co-producing countries qualify (true) or nationals of any party (false).</summary>
    public bool CoProducingCountriesOnly { get; init; } = true;

    /// <summary>Further nationalities that qualify (e.g. EU/EEA states under some treaties).</summary>
    public IReadOnlyList<CountryCode> AlsoEligible { get; init; } = [];

    /// <summary>Residents of a qualifying country count as nationals.</summary>
    public bool ResidentsCount { get; init; }

    /// <summary>Others may be engaged with the authorities' approval: shown as a warning rather than a failure.</summary>
    public bool OthersWithApproval { get; init; }
}

/// <summary>Where the money is spent.</summary>
public sealed record SpendRule(RuleSource Source)
{
    /// <summary>Cap on spend outside the co-producing countries, as a share of the total.</summary>
    public Percentage? MaximumOutsideCoProducingCountries { get; init; }

    /// <summary>Each country's spend should be reasonably equivalent to its financial share, within this many points.</summary>
    public Percentage? ProportionalTolerance { get; init; }

    public string? Conditions { get; init; }
}

public sealed record CompetentAuthority(CountryCode Country, string Name, string? Url = null);
