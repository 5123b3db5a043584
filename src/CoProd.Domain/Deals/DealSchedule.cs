using CoProd.Domain.Common;

namespace CoProd.Domain.Deals;

/// <summary>The production calendar; any date may be unknown yet, but known dates must come in order.</summary>
public sealed record DealSchedule(
    DateOnly? DevelopmentStart = null,
    DateOnly? PreProductionStart = null,
    DateOnly? ShootStart = null,
    DateOnly? ShootEnd = null,
    DateOnly? PostProductionEnd = null,
    DateOnly? Delivery = null)
{
    public static DealSchedule Empty { get; } = new();

    /// <summary>The dates in calendar order with their names, for checks and display.</summary>
    public IEnumerable<(string Name, DateOnly? Date)> Steps =>
    [
        ("development start", DevelopmentStart),
        ("pre-production start", PreProductionStart),
        ("start of shoot", ShootStart),
        ("end of shoot", ShootEnd),
        ("end of post-production", PostProductionEnd),
        ("delivery", Delivery),
    ];

    public DealSchedule Validated()
    {
        (string Name, DateOnly Date)? previous = null;
        foreach (var (name, date) in Steps)
        {
            if (date is not { } current)
            {
                continue;
            }

            if (previous is { } before && current < before.Date)
            {
                throw new DomainException($"The {name} ({current:yyyy-MM-dd}) comes before the {before.Name} ({before.Date:yyyy-MM-dd}).");
            }

            previous = (name, current);
        }

        return this;
    }
}

/// <summary>Who pays overages; a cap is in the deal currency.</summary>
public sealed record OveragePolicy(OverageMode Mode, decimal? Cap = null, Guid? ResponsiblePartnerId = null, string? Notes = null)
{
    public const int NotesMaxLength = 2000;

    public static OveragePolicy Default { get; } = new(OverageMode.ProRata);
}

/// <summary>
/// The eligibility result recorded on the deal: which treaty and which rule version it was checked against, on
/// what date, with what verdict. A newer rule version does not change it; a new check does.
/// </summary>
public sealed record EligibilityRecord(
    string TreatyCode, string TreatyName, Guid RuleVersionId, int RuleVersionNumber, DateOnly CheckedOn, string Verdict, DateTimeOffset RecordedAt, string RecordedBy);
