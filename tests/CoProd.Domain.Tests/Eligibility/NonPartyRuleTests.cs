using CoProd.Domain.Common;
using CoProd.Domain.Eligibility;
using CoProd.Domain.Treaties;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Eligibility;

public sealed class NonPartyRuleTests
{
    private static readonly string[] ConventionParties = ["FR", "DE", "IT"];

    [Fact]
    public void A_non_party_co_producer_under_a_treaty_silent_on_them_is_a_warning()
    {
        var report = Evaluate(ThreeWayDeal(), Treaty(null));

        var check = report.Check("non-party.allowed");
        Assert.Equal(CheckOutcome.Warning, check.Outcome);
        Assert.Equal("Hollywood Pictures (US)", check.Measured);
        Assert.Equal("not on record", check.Required);
        Assert.Contains("Hollywood Pictures (US) is established outside the treaty's parties", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("Ask the competent authorities", check.Explanation, StringComparison.Ordinal);
        Assert.Equal(Verdict.QualifiesSubjectToApproval, report.Verdict);
    }

    [Fact]
    public void Several_non_party_co_producers_are_named_together()
    {
        var deal = Deal().Partner("Paris Films", "FR", 4_000_000m).Partner("Berlin Bild", "DE", 3_000_000m)
            .Partner("Hollywood Pictures", "US", 2_000_000m).Partner("Tokyo Pictures", "JP", 1_000_000m).Build();

        var check = Evaluate(deal, Treaty(null)).Check("non-party.allowed");

        Assert.Equal("Hollywood Pictures (US), Tokyo Pictures (JP)", check.Measured);
        Assert.Contains("are established outside", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_treaty_that_has_no_place_for_non_party_co_producers_fails_them()
    {
        var report = Evaluate(ThreeWayDeal(), Treaty(new NonPartyRule(false, Source) { Conditions = "Art. 9 applies to parties only." }));

        var check = report.Check("non-party.allowed");
        Assert.Equal(CheckOutcome.Fail, check.Outcome);
        Assert.Equal("none", check.Required);
        Assert.Contains("has no place for such co-producers", check.Explanation, StringComparison.Ordinal);
        Assert.EndsWith("Art. 9 applies to parties only.", check.Explanation, StringComparison.Ordinal);
        Assert.Equal(Verdict.DoesNotQualify, report.Verdict);
    }

    [Fact]
    public void A_treaty_that_allows_non_party_co_producers_without_a_cap_passes_them()
    {
        var report = Evaluate(ThreeWayDeal(), Treaty(new NonPartyRule(true, Source)));

        var check = report.Check("non-party.allowed");
        Assert.Equal(CheckOutcome.Pass, check.Outcome);
        Assert.Equal("allowed", check.Required);
        Assert.False(report.Has("non-party.cap"));
    }

    public static TheoryData<decimal, decimal, decimal, decimal, CheckOutcome, string> CapCases => new()
    {
        { 4_000_000m, 3_000_000m, 3_000_000m, 0m, CheckOutcome.Pass, "30.00 %" },
        { 3_999_900m, 3_000_000m, 3_000_100m, 0m, CheckOutcome.Fail, "30.001 %" },
        { 4_000_100m, 3_000_000m, 2_999_900m, 0m, CheckOutcome.Pass, "29.999 %" },
        { 3_999_999.99m, 3_000_000m, 3_000_000.01m, 0m, CheckOutcome.Fail, "30.000001 %" },
        { 5_000_000m, 4_000_000m, 1_000_000m, 0m, CheckOutcome.Pass, "10.00 %" },

        // The cap is on the combined share of every co-producer from outside the parties.
        { 4_000_000m, 3_000_000m, 2_000_000m, 1_000_000m, CheckOutcome.Pass, "30.00 %" },
        { 3_999_900m, 3_000_000m, 2_000_000m, 1_000_100m, CheckOutcome.Fail, "30.001 %" },
        { 3_000_000m, 3_000_000m, 2_000_000m, 2_000_000m, CheckOutcome.Fail, "40.00 %" },
    };

    [Theory]
    [MemberData(nameof(CapCases))]
    public void The_combined_share_of_non_party_co_producers_must_stay_within_the_cap(decimal paris, decimal berlin, decimal hollywood, decimal tokyo, CheckOutcome expected, string measured)
    {
        var builder = Deal().Partner("Paris Films", "FR", paris).Partner("Berlin Bild", "DE", berlin).Partner("Hollywood Pictures", "US", hollywood);
        if (tokyo > 0m)
        {
            builder.Partner("Tokyo Pictures", "JP", tokyo);
        }

        var report = Evaluate(builder.Build(), Treaty(new NonPartyRule(true, Source) { MaximumCombinedShare = new Percentage(30m) }));

        var check = report.Check("non-party.cap");
        Assert.Equal(expected, check.Outcome);
        Assert.Equal(measured, check.Measured);
        Assert.Equal("≤ 30.00 %", check.Required);
        Assert.Null(check.PartnerId);
        Assert.False(report.Has("non-party.allowed"));
    }

    [Theory]
    [InlineData(3_000_000, "within the cap of 30.00 %")]
    [InlineData(3_500_000, "above the cap of 30.00 %")]
    public void The_cap_check_explains_the_combined_share_against_the_cap(int hollywood, string phrase)
    {
        var deal = Deal().Partner("Paris Films", "FR", 7_000_000m - hollywood).Partner("Berlin Bild", "DE", 3_000_000m).Partner("Hollywood Pictures", "US", hollywood).Build();

        var check = Evaluate(deal, Treaty(new NonPartyRule(true, Source) { MaximumCombinedShare = new Percentage(30m) })).Check("non-party.cap");

        Assert.StartsWith("Co-producers from outside the parties bring ", check.Explanation, StringComparison.Ordinal);
        Assert.Contains(phrase, check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deal_between_parties_only_has_no_non_party_checks()
    {
        var deal = Deal().Partner("Paris Films", "FR", 4_000_000m).Partner("Berlin Bild", "DE", 3_000_000m).Partner("Roma Film", "IT", 3_000_000m).Build();

        var report = Evaluate(deal, Treaty(new NonPartyRule(true, Source) { MaximumCombinedShare = new Percentage(30m) }));

        Assert.DoesNotContain(report.Checks, c => c.RuleId.StartsWith("non-party.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_third_country_co_producer_in_a_bilateral_treaty_is_a_non_party_co_producer()
    {
        var deal = Deal().Partner("Paris Films", "FR", 6_000_000m).Partner("Montreal Prod", "CA", 3_000_000m).Partner("Hollywood Pictures", "US", 1_000_000m).Build();

        var report = Evaluate(deal, Bilateral("FR", "CA", Band(20, 80, 10, 70) with { NonPartyCoProducers = new NonPartyRule(false, Source) }));

        Assert.Equal(CheckOutcome.Fail, report.Check("non-party.allowed").Outcome);
        Assert.Equal(CheckOutcome.Pass, report.Check("parties.represented").Outcome);
        Assert.Equal(CoProductionMode.Multilateral, report.Mode);
    }

    private static Treaty Treaty(NonPartyRule? rule) =>
        Convention(ConventionParties, Band(20, 80, 5, 70) with { NonPartyCoProducers = rule });

    private static Domain.Deals.Deal ThreeWayDeal() =>
        Deal().Partner("Paris Films", "FR", 4_000_000m).Partner("Berlin Bild", "DE", 3_000_000m).Partner("Hollywood Pictures", "US", 3_000_000m).Build();
}
