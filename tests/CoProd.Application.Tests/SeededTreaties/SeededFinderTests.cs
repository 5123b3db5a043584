using CoProd.Domain.Eligibility;
using CoProd.Domain.Treaties;
using static CoProd.Domain.Deals.KeyRole;

namespace CoProd.Application.Tests.SeededTreaties;

/// <summary>The treaty finder over all the seeded treaties: which treaties a deal's countries bring up, and in what order.</summary>
public sealed class SeededFinderTests
{
    private static IReadOnlyList<TreatyCandidate> Find(DealExample deal) =>
        TreatyFinder.Find(deal.Build(), Seed.Treaties.Values, deal.On);

    [Fact]
    public void Finder_searches_all_25_seeded_treaties() =>
        Assert.Equal(25, Seed.Treaties.Count);

    [Fact]
    public void France_Canada_feature_finds_ca_fr_qualifying_and_not_the_European_conventions()
    {
        var deal = new DealExample("France–Canada feature", [new("FR", 30.00m), new("CA", 70.00m)])
        {
            Crew = [new(Director, "CA"), new(Scriptwriter, "FR")],
        };

        var candidates = Find(deal);

        var first = candidates[0];
        Assert.Equal("ca-fr", first.Treaty.Code);
        Assert.Equal(CandidateStatus.Qualifies, first.Status);
        Assert.DoesNotContain(candidates, c => c.Treaty.Kind == TreatyKind.Convention);
        Assert.DoesNotContain(candidates, c => c.Treaty.Code is "coe-ets-147" or "coe-cets-220");
    }

    [Fact]
    public void Japan_US_deal_finds_no_treaty_so_it_can_only_be_an_unofficial_co_production()
    {
        var deal = new DealExample("Japan–US feature", [new("JP", 40.00m), new("US", 60.00m)]);

        Assert.Empty(Find(deal));
    }

    [Fact]
    public void France_Germany_Belgium_deal_finds_the_1992_European_convention_and_ranks_it_first()
    {
        var deal = new DealExample("France–Germany–Belgium feature", [new("BE", 10.00m), new("DE", 20.00m), new("FR", 70.00m)]);

        var candidates = Find(deal);

        Assert.Equal("coe-ets-147", candidates[0].Treaty.Code);
        Assert.Equal(CandidateStatus.QualifiesSubjectToApproval, candidates[0].Status);
        Assert.Null(candidates[0].FirstFailure);
    }

    [Fact]
    public void Canada_UK_deal_finds_ca_gb()
    {
        var deal = new DealExample("Canada–UK feature", [new("GB", 20.00m), new("CA", 80.00m)]);

        var candidates = Find(deal);

        var candidate = Assert.Single(candidates, c => c.Treaty.Code == "ca-gb");
        Assert.Same(candidate, candidates[0]);
        Assert.Equal(CandidateStatus.QualifiesSubjectToApproval, candidate.Status);
    }

    [Fact]
    public void Australia_Canada_deal_finds_ca_au_once()
    {
        var deal = new DealExample("Australia–Canada feature", [new("AU", 30.00m), new("CA", 70.00m)]);

        var candidates = Find(deal);

        var candidate = Assert.Single(candidates);
        Assert.Equal("ca-au", candidate.Treaty.Code);
        Assert.Equal(CandidateStatus.QualifiesSubjectToApproval, candidate.Status);
    }
}
