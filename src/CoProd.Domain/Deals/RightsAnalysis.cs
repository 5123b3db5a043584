using CoProd.Domain.Catalogues;
using CoProd.Domain.ReferenceData;

namespace CoProd.Domain.Deals;

/// <summary>Two grants to different partners that overlap in territory, medium and term where one of them is exclusive.</summary>
public sealed record RightsConflict(RightsGrant First, RightsGrant Second, IReadOnlyList<CountryCode> Countries, IReadOnlyList<string> Media);

/// <summary>For one medium, the countries no grant covers.</summary>
public sealed record CoverageGap(string Medium, IReadOnlyList<CountryCode> Unassigned);

/// <summary>
/// A set of countries said briefly: the whole world, or the territory groups it contains whole plus the countries
/// left over ("Europe, Japan, Korea" rather than 58 codes).
/// </summary>
public sealed record TerritorySummary(bool WholeWorld, IReadOnlyList<TerritoryGroup> Groups, IReadOnlyList<CountryCode> Countries)
{
    public static TerritorySummary None { get; } = new(false, [], []);

    public bool IsEmpty => !WholeWorld && Groups.Count == 0 && Countries.Count == 0;
}

public enum CoverageState
{
    /// <summary>Every country of the region is held by some partner for the medium.</summary>
    Covered,

    /// <summary>Some countries are held, some are not.</summary>
    Partly,

    /// <summary>Nobody holds the medium anywhere in the region.</summary>
    Unassigned,
}

/// <summary>A column of the coverage view: a territory group, or (without a group) the countries no group lists.</summary>
public sealed record CoverageRegion(TerritoryGroup? Group, IReadOnlyList<CountryCode> Countries)
{
    public bool IsRestOfWorld => Group is null;
}

/// <summary>How much of one region one medium's grants cover.</summary>
public sealed record CoverageCell(string Medium, CoverageRegion Region, int Unassigned)
{
    public int Countries => Region.Countries.Count;

    public CoverageState State => Unassigned == 0 ? CoverageState.Covered : Unassigned >= Countries ? CoverageState.Unassigned : CoverageState.Partly;
}

/// <summary>Media × regions: for each medium and region, how many countries nobody holds.</summary>
public sealed record CoverageMatrix(IReadOnlyList<string> Media, IReadOnlyList<CoverageRegion> Regions, IReadOnlyList<CoverageCell> Cells)
{
    public static CoverageMatrix Empty { get; } = new([], [], []);

    public CoverageCell Cell(string medium, CoverageRegion region) =>
        Cells.First(c => c.Region == region && string.Equals(c.Medium, medium, StringComparison.OrdinalIgnoreCase));
}

public sealed record RightsReport(IReadOnlyList<RightsConflict> Conflicts, IReadOnlyList<CoverageGap> Gaps)
{
    /// <summary>The coverage view of <see cref="Gaps"/> by territory group.</summary>
    public CoverageMatrix Coverage { get; init; } = CoverageMatrix.Empty;

    public bool IsComplete => Conflicts.Count == 0 && Gaps.All(g => g.Unassigned.Count == 0);
}

/// <summary>
/// What the grants of a deal leave unclear: overlapping grants where one is exclusive (conflicts), and what nobody
/// holds (per medium, the countries without a grant) — the "we'll work it out later" this product exists to end.
/// Coverage counts a country as held whatever the grant's term; conflicts need the terms to share a day.
/// </summary>
public static class RightsAnalysis
{
    /// <param name="rights">The deal's rights.</param>
    /// <param name="groups">Every territory group a grant may name (inactive ones too, so old grants keep their meaning); the coverage view uses the active ones.</param>
    /// <param name="allCountries">The countries rights can be held in (the world).</param>
    /// <param name="allMedia">The media the coverage view and gaps are computed for.</param>
    public static RightsReport Analyse(DealRights rights, IReadOnlyList<TerritoryGroup> groups, IReadOnlyList<CountryCode> allCountries, IReadOnlyList<string> allMedia)
    {
        ArgumentNullException.ThrowIfNull(rights);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(allCountries);
        var expanded = rights.Grants.ToDictionary(g => g.Id, g => Expand(g.Territories, groups, allCountries));

        var conflicts = new List<RightsConflict>();
        for (var i = 0; i < rights.Grants.Count; i++)
        {
            for (var j = i + 1; j < rights.Grants.Count; j++)
            {
                var a = rights.Grants[i];
                var b = rights.Grants[j];
                if (a.PartnerId == b.PartnerId || !(a.Exclusive || b.Exclusive) || !a.TermOverlaps(b))
                {
                    continue;
                }

                var media = a.Media.Intersect(b.Media, StringComparer.OrdinalIgnoreCase).ToList();
                var countries = expanded[a.Id].Intersect(expanded[b.Id]).Order().ToList();
                if (media.Count > 0 && countries.Count > 0)
                {
                    conflicts.Add(new RightsConflict(a, b, countries, media));
                }
            }
        }

        var gaps = (allMedia ?? []).Select(medium =>
        {
            var covered = rights.Grants
                .Where(g => g.Media.Contains(medium, StringComparer.OrdinalIgnoreCase))
                .SelectMany(g => expanded[g.Id])
                .ToHashSet();
            return new CoverageGap(medium, [.. allCountries.Distinct().Where(c => !covered.Contains(c)).Order()]);
        }).ToList();

        return new RightsReport(conflicts, gaps) { Coverage = Coverage(gaps, groups, allCountries) };
    }

    /// <summary>Country codes and group codes to the set of countries they mean; unknown codes mean nothing.</summary>
    public static HashSet<CountryCode> Expand(IEnumerable<string> territories, IReadOnlyList<TerritoryGroup> groups, IReadOnlyList<CountryCode> allCountries)
    {
        ArgumentNullException.ThrowIfNull(territories);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(allCountries);
        var result = new HashSet<CountryCode>();
        foreach (var territory in territories)
        {
            var group = groups.FirstOrDefault(g => string.Equals(g.Code, territory?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (group is not null)
            {
                result.UnionWith(group.CoversAllCountries ? allCountries : group.Countries);
            }
            else if (CountryCode.TryFrom(territory, out var country))
            {
                result.Add(country);
            }
        }

        return result;
    }

    /// <summary>
    /// Says a set of countries briefly: the whole world if it holds every country, otherwise the active groups it
    /// contains whole (largest first, skipping a group whose countries are already named, such as the Nordics
    /// inside Europe) and the countries left over.
    /// </summary>
    public static TerritorySummary Summarise(IEnumerable<CountryCode> countries, IReadOnlyList<TerritoryGroup> groups, IReadOnlyList<CountryCode> allCountries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(allCountries);
        var set = countries.ToHashSet();
        if (set.Count == 0)
        {
            return TerritorySummary.None;
        }

        var world = allCountries.ToHashSet();
        if (world.Count > 0 && world.IsSubsetOf(set))
        {
            return new TerritorySummary(true, [], [.. set.Where(c => !world.Contains(c)).Order()]);
        }

        var named = new HashSet<CountryCode>();
        var chosen = new List<TerritoryGroup>();
        var candidates = groups
            .Where(g => g.IsActive && !g.CoversAllCountries)
            .Select(g => (Group: g, Countries: world.Count == 0 ? g.Countries.ToHashSet() : g.Countries.Where(world.Contains).ToHashSet()))
            .Where(g => g.Countries.Count > 0)
            .OrderByDescending(g => g.Countries.Count)
            .ThenBy(g => g.Group.Name, StringComparer.Ordinal);
        foreach (var (group, members) in candidates)
        {
            if (members.IsSubsetOf(set) && !members.IsSubsetOf(named))
            {
                chosen.Add(group);
                named.UnionWith(members);
            }
        }

        return new TerritorySummary(false, chosen, [.. set.Where(c => !named.Contains(c)).Order()]);
    }

    /// <summary>
    /// The coverage view: for each medium, each active territory group (the whole-world group aside; largest first)
    /// and the rest of the world (countries no such group lists, last), how many of its countries nobody holds.
    /// </summary>
    public static CoverageMatrix Coverage(IReadOnlyList<CoverageGap> gaps, IReadOnlyList<TerritoryGroup> groups, IReadOnlyList<CountryCode> allCountries)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(allCountries);
        var world = allCountries.ToHashSet();
        var regions = groups
            .Where(g => g.IsActive && !g.CoversAllCountries)
            .Select(g => new CoverageRegion(g, [.. g.Countries.Where(world.Contains).Distinct().Order()]))
            .Where(r => r.Countries.Count > 0)
            .OrderByDescending(r => r.Countries.Count)
            .ThenBy(r => r.Group!.Name, StringComparer.Ordinal)
            .ToList();
        var listed = regions.SelectMany(r => r.Countries).ToHashSet();
        var rest = world.Where(c => !listed.Contains(c)).Order().ToList();
        if (rest.Count > 0)
        {
            regions.Add(new CoverageRegion(null, rest));
        }

        var cells = new List<CoverageCell>();
        foreach (var gap in gaps)
        {
            var open = gap.Unassigned.ToHashSet();
            cells.AddRange(regions.Select(region => new CoverageCell(gap.Medium, region, region.Countries.Count(open.Contains))));
        }

        return new CoverageMatrix([.. gaps.Select(g => g.Medium)], regions, cells);
    }
}
