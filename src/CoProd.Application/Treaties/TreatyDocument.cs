namespace CoProd.Application.Treaties;

// The treaty interchange format (JSON), documented in the README: what treaty import/export, the API and the
// seed data read and write. Every field is nullable here so that validation can name what is missing, with its
// path, instead of a deserializer guessing a default. Field names match the domain's RuleSet one to one.

/// <summary>A file of treaties: <c>{ "format": "coprod-treaties/1", "treaties": [ ... ] }</c>.</summary>
public sealed class TreatyFileDto
{
    public const string CurrentFormat = "coprod-treaties/1";

    public string? Format { get; set; }

    public List<TreatyDto>? Treaties { get; set; }
}

public sealed class TreatyDto
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    /// <summary>"bilateral" or "convention".</summary>
    public string? Kind { get; set; }

    public List<TreatyPartyDto>? Parties { get; set; }

    public DateOnly? SignedOn { get; set; }

    public DateOnly? InForceFrom { get; set; }

    public DateOnly? TerminatedOn { get; set; }

    public string? DatesNote { get; set; }

    public List<SourceDto>? Sources { get; set; }

    public List<RuleVersionDto>? RuleVersions { get; set; }
}

public sealed class TreatyPartyDto
{
    public string? Country { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? Until { get; set; }
}

public sealed class SourceDto
{
    public string? Article { get; set; }

    public string? Url { get; set; }

    public string? Note { get; set; }

    /// <summary>"solid", "secondary" or "unsure"; solid when left out.</summary>
    public string? Confidence { get; set; }
}

public sealed class RuleVersionDto
{
    /// <summary>Read on export only; versions are numbered in file order on import.</summary>
    public int? Number { get; set; }

    /// <summary>The date the rules take effect; absent: since the treaty began, the date not being on record.</summary>
    public DateOnly? EffectiveFrom { get; set; }

    /// <summary>"published" (default on import) or "draft".</summary>
    public string? Status { get; set; }

    public string? ChangeNote { get; set; }

    public RuleSetDto? Rules { get; set; }
}

public sealed class RuleSetDto
{
    public ApplicabilityDto? Applicability { get; set; }

    public ShareBandDto? BilateralShares { get; set; }

    public ShareBandDto? MultilateralShares { get; set; }

    public List<FormatShareBandsDto>? BandsByFormat { get; set; }

    public NonPartyDto? NonPartyCoProducers { get; set; }

    public FinancialOnlyDto? FinancialOnly { get; set; }

    public List<PointsTableDto>? PointsTables { get; set; }

    public ProportionalityDto? Proportionality { get; set; }

    public NationalityDto? Nationality { get; set; }

    public SpendDto? Spend { get; set; }

    public List<CompetentAuthorityDto>? CompetentAuthorities { get; set; }

    public string? Notes { get; set; }
}

public sealed class ApplicabilityDto
{
    /// <summary>Formats covered ("fictionFeature", "animation", "documentary", "series"); empty or absent: all.</summary>
    public List<string>? Formats { get; set; }

    public int? MultilateralMinimumPartyCountries { get; set; }

    public bool? BilateralUse { get; set; }

    public bool? YieldsToBilateralTreaties { get; set; }

    public bool? AllParticipatingCountriesMustBeParties { get; set; }

    public string? OtherwiseApplies { get; set; }

    public SourceDto? Source { get; set; }
}

public sealed class ShareBandDto
{
    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    /// <summary>"perCoProducer" (default) or "perCountry".</summary>
    public string? Basis { get; set; }

    public SourceDto? Source { get; set; }
}

public sealed class FormatShareBandsDto
{
    public List<string>? Formats { get; set; }

    public ShareBandDto? Bilateral { get; set; }

    public ShareBandDto? Multilateral { get; set; }
}

public sealed class NonPartyDto
{
    public bool? Allowed { get; set; }

    public decimal? MaximumCombinedShare { get; set; }

    public string? Conditions { get; set; }

    public SourceDto? Source { get; set; }
}

public sealed class FinancialOnlyDto
{
    public bool? Allowed { get; set; }

    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    public bool? RequiresApproval { get; set; }

    public bool? RequiresCreativeMajorityCoProducer { get; set; }

    public string? Conditions { get; set; }

    public SourceDto? Source { get; set; }
}

public sealed class PointsTableDto
{
    /// <summary>"fiction", "animation" or "documentary".</summary>
    public string? Category { get; set; }

    public int? Threshold { get; set; }

    public int? Total { get; set; }

    public bool? DiscretionBelowThreshold { get; set; }

    public string? DiscretionNote { get; set; }

    /// <summary>"treatyParties" (default) or "coProducingCountries".</summary>
    public string? Eligibility { get; set; }

    public List<PointsElementDto>? Elements { get; set; }

    public SourceDto? Source { get; set; }
}

public sealed class PointsElementDto
{
    public string? Key { get; set; }

    public string? Label { get; set; }

    public int? Points { get; set; }

    /// <summary>"creative", "performing" or "technical".</summary>
    public string? Group { get; set; }

    /// <summary>A key role (e.g. "director", "leadActor1"), or…</summary>
    public string? Role { get; set; }

    /// <summary>…a place of work ("shooting", "postProduction", "visualEffects").</summary>
    public string? Location { get; set; }
}

public sealed class ProportionalityDto
{
    public decimal? Tolerance { get; set; }

    public string? ToleranceNote { get; set; }

    public SourceDto? Source { get; set; }
}

public sealed class NationalityDto
{
    public bool? CoProducingCountriesOnly { get; set; }

    public List<string>? AlsoEligible { get; set; }

    public bool? ResidentsCount { get; set; }

    public bool? OthersWithApproval { get; set; }

    public SourceDto? Source { get; set; }
}

public sealed class SpendDto
{
    public decimal? MaximumOutsideCoProducingCountries { get; set; }

    public decimal? ProportionalTolerance { get; set; }

    public string? Conditions { get; set; }

    public SourceDto? Source { get; set; }
}

public sealed class CompetentAuthorityDto
{
    public string? Country { get; set; }

    public string? Name { get; set; }

    public string? Url { get; set; }
}
