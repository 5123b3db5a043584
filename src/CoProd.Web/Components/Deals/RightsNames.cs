using System.Globalization;
using CoProd.Application.Deals;
using CoProd.Application.ReferenceData;
using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;

namespace CoProd.Web.Components.Deals;

/// <summary>
/// Names for what the rights page shows: territories (groups and countries), media, partners, terms, and sets of
/// countries summarised by the groups they hold whole. Built once per request from the workspace.
/// </summary>
public sealed class RightsNames
{
    private readonly DealWorkspace _workspace;

    public RightsNames(DealWorkspace workspace, IReadOnlyList<CodeName> countries)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(countries);
        _workspace = workspace;
        Catalogue = new CatalogueNames(
            workspace.DecisionDomains.ToDictionary(d => d.Code, d => d.Name),
            workspace.Media.ToDictionary(m => m.Code, m => m.Name),
            workspace.TerritoryGroups.ToDictionary(g => g.Code, g => g.Name))
        {
            Countries = countries.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal),
        };
        World = [.. countries.Select(c => CountryCode.From(c.Code)).Order()];
    }

    public CatalogueNames Catalogue { get; }

    /// <summary>The countries rights are held in (active ones).</summary>
    public IReadOnlyList<CountryCode> World { get; }

    public string Partner(Guid id) => _workspace.PartnerName(id);

    public string Territory(string code) => Catalogue.Territory(code);

    public string Territories(IEnumerable<string> codes) => string.Join(", ", codes.Select(Territory));

    public string Medium(string code) => Catalogue.Medium(code);

    public string Media(IEnumerable<string> codes) => string.Join(", ", codes.Select(Medium));

    public TerritorySummary Summarise(IEnumerable<CountryCode> countries) =>
        RightsAnalysis.Summarise(countries, _workspace.TerritoryGroups, World);

    /// <summary>
    /// A set of countries in a few words: "the whole world", or the groups it holds whole and the other countries —
    /// by name when there are a few, otherwise counted per group ("48 of the 50 countries of Latin America").
    /// </summary>
    public string Describe(IEnumerable<CountryCode> countries, int maxListed = 6)
    {
        var summary = Summarise(countries);
        if (summary.WholeWorld)
        {
            return "the whole world";
        }

        var parts = summary.Groups.Select(g => g.Name).ToList();
        if (summary.Countries.Count <= maxListed)
        {
            parts.AddRange(summary.Countries.Select(c => Territory(c.Value)));
            return Join(parts);
        }

        var world = World.ToHashSet();
        var named = summary.Groups.SelectMany(g => g.Countries).ToHashSet();
        var regions = _workspace.TerritoryGroups
            .Where(g => !g.CoversAllCountries)
            .Select(g => (Group: g, Countries: g.Countries.Where(world.Contains).ToHashSet()))
            .OrderByDescending(r => r.Countries.Count)
            .ToList();
        var bunches = summary.Countries
            .GroupBy(c => regions.FindIndex(r => r.Countries.Contains(c)))
            .OrderBy(b => b.Key < 0 ? int.MaxValue : b.Key);
        foreach (var bunch in bunches)
        {
            var count = bunch.Count();
            if (count <= 2)
            {
                parts.AddRange(bunch.Select(c => Territory(c.Value)));
            }
            else if (bunch.Key < 0)
            {
                parts.Add($"{count} countries in no group");
            }
            else
            {
                var (group, members) = regions[bunch.Key];
                parts.Add(members.Overlaps(named) ? $"{count} more countries of {group.Name}" : $"{count} of the {members.Count} countries of {group.Name}");
            }
        }

        return Join(parts);
    }

    /// <summary>Whether the media include every medium in the catalogue (there being more than one).</summary>
    public bool HoldsAllMedia(IEnumerable<string> codes)
    {
        var all = _workspace.Media.Select(m => m.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return all.Count > 1 && all.IsSubsetOf(codes.Select(c => c.ToLowerInvariant()));
    }

    /// <summary>"all media (8)" when a grant holds every medium in the catalogue, otherwise their names.</summary>
    public string MediaOrAll(IReadOnlyCollection<string> codes) =>
        HoldsAllMedia(codes) ? $"all media ({_workspace.Media.Count})" : Media(codes);

    /// <summary>A grant in a line for lists: territories; media; exclusivity; term; approvals.</summary>
    public string Short(RightsGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var text = $"{Territories(grant.Territories)}; {MediaOrAll(grant.Media)}; {(grant.Exclusive ? "exclusive" : "non-exclusive")}; {Term(grant.TermStart, grant.TermEnd)}";
        return grant.ApprovalPartnerIds.Count == 0 ? text : $"{text}; deals approved by {string.Join(", ", grant.ApprovalPartnerIds.Select(Partner))}";
    }

    public string CountryNames(IEnumerable<CountryCode> countries) => string.Join(", ", countries.Select(c => Territory(c.Value)));

    /// <summary>"1 Jan 2027 – 31 Dec 2034", "from 1 Jan 2027", "until 31 Dec 2034" or "no fixed term".</summary>
    public static string Term(DateOnly? start, DateOnly? end) => (start, end) switch
    {
        (null, null) => "no fixed term",
        ({ } from, null) => $"from {Date(from)}",
        (null, { } until) => $"until {Date(until)}",
        ({ } from, { } until) => $"{Date(from)} – {Date(until)}",
    };

    private static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Join(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
}
