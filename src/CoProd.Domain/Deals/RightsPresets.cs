using CoProd.Domain.Common;

namespace CoProd.Domain.Deals;

/// <summary>The usual ways co-producers split distribution rights (seeds/003), each as the grants it makes.</summary>
public enum RightsStructure
{
    /// <summary>Each partner controls its territories, in every medium chosen, exclusively.</summary>
    TerritorySplit,

    /// <summary>Each partner controls its media, world-wide, exclusively.</summary>
    PlatformSplit,

    /// <summary>Every partner holds everything non-exclusively, and each distribution deal needs the others' approval.</summary>
    JointControl,
}

/// <summary>
/// Builds the grants of a standard structure in one step, so that a deal starts from a clear split rather than from
/// "we'll work it out later". The grants replace the deal's grants whole; checking that territories and media exist
/// in the catalogues is the caller's task.
/// </summary>
public static class RightsPresets
{
    public static string Label(RightsStructure structure) => structure switch
    {
        RightsStructure.TerritorySplit => "Territory split",
        RightsStructure.PlatformSplit => "Platform split",
        _ => "Joint control with approval rights",
    };

    /// <summary>Partner A gets territories A, partner B territories B, each in all <paramref name="media"/>, exclusively.</summary>
    public static IReadOnlyList<RightsGrant> TerritorySplit(
        Guid partnerA, IReadOnlyList<string> territoriesA, Guid partnerB, IReadOnlyList<string> territoriesB,
        IReadOnlyList<string> media, DateOnly? termStart, DateOnly? termEnd, Func<Guid> newId)
    {
        ArgumentNullException.ThrowIfNull(territoriesA);
        ArgumentNullException.ThrowIfNull(territoriesB);
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(newId);
        Distinct(partnerA, partnerB);
        if (territoriesA.Count == 0 || territoriesB.Count == 0 || media.Count == 0)
        {
            throw new DomainException("A territory split needs territories for both partners and at least one medium.");
        }

        return
        [
            new RightsGrant(newId(), partnerA, [.. territoriesA], [.. media], termStart, termEnd, true, []),
            new RightsGrant(newId(), partnerB, [.. territoriesB], [.. media], termStart, termEnd, true, []),
        ];
    }

    /// <summary>Partner A gets media A, partner B media B, both in <paramref name="territories"/> (the world), exclusively.</summary>
    public static IReadOnlyList<RightsGrant> PlatformSplit(
        Guid partnerA, IReadOnlyList<string> mediaA, Guid partnerB, IReadOnlyList<string> mediaB,
        IReadOnlyList<string> territories, DateOnly? termStart, DateOnly? termEnd, Func<Guid> newId)
    {
        ArgumentNullException.ThrowIfNull(mediaA);
        ArgumentNullException.ThrowIfNull(mediaB);
        ArgumentNullException.ThrowIfNull(territories);
        ArgumentNullException.ThrowIfNull(newId);
        Distinct(partnerA, partnerB);
        if (mediaA.Count == 0 || mediaB.Count == 0 || territories.Count == 0)
        {
            throw new DomainException("A platform split needs media for both partners and the territory they hold them in.");
        }

        var shared = mediaA.Intersect(mediaB, StringComparer.OrdinalIgnoreCase).ToList();
        if (shared.Count > 0)
        {
            throw new DomainException($"A platform split gives each medium to one partner; both were given {string.Join(", ", shared)}.");
        }

        return
        [
            new RightsGrant(newId(), partnerA, [.. territories], [.. mediaA], termStart, termEnd, true, []),
            new RightsGrant(newId(), partnerB, [.. territories], [.. mediaB], termStart, termEnd, true, []),
        ];
    }

    /// <summary>Every partner holds all <paramref name="media"/> in <paramref name="territories"/> non-exclusively; each deal needs the other partners' approval.</summary>
    public static IReadOnlyList<RightsGrant> JointControl(
        IReadOnlyList<Guid> partners, IReadOnlyList<string> territories, IReadOnlyList<string> media,
        DateOnly? termStart, DateOnly? termEnd, Func<Guid> newId)
    {
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(territories);
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(newId);
        var distinct = partners.Distinct().ToList();
        if (distinct.Count < 2)
        {
            throw new DomainException("Joint control needs at least two partners.");
        }

        if (territories.Count == 0 || media.Count == 0)
        {
            throw new DomainException("Joint control needs the territory and at least one medium.");
        }

        return [.. distinct.Select(p => new RightsGrant(newId(), p, [.. territories], [.. media], termStart, termEnd, false, [.. distinct.Where(o => o != p)]))];
    }

    private static void Distinct(Guid a, Guid b)
    {
        if (a == b)
        {
            throw new DomainException("Choose two different partners.");
        }
    }
}
