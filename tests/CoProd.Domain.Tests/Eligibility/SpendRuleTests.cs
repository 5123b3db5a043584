using CoProd.Domain.Common;
using CoProd.Domain.Eligibility;
using CoProd.Domain.Treaties;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Eligibility;

public sealed class SpendRuleTests
{
    public static TheoryData<decimal, CheckOutcome, string> OutsideCases => new()
    {
        { 0m, CheckOutcome.Pass, "0.00 %" },
        { 1_000_000m, CheckOutcome.Pass, "10.00 %" },
        { 2_000_000m, CheckOutcome.Pass, "20.00 %" },
        { 1_999_900m, CheckOutcome.Pass, "19.999 %" },
        { 2_000_100m, CheckOutcome.Fail, "20.001 %" },
        { 2_000_000.01m, CheckOutcome.Fail, "20.000001 %" },
        { 3_000_000m, CheckOutcome.Fail, "30.00 %" },
    };

    [Theory]
    [MemberData(nameof(OutsideCases))]
    public void Spend_outside_the_co_producing_countries_must_stay_within_the_cap(decimal spentInUs, CheckOutcome expected, string measured)
    {
        var builder = Deal().Partner("Paris Films", "FR", 6_000_000m - spentInUs).Partner("Montreal Prod", "CA", 4_000_000m);
        if (spentInUs > 0m)
        {
            builder.Contribution("Paris Films", spentInUs, spendIn: "US");
        }

        var check = Evaluate(builder.Build(), Treaty(new SpendRule(Source) { MaximumOutsideCoProducingCountries = new Percentage(20m) })).Check("spend.outside");

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(measured, check.Measured);
        Assert.Equal("≤ 20.00 %", check.Required);
    }

    [Fact]
    public void Everything_spent_in_the_co_producing_countries_says_so()
    {
        var deal = Deal().Partner("Paris Films", "FR", 6_000_000m).Partner("Montreal Prod", "CA", 4_000_000m, spendIn: "FR").Build();

        var check = Evaluate(deal, Treaty(new SpendRule(Source) { MaximumOutsideCoProducingCountries = new Percentage(20m) })).Check("spend.outside");

        Assert.Equal("Everything is spent in the co-producing countries.", check.Explanation);
    }

    [Theory]
    [InlineData(1_000_000, "10.00 % is spent outside the co-producing countries (JP, US), within the cap of 20.00 %. Shooting abroad needs approval.")]
    [InlineData(2_500_000, "25.00 % is spent outside the co-producing countries (JP, US), above the cap of 20.00 %. Shooting abroad needs approval.")]
    public void Spend_outside_names_the_places_and_the_conditions(int spentAbroad, string explanation)
    {
        var deal = Deal().Partner("Paris Films", "FR", 6_000_000m - spentAbroad).Partner("Montreal Prod", "CA", 4_000_000m)
            .Contribution("Paris Films", spentAbroad / 2m, spendIn: "US").Contribution("Paris Films", spentAbroad / 2m, spendIn: "JP").Build();
        var rule = new SpendRule(Source) { MaximumOutsideCoProducingCountries = new Percentage(20m), Conditions = "Shooting abroad needs approval." };

        Assert.Equal(explanation, Evaluate(deal, Treaty(rule)).Check("spend.outside").Explanation);
    }

    [Fact]
    public void Spend_in_a_non_party_co_producers_country_is_not_spend_outside_the_co_producing_countries()
    {
        var deal = Deal().Partner("Paris Films", "FR", 5_000_000m).Partner("Montreal Prod", "CA", 3_000_000m).Partner("Hollywood Pictures", "US", 2_000_000m).Build();
        var rules = Band(10, 80, 10, 80) with
        {
            Spend = new SpendRule(Source) { MaximumOutsideCoProducingCountries = new Percentage(0m) },
            NonPartyCoProducers = new NonPartyRule(true, Source),
        };

        Assert.Equal(CheckOutcome.Pass, Evaluate(deal, Bilateral("FR", "CA", rules)).Check("spend.outside").Outcome);
    }

    [Fact]
    public void Spend_is_measured_in_the_deal_currency_at_the_locked_rates()
    {
        // 300,000,000 JPY at 0.0067 = 2,010,000 USD spent in Japan, of 10,050,000: exactly 20 %.
        var deal = Deal("USD").Partner("Paris Films", "FR", 4_040_000m).Partner("Montreal Prod", "CA", 4_000_000m)
            .Contribution("Paris Films", 300_000_000m, currency: "JPY", rate: 0.0067m, spendIn: "JP").Build();

        var check = Evaluate(deal, Treaty(new SpendRule(Source) { MaximumOutsideCoProducingCountries = new Percentage(20m) })).Check("spend.outside");

        Assert.Equal(CheckOutcome.Pass, check.Outcome);
        Assert.Equal("20.00 %", check.Measured);
    }

    public static TheoryData<decimal, CheckOutcome> ProportionalCases => new()
    {
        { 6_000_000m, CheckOutcome.Pass },
        { 5_500_000m, CheckOutcome.Pass },
        { 5_000_000m, CheckOutcome.Pass },
        { 5_000_100m, CheckOutcome.Pass },
        { 4_999_900m, CheckOutcome.Warning },
        { 3_000_000m, CheckOutcome.Warning },
    };

    [Theory]
    [MemberData(nameof(ProportionalCases))]
    public void Each_countrys_spend_should_be_within_the_tolerance_of_its_financial_share(decimal parisSpentInFrance, CheckOutcome expected)
    {
        // Paris Films brings 60 %; what it does not spend in France it spends in Canada.
        var builder = Deal().Partner("Paris Films", "FR", parisSpentInFrance).Partner("Montreal Prod", "CA", 4_000_000m);
        if (parisSpentInFrance < 6_000_000m)
        {
            builder.Contribution("Paris Films", 6_000_000m - parisSpentInFrance, spendIn: "CA");
        }

        var check = Evaluate(builder.Build(), Treaty(new SpendRule(Source) { ProportionalTolerance = new Percentage(10m) })).Check("spend.proportional");

        Assert.Equal(expected, check.Outcome);
        Assert.Equal("within ±10 points", check.Required);
    }

    [Fact]
    public void Spend_out_of_proportion_names_the_country_and_lists_money_and_spend()
    {
        var deal = Deal().Partner("Paris Films", "FR", 3_000_000m).Partner("Montreal Prod", "CA", 4_000_000m)
            .Contribution("Paris Films", 3_000_000m, spendIn: "CA").Build();

        var check = Evaluate(deal, Treaty(new SpendRule(Source) { ProportionalTolerance = new Percentage(10m) })).Check("spend.proportional");

        Assert.Equal("CA: 40.00 % of the money, 70.00 % of the spend; FR: 60.00 % of the money, 30.00 % of the spend", check.Measured);
        Assert.Contains("CA brings 40.00 % of the money but 70.00 % is spent there", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("FR brings 60.00 % of the money but 30.00 % is spent there", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("reasonably equivalent", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_spend_rules_are_checked_when_both_are_on_record()
    {
        var deal = Deal().Partner("Paris Films", "FR", 6_000_000m).Partner("Montreal Prod", "CA", 4_000_000m).Build();
        var rule = new SpendRule(Source) { MaximumOutsideCoProducingCountries = new Percentage(20m), ProportionalTolerance = new Percentage(10m) };

        var report = Evaluate(deal, Treaty(rule));

        Assert.Equal(CheckOutcome.Pass, report.Check("spend.outside").Outcome);
        Assert.Equal(CheckOutcome.Pass, report.Check("spend.proportional").Outcome);
    }

    [Fact]
    public void Without_contributions_or_without_the_rule_there_are_no_spend_checks()
    {
        var rule = new SpendRule(Source) { MaximumOutsideCoProducingCountries = new Percentage(20m), ProportionalTolerance = new Percentage(10m) };
        var noMoney = Deal().Partner("Paris Films", "FR", 0m).Partner("Montreal Prod", "CA", 0m).Build();
        var noRule = Deal().Partner("Paris Films", "FR", 6_000_000m).Partner("Montreal Prod", "CA", 4_000_000m).Build();

        Assert.DoesNotContain(Evaluate(noMoney, Treaty(rule)).Checks, c => c.RuleId.StartsWith("spend.", StringComparison.Ordinal));
        Assert.DoesNotContain(Evaluate(noRule, Bilateral("FR", "CA", Band(20, 80))).Checks, c => c.RuleId.StartsWith("spend.", StringComparison.Ordinal));
    }

    private static Treaty Treaty(SpendRule rule) => Bilateral("FR", "CA", Band(10, 90) with { Spend = rule });
}
