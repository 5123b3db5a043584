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

/// <summary>What one partner gets in a split: territory codes (a territory split) or media codes (a platform split).</summary>
public sealed record PresetShare(Guid PartnerId, IReadOnlyList<string> Codes);

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

    /// <summary>Each partner gets its territories (<see cref="PresetShare.Codes"/>), in all <paramref name="media"/>, exclusively.</summary>
    public static IReadOnlyList<RightsGrant> TerritorySplit(
        IReadOnlyList<PresetShare> shares, IReadOnlyList<string> media, DateOnly? termStart, DateOnly? termEnd, Func<Guid> newId)
    {
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(newId);
        Check(shares, "territory split");
        if (shares.Any(s => s.Codes.Count == 0) || media.Count == 0)
        {
            throw new DomainException("A territory split needs territories for every partner in it and at least one medium.");
        }

        return [.. shares.Select(s => new RightsGrant(newId(), s.PartnerId, [.. s.Codes], [.. media], termStart, termEnd, true, []))];
    }

    /// <summary>Each partner gets its media (<see cref="PresetShare.Codes"/>), all in <paramref name="territories"/> (the world), exclusively.</summary>
    public static IReadOnlyList<RightsGrant> PlatformSplit(
        IReadOnlyList<PresetShare> shares, IReadOnlyList<string> territories, DateOnly? termStart, DateOnly? termEnd, Func<Guid> newId)
    {
        ArgumentNullException.ThrowIfNull(territories);
        ArgumentNullException.ThrowIfNull(newId);
        Check(shares, "platform split");
        if (shares.Any(s => s.Codes.Count == 0) || territories.Count == 0)
        {
            throw new DomainException("A platform split needs media for every partner in it and the territory they hold them in.");
        }

        var shared = shares.SelectMany(s => s.Codes.Distinct(StringComparer.OrdinalIgnoreCase))
            .GroupBy(m => m, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (shared.Count > 0)
        {
            throw new DomainException($"A platform split gives each medium to one partner; more than one was given {string.Join(", ", shared)}.");
        }

        return [.. shares.Select(s => new RightsGrant(newId(), s.PartnerId, [.. territories], [.. s.Codes], termStart, termEnd, true, []))];
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

    private static void Check(IReadOnlyList<PresetShare> shares, string structure)
    {
        ArgumentNullException.ThrowIfNull(shares);
        if (shares.Count < 2)
        {
            throw new DomainException($"A {structure} needs at least two partners.");
        }

        if (shares.Select(s => s.PartnerId).Distinct().Count() != shares.Count)
        {
            throw new DomainException($"A {structure} names each partner once.");
        }
    }
}
