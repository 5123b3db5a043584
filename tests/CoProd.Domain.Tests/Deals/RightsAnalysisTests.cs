using CoProd.Domain.Catalogues;
using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Deals;

public sealed class RightsAnalysisTests
{
    private static readonly Guid Tokyo = Guid.NewGuid();
    private static readonly Guid Pacific = Guid.NewGuid();

    private static readonly TerritoryGroup World = new("world", "World", true, []);
    private static readonly TerritoryGroup Europe = new("europe", "Europe", false, [C("FR"), C("DE"), C("IT"), C("SE"), C("DK")]);
    private static readonly TerritoryGroup Nordics = new("nordics", "Nordic countries", false, [C("SE"), C("DK")]);
    private static readonly TerritoryGroup Asia = new("asia", "Asia", false, [C("JP"), C("KR"), C("CN")]);
    private static readonly TerritoryGroup NorthAmerica = new("north-america", "North America", false, [C("US"), C("CA")]);
    private static readonly IReadOnlyList<TerritoryGroup> Groups = [World, Europe, Nordics, Asia, NorthAmerica];
    private static readonly IReadOnlyList<CountryCode> Countries =
        [.. new[] { "FR", "DE", "IT", "SE", "DK", "JP", "KR", "CN", "US", "CA", "BR", "ZA" }.Select(C)];

    private static readonly IReadOnlyList<string> Media = ["theatrical", "svod"];

    private static RightsGrant Grant(Guid partner, string territories, string media = "theatrical", bool exclusive = true, string? from = null, string? until = null) =>
        new(Guid.NewGuid(), partner, territories.Split(','), media.Split(','), from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            until is null ? null : DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), exclusive, []);

    private static RightsReport Analyse(params RightsGrant[] grants) =>
        RightsAnalysis.Analyse(new DealRights(grants, [], []), Groups, Countries, Media);

    [Theory]
    [InlineData("2027-01-01", "2030-12-31", "2030-12-31", "2035-12-31", true)] // terms touch on one day: both hold it then
    [InlineData("2027-01-01", "2030-12-31", "2031-01-01", "2035-12-31", false)] // one ends the day before the other starts
    [InlineData("2031-01-01", "2035-12-31", "2027-01-01", "2030-12-31", false)] // the same, in the other order
    [InlineData("2027-01-01", null, "2040-01-01", "2041-12-31", true)] // an open end runs forever
    [InlineData("2027-01-01", null, null, "2026-12-31", false)] // open start ends before the open end begins
    [InlineData("2027-01-01", null, null, "2027-01-01", true)] // …or on its first day
    [InlineData(null, null, "2030-01-01", "2030-01-31", true)] // no term at all overlaps every term
    [InlineData(null, "2028-06-30", null, "2020-01-01", true)] // two open starts always overlap
    public void Exclusive_grants_conflict_only_when_their_terms_share_a_day(string? startA, string? endA, string? startB, string? endB, bool conflict)
    {
        var report = Analyse(Grant(Tokyo, "JP", from: startA, until: endA), Grant(Pacific, "JP", from: startB, until: endB));

        Assert.Equal(conflict, report.Conflicts.Count == 1);
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(false, false, false)]
    public void Overlapping_grants_conflict_when_either_one_is_exclusive(bool firstExclusive, bool secondExclusive, bool conflict)
    {
        var report = Analyse(Grant(Tokyo, "asia", exclusive: firstExclusive), Grant(Pacific, "JP", exclusive: secondExclusive));

        Assert.Equal(conflict, report.Conflicts.Count == 1);
    }

    [Fact]
    public void Two_grants_to_the_same_partner_never_conflict()
    {
        var report = Analyse(Grant(Tokyo, "asia"), Grant(Tokyo, "JP,KR"));

        Assert.Empty(report.Conflicts);
    }

    [Fact]
    public void A_group_and_a_country_in_it_overlap_in_that_country()
    {
        var report = Analyse(Grant(Tokyo, "europe", "theatrical,svod"), Grant(Pacific, "FR,US", "svod"));

        var conflict = Assert.Single(report.Conflicts);
        Assert.Equal([C("FR")], conflict.Countries);
        Assert.Equal(["svod"], conflict.Media);
    }

    [Fact]
    public void The_world_group_overlaps_every_country_but_only_in_shared_media()
    {
        var otherMedium = Analyse(Grant(Tokyo, "world", "theatrical"), Grant(Pacific, "JP", "svod"));
        var sameMedium = Analyse(Grant(Tokyo, "world", "theatrical"), Grant(Pacific, "JP,BR", "THEATRICAL"));

        Assert.Empty(otherMedium.Conflicts);
        var conflict = Assert.Single(sameMedium.Conflicts);
        Assert.Equal([C("BR"), C("JP")], conflict.Countries);
    }

    [Fact]
    public void Two_world_grants_conflict_in_every_country()
    {
        var report = Analyse(Grant(Tokyo, "world"), Grant(Pacific, "world"));

        Assert.Equal(Countries.Count, Assert.Single(report.Conflicts).Countries.Count);
    }

    [Fact]
    public void Three_partners_each_overlapping_give_one_conflict_per_pair()
    {
        var third = Guid.NewGuid();

        var report = Analyse(Grant(Tokyo, "JP"), Grant(Pacific, "JP"), Grant(third, "asia"));

        Assert.Equal(3, report.Conflicts.Count);
    }

    [Fact]
    public void A_grant_naming_a_retired_group_still_means_its_countries()
    {
        var retired = new TerritoryGroup("benelux", "Benelux", false, [C("BE"), C("NL"), C("LU")]);
        retired.SetActive(false);
        var grants = new DealRights([Grant(Tokyo, "benelux"), Grant(Pacific, "NL")], [], []);

        var report = RightsAnalysis.Analyse(grants, [.. Groups, retired], Countries, Media);

        Assert.Equal([C("NL")], Assert.Single(report.Conflicts).Countries);
        Assert.DoesNotContain(report.Coverage.Regions, r => r.Group == retired);
    }

    [Fact]
    public void Unknown_territory_codes_cover_nothing()
    {
        var expanded = RightsAnalysis.Expand(["atlantis", "", "jp"], Groups, Countries);

        Assert.Equal([C("JP")], expanded);
    }

    [Fact]
    public void Without_grants_every_medium_is_unassigned_everywhere()
    {
        var report = Analyse();

        Assert.All(report.Gaps, g => Assert.Equal(Countries.Count, g.Unassigned.Count));
        Assert.All(report.Coverage.Cells, c => Assert.Equal(CoverageState.Unassigned, c.State));
        Assert.False(report.IsComplete);
    }

    [Fact]
    public void Coverage_counts_a_non_exclusive_grant_as_held_whatever_its_term()
    {
        var report = Analyse(Grant(Tokyo, "world", "theatrical,svod", exclusive: false, from: "2020-01-01", until: "2021-01-01"));

        Assert.All(report.Gaps, g => Assert.Empty(g.Unassigned));
        Assert.True(report.IsComplete);
    }

    [Fact]
    public void The_coverage_view_says_per_medium_and_region_what_is_covered_partly_covered_or_unassigned()
    {
        var report = Analyse(Grant(Tokyo, "asia"), Grant(Pacific, "FR,DE,US,CA"));

        var coverage = report.Coverage;
        var europe = coverage.Regions.Single(r => r.Group == Europe);
        var asia = coverage.Regions.Single(r => r.Group == Asia);
        var northAmerica = coverage.Regions.Single(r => r.Group == NorthAmerica);
        var rest = Assert.Single(coverage.Regions, r => r.IsRestOfWorld);
        Assert.DoesNotContain(coverage.Regions, r => r.Group == World);
        Assert.Equal([C("BR"), C("ZA")], rest.Countries);
        Assert.Equal([Europe, Asia, Nordics, NorthAmerica, null], coverage.Regions.Select(r => r.Group)); // largest first, the rest last

        Assert.Equal(CoverageState.Covered, coverage.Cell("theatrical", asia).State);
        Assert.Equal(CoverageState.Covered, coverage.Cell("theatrical", northAmerica).State);
        var partly = coverage.Cell("theatrical", europe);
        Assert.Equal(CoverageState.Partly, partly.State);
        Assert.Equal(3, partly.Unassigned);
        Assert.Equal(5, partly.Countries);
        Assert.Equal(CoverageState.Unassigned, coverage.Cell("theatrical", rest).State);
        Assert.Equal(CoverageState.Unassigned, coverage.Cell("SVOD", asia).State);
    }

    [Fact]
    public void When_the_groups_list_every_country_there_is_no_rest_of_world()
    {
        var report = RightsAnalysis.Analyse(DealRights.Empty, Groups, [C("FR"), C("JP")], Media);

        Assert.DoesNotContain(report.Coverage.Regions, r => r.IsRestOfWorld);
    }

    [Fact]
    public void A_set_of_countries_is_summarised_by_the_groups_it_holds_whole()
    {
        var summary = RightsAnalysis.Summarise([C("FR"), C("DE"), C("IT"), C("SE"), C("DK"), C("JP"), C("US")], Groups, Countries);

        Assert.False(summary.WholeWorld);
        Assert.Equal([Europe], summary.Groups); // the Nordics are inside Europe, so not named again
        Assert.Equal([C("JP"), C("US")], summary.Countries);
    }

    [Fact]
    public void A_group_held_only_in_part_is_not_named()
    {
        var summary = RightsAnalysis.Summarise([C("SE"), C("DK"), C("FR")], Groups, Countries);

        Assert.Equal([Nordics], summary.Groups);
        Assert.Equal([C("FR")], summary.Countries);
    }

    [Fact]
    public void Every_country_is_summarised_as_the_whole_world()
    {
        var summary = RightsAnalysis.Summarise(Countries, Groups, Countries);

        Assert.True(summary.WholeWorld);
        Assert.Empty(summary.Groups);
        Assert.Empty(summary.Countries);
    }

    [Fact]
    public void No_countries_summarise_as_nothing() =>
        Assert.True(RightsAnalysis.Summarise([], Groups, Countries).IsEmpty);
}
