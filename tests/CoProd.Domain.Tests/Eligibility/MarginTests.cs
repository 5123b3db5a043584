using System.Text.RegularExpressions;
using CoProd.Domain.Common;
using CoProd.Domain.Eligibility;
using CoProd.Domain.Treaties;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Eligibility;

public sealed partial class MarginTests
{
    public static TheoryData<decimal, decimal, decimal> MinimumCases => new()
    {
        // (montreal − l·T) / (1 − l) on a 10,000,000 total.
        { 3_000_000m, 20m, 1_250_000m },
        { 4_000_000m, 20m, 2_500_000m },
        { 1_900_000m, 10m, 1_000_000m },
        { 5_000_000m, 50m, 0m },
        { 2_000_000m, 20m, 0m },
        { 1_900_000m, 20m, -125_000m },
    };

    [Theory]
    [MemberData(nameof(MinimumCases))]
    public void Headroom_to_a_minimum_is_how_much_the_contribution_can_fall_other_contributions_unchanged(decimal montreal, decimal minimum, decimal expected)
    {
        var builder = FrCa(10_000_000m - montreal, montreal);

        var margin = MarginOf(Evaluate(builder.Build(), Bilateral("FR", "CA", Band(minimum, 90))), "share.minimum", builder.Id("Montreal Prod"));

        Assert.Equal(expected, margin.Headroom.Amount);
        Assert.Equal(Cur("EUR"), margin.Headroom.Currency);
        Assert.Equal(Percentage.Of(montreal, 10_000_000m).Value - minimum, margin.Distance.Value);
    }

    [Theory]
    [MemberData(nameof(MinimumCases))]
    public void Falling_by_exactly_the_headroom_still_meets_the_minimum_and_one_more_unit_does_not(decimal montreal, decimal minimum, decimal headroom)
    {
        var treaty = Bilateral("FR", "CA", Band(minimum, 90));
        var paris = 10_000_000m - montreal;
        var atHeadroom = FrCa(paris, montreal - headroom);
        var beyond = FrCa(paris, montreal - headroom - 1m);

        Assert.Equal(CheckOutcome.Pass, Evaluate(atHeadroom.Build(), treaty).Check("share.minimum", atHeadroom.Id("Montreal Prod")).Outcome);
        Assert.Equal(CheckOutcome.Fail, Evaluate(beyond.Build(), treaty).Check("share.minimum", beyond.Id("Montreal Prod")).Outcome);
    }

    public static TheoryData<decimal, decimal, decimal> MaximumCases => new()
    {
        // (l·T − paris) / (1 − l) on a 10,000,000 total.
        { 7_000_000m, 80m, 5_000_000m },
        { 6_000_000m, 75m, 6_000_000m },
        { 8_000_000m, 80m, 0m },
        { 8_500_000m, 80m, -2_500_000m },
    };

    [Theory]
    [MemberData(nameof(MaximumCases))]
    public void Rising_by_exactly_the_headroom_still_meets_the_maximum_and_one_more_unit_does_not(decimal paris, decimal maximum, decimal headroom)
    {
        var treaty = Bilateral("FR", "CA", Band(10, maximum));
        var montreal = 10_000_000m - paris;
        var builder = FrCa(paris, montreal);

        var margin = MarginOf(Evaluate(builder.Build(), treaty), "share.maximum", builder.Id("Paris Films"));
        var atHeadroom = FrCa(paris + headroom, montreal);
        var beyond = FrCa(paris + headroom + 1m, montreal);

        Assert.Equal(headroom, margin.Headroom.Amount);
        Assert.Equal(maximum - Percentage.Of(paris, 10_000_000m).Value, margin.Distance.Value);
        Assert.Equal(CheckOutcome.Pass, Evaluate(atHeadroom.Build(), treaty).Check("share.maximum", atHeadroom.Id("Paris Films")).Outcome);
        Assert.Equal(CheckOutcome.Fail, Evaluate(beyond.Build(), treaty).Check("share.maximum", beyond.Id("Paris Films")).Outcome);
    }

    [Theory]
    [InlineData(3_500_000, 30)]
    [InlineData(2_500_000, 10)]
    [InlineData(3_000_000, 25)]
    public void A_headroom_that_does_not_divide_exactly_is_right_to_the_cent(int montreal, int minimum)
    {
        var treaty = Bilateral("FR", "CA", Band(minimum, 90));
        var builder = FrCa(10_000_000m - montreal, montreal);
        var headroom = MarginOf(Evaluate(builder.Build(), treaty), "share.minimum", builder.Id("Montreal Prod")).Headroom.Amount;
        var cents = Math.Floor(headroom * 100m) / 100m;

        var safe = FrCa(10_000_000m - montreal, montreal - cents);
        var tooFar = FrCa(10_000_000m - montreal, montreal - cents - 0.01m);

        Assert.NotEqual(cents, headroom);
        Assert.Equal(CheckOutcome.Pass, Evaluate(safe.Build(), treaty).Check("share.minimum", safe.Id("Montreal Prod")).Outcome);
        Assert.Equal(CheckOutcome.Fail, Evaluate(tooFar.Build(), treaty).Check("share.minimum", tooFar.Id("Montreal Prod")).Outcome);
    }

    [Fact]
    public void There_is_one_margin_per_share_limit_with_its_subject_and_limit()
    {
        var builder = FrCa(7_000_000m, 3_000_000m);

        var margins = Evaluate(builder.Build(), Bilateral("FR", "CA", Band(20, 80))).Margins;

        Assert.Equal(4, margins.Count);
        var montrealMinimum = Assert.Single(margins, m => m.PartnerId == builder.Id("Montreal Prod") && m.IsMinimum);
        Assert.Equal("Montreal Prod (CA)", montrealMinimum.Subject);
        Assert.Equal("share.minimum", montrealMinimum.RuleId);
        Assert.Equal(new Percentage(20m), montrealMinimum.Limit);
        Assert.Equal(new Percentage(30m), montrealMinimum.Share);
        Assert.Equal(new Percentage(10m), montrealMinimum.Distance);
    }

    [Fact]
    public void A_per_country_margin_is_about_the_countrys_co_producers_together()
    {
        var rules = new RuleSet { BilateralShares = new ShareBandRule(new Percentage(20m), new Percentage(80m), Source) { Basis = ShareBasis.PerCountry } };
        var deal = Deal().Partner("Paris Films", "FR", 1_500_000m).Partner("Lyon Images", "FR", 1_500_000m).Partner("Montreal Prod", "CA", 7_000_000m).Build();

        var margin = Assert.Single(Evaluate(deal, Bilateral("FR", "CA", rules)).Margins, m => m.IsMinimum && m.Subject == "FR's co-producers");

        Assert.Null(margin.PartnerId);
        Assert.Equal(1_250_000m, margin.Headroom.Amount);
    }

    [Fact]
    public void The_non_party_cap_has_a_margin_for_the_outsiders_together()
    {
        var rules = Band(20, 80, 5, 70) with { NonPartyCoProducers = new NonPartyRule(true, Source) { MaximumCombinedShare = new Percentage(30m) } };
        var deal = Deal().Partner("Paris Films", "FR", 5_000_000m).Partner("Berlin Bild", "DE", 3_000_000m).Partner("Hollywood Pictures", "US", 2_000_000m).Build();

        var margin = Assert.Single(Evaluate(deal, Convention(["FR", "DE", "IT"], rules)).Margins, m => m.RuleId == "non-party.cap");

        Assert.Equal("the co-producers from outside the parties", margin.Subject);
        Assert.False(margin.IsMinimum);
        Assert.Equal((3_000_000m - 2_000_000m) / 0.7m, margin.Headroom.Amount);
    }

    [Fact]
    public void A_maximum_of_one_hundred_percent_leaves_unlimited_headroom()
    {
        var builder = FrCa(7_000_000m, 3_000_000m);

        var margin = MarginOf(Evaluate(builder.Build(), Bilateral("FR", "CA", Band(20, 100))), "share.maximum", builder.Id("Paris Films"));

        Assert.Equal(decimal.MaxValue, margin.Headroom.Amount);
    }

    [Fact]
    public void The_explanation_of_a_met_minimum_states_the_headroom()
    {
        var builder = FrCa(7_000_000m, 3_000_000m);

        var check = Evaluate(builder.Build(), Bilateral("FR", "CA", Band(20, 80))).Check("share.minimum", builder.Id("Montreal Prod"));

        Assert.Contains("could fall by 1,250,000 EUR and still meet it", check.Explanation, StringComparison.Ordinal);
    }

    // Amounts in explanations keep their promise: room to spare is rounded down ("could fall by", "could bring"),
    // a shortfall up ("needs", "must fall by"), so following the advice to the unit never crosses the limit.
    public static TheoryData<string, string> ExplanationAmountCases => new()
    {
        { "minimum met", "1,249,999" },
        { "minimum failed", "112" },
        { "maximum failed", "1" },
        { "cap met", "714,285" },
    };

    [Theory]
    [MemberData(nameof(ExplanationAmountCases))]
    public void The_amount_in_an_explanation_is_rounded_towards_the_side_that_keeps_its_promise(string scenario, string amount)
    {
        var explanation = scenario switch
        {
            "minimum met" => Explanation(FrCa(7_000_002m, 3_000_000m), Band(20, 80), "share.minimum", "Montreal Prod"),
            "minimum failed" => Explanation(FrCa(9_000_100m, 999_900m), Band(10, 95), "share.minimum", "Montreal Prod"),
            "maximum failed" => Explanation(FrCa(8_000_000.05m, 1_999_999.95m), Band(10, 80), "share.maximum", "Paris Films"),
            _ => Assert.Single(Evaluate(
                    Deal().Partner("Paris Films", "FR", 4_500_000m).Partner("Berlin Bild", "DE", 3_000_000m).Partner("Hollywood Pictures", "US", 2_500_000m).Build(),
                    Convention(["FR", "DE", "IT"], Band(20, 80, 5, 70) with { NonPartyCoProducers = new NonPartyRule(true, Source) { MaximumCombinedShare = new Percentage(30m) } })).Checks,
                c => c.RuleId == "non-party.cap").Explanation,
        };

        var match = AmountInExplanation().Match(explanation);
        Assert.True(match.Success, explanation);
        Assert.Equal(amount, match.Groups["amount"].Value);
    }

    [GeneratedRegex("(?:could fall by|needs|must fall by|could bring) (?<amount>[0-9,]+) EUR")]
    private static partial Regex AmountInExplanation();

    private static string Explanation(DealBuilder builder, RuleSet rules, string ruleId, string partner) =>
        Evaluate(builder.Build(), Bilateral("FR", "CA", rules)).Check(ruleId, builder.Id(partner)).Explanation;

    private static ShareMargin MarginOf(EligibilityReport report, string ruleId, Guid partnerId) =>
        Assert.Single(report.Margins, m => m.RuleId == ruleId && m.PartnerId == partnerId);

    private static DealBuilder FrCa(decimal paris, decimal montreal) =>
        Deal().Partner("Paris Films", "FR", paris).Partner("Montreal Prod", "CA", montreal);
}
