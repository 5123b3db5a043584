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

    /// <summary>Everything a grant says, as the audit trail says it.</summary>
    public string Grant(RightsGrant grant) => DealFacts.DescribeGrant(grant, _workspace.Deal, Catalogue);

    public TerritorySummary Summarise(IEnumerable<CountryCode> countries) =>
        RightsAnalysis.Summarise(countries, _workspace.TerritoryGroups, World);

    /// <summary>"Europe, Asia, Brazil and Peru", "the whole world", or the first countries and how many more.</summary>
    public string Describe(IEnumerable<CountryCode> countries, int maxCountries = 10)
    {
        var summary = Summarise(countries);
        if (summary.WholeWorld)
        {
            return "the whole world";
        }

        var names = summary.Groups.Select(g => g.Name).ToList();
        var countryNames = summary.Countries.Select(c => Territory(c.Value)).ToList();
        names.AddRange(countryNames.Take(maxCountries));
        var more = countryNames.Count - maxCountries;
        return more > 0 ? $"{string.Join(", ", names)} and {more} more {(more == 1 ? "country" : "countries")}" : Join(names);
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
