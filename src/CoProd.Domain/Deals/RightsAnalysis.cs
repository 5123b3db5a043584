using CoProd.Domain.Catalogues;
using CoProd.Domain.ReferenceData;

namespace CoProd.Domain.Deals;

/// <summary>Two grants that overlap in territory, medium and term where one of them is exclusive.</summary>
public sealed record RightsConflict(RightsGrant First, RightsGrant Second, IReadOnlyList<CountryCode> Countries, IReadOnlyList<string> Media);

/// <summary>For one medium, the countries no grant covers.</summary>
public sealed record CoverageGap(string Medium, IReadOnlyList<CountryCode> Unassigned);

public sealed record RightsReport(IReadOnlyList<RightsConflict> Conflicts, IReadOnlyList<CoverageGap> Gaps)
{
    public bool IsComplete => Conflicts.Count == 0 && Gaps.All(g => g.Unassigned.Count == 0);
}

/// <summary>
/// What the grants of a deal leave unclear: overlapping grants where one is exclusive (conflicts), and what nobody
/// holds (per medium, the countries without a grant) — the "we'll work it out later" this product exists to end.
/// </summary>
public static class RightsAnalysis
{
    public static RightsReport Analyse(DealRights rights, IReadOnlyList<TerritoryGroup> groups, IReadOnlyList<CountryCode> allCountries, IReadOnlyList<string> allMedia)
    {
        ArgumentNullException.ThrowIfNull(rights);
        ArgumentNullException.ThrowIfNull(groups);
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
            return new CoverageGap(medium, [.. allCountries.Where(c => !covered.Contains(c)).Order()]);
        }).ToList();

        return new RightsReport(conflicts, gaps);
    }

    /// <summary>Country codes and group codes to the set of countries they mean.</summary>
    public static HashSet<CountryCode> Expand(IEnumerable<string> territories, IReadOnlyList<TerritoryGroup> groups, IReadOnlyList<CountryCode> allCountries)
    {
        ArgumentNullException.ThrowIfNull(territories);
        ArgumentNullException.ThrowIfNull(groups);
        var result = new HashSet<CountryCode>();
        foreach (var territory in territories)
        {
            var group = groups.FirstOrDefault(g => string.Equals(g.Code, territory, StringComparison.OrdinalIgnoreCase));
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
}
