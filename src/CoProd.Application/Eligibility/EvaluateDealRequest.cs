namespace CoProd.Application.Eligibility;

/// <summary>
/// A deal given in full, to evaluate against a named treaty (<see cref="Treaty"/>) or, when none is named, to run
/// the treaty finder on. Fields are nullable so validation can name what is missing.
/// </summary>
public sealed class EvaluateDealRequest
{
    /// <summary>Treaty code (e.g. "ca-fr"); absent: find every treaty that could apply.</summary>
    public string? Treaty { get; set; }

    /// <summary>Date to evaluate on; absent: today.</summary>
    public DateOnly? Date { get; set; }

    public DealInput? Deal { get; set; }
}

public sealed class DealInput
{
    public string? Title { get; set; }

    /// <summary>"fictionFeature", "animation", "documentary" or "series".</summary>
    public string? Format { get; set; }

    /// <summary>Deal currency (ISO 4217).</summary>
    public string? Currency { get; set; }

    public decimal? Budget { get; set; }

    public List<PartnerInput>? Partners { get; set; }

    public List<KeyPersonInput>? KeyPeople { get; set; }

    public List<LocationInput>? Locations { get; set; }
}

public sealed class PartnerInput
{
    public string? Company { get; set; }

    /// <summary>Country of establishment (ISO 3166-1 alpha-2).</summary>
    public string? Country { get; set; }

    /// <summary>"majorityDelegate", "minority" or "financialOnly".</summary>
    public string? Role { get; set; }

    public List<ContributionInput>? Contributions { get; set; }
}

public sealed class ContributionInput
{
    /// <summary>"cash" or "inKind".</summary>
    public string? Kind { get; set; }

    public string? Description { get; set; }

    public decimal? Amount { get; set; }

    /// <summary>Currency of the amount; absent: the deal currency.</summary>
    public string? Currency { get; set; }

    /// <summary>Units of the deal currency per unit of <see cref="Currency"/>, locked on <see cref="RateLockedOn"/>.</summary>
    public decimal? RateToDealCurrency { get; set; }

    public DateOnly? RateLockedOn { get; set; }

    /// <summary>Where it is spent; absent: the partner's country.</summary>
    public string? SpendCountry { get; set; }
}

public sealed class KeyPersonInput
{
    /// <summary>e.g. "director", "scriptwriter", "leadActor1", "directorOfPhotography".</summary>
    public string? Role { get; set; }

    public string? Name { get; set; }

    public string? Nationality { get; set; }

    public string? Residence { get; set; }
}

public sealed class LocationInput
{
    /// <summary>"shooting", "postProduction" or "visualEffects".</summary>
    public string? Kind { get; set; }

    public string? Country { get; set; }
}
