using System.Globalization;
using CoProd.Domain.Common;
using CoProd.Domain.Eligibility;
using CoProd.Domain.Treaties;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Eligibility;

public sealed class CurrencyStressTests
{
    private const decimal YenRate = 0.0067m;
    private const decimal Hair = 0.0000001m;

    // LA Films brings 6,700,000 USD; Tokyo Pictures 500,000,000 JPY at 0.0067 = 3,350,000 USD. Band 20–80.
    private static DealBuilder TwoWay(decimal yenRate = YenRate) =>
        Deal("USD").Partner("LA Films", "US", 6_700_000m).Partner("Tokyo Pictures", "JP", 500_000_000m, currency: "JPY", rate: yenRate);

    private static Treaty UsJp() => Bilateral("US", "JP", Band(20, 80));

    // Paris 5,000,000 EUR, Berlin 4,000,000 EUR, Tokyo 400,000,000 JPY at 0.00625 = 2,500,000 EUR. Multilateral band 10–60.
    private static DealBuilder ThreeWay(decimal yenRate = 0.00625m) =>
        Deal("EUR").Partner("Paris Films", "FR", 5_000_000m).Partner("Berlin Bild", "DE", 4_000_000m).Partner("Tokyo Pictures", "JP", 400_000_000m, currency: "JPY", rate: yenRate);

    private static Treaty FrDeJp() => Convention(["FR", "DE", "JP"], Band(20, 80, 10, 60));

    [Fact]
    public void The_exposure_is_the_foreign_contributions_in_the_deal_currency()
    {
        var stress = Assert.Single(Evaluate(TwoWay().Build(), UsJp()).CurrencyStress);

        Assert.Equal(Cur("JPY"), stress.Currency);
        Assert.Equal(new Money(3_350_000m, Cur("USD")), stress.Exposure);
        Assert.Equal(Percentage.Of(3_350_000m, 10_050_000m), stress.ExposureShare);
    }

    [Fact]
    public void The_maximum_fall_and_rise_are_exact()
    {
        var stress = Assert.Single(Evaluate(TwoWay().Build(), UsJp()).CurrencyStress);

        // At half the rate Tokyo brings 1,675,000 of 8,375,000 (20 %); at eight times, LA brings 6,700,000 of 33,500,000 (20 %).
        Assert.Equal(50m, stress.MaximumFall!.Value.Value);
        Assert.Equal(700m, stress.MaximumRise!.Value.Value);
    }

    [Fact]
    public void At_the_maximum_fall_every_share_rule_still_passes_and_a_hair_further_one_fails()
    {
        var stress = Assert.Single(Evaluate(TwoWay().Build(), UsJp()).CurrencyStress);
        var atLimit = YenRate * (1m - stress.MaximumFall!.Value.Fraction);

        var still = Evaluate(TwoWay(atLimit).Build(), UsJp());
        var broken = Evaluate(TwoWay(atLimit - Hair).Build(), UsJp());

        Assert.All(still.ShareChecks(), c => Assert.Equal(CheckOutcome.Pass, c.Outcome));
        Assert.Contains(broken.ShareChecks(), c => c.Outcome == CheckOutcome.Fail && c.Title == stress.BreaksOnFall);
    }

    [Fact]
    public void At_the_maximum_rise_every_share_rule_still_passes_and_a_hair_further_one_fails()
    {
        var stress = Assert.Single(Evaluate(TwoWay().Build(), UsJp()).CurrencyStress);
        var atLimit = YenRate * (1m + stress.MaximumRise!.Value.Fraction);

        var still = Evaluate(TwoWay(atLimit).Build(), UsJp());
        var broken = Evaluate(TwoWay(atLimit + Hair).Build(), UsJp());

        Assert.All(still.ShareChecks(), c => Assert.Equal(CheckOutcome.Pass, c.Outcome));
        Assert.Contains(broken.ShareChecks(), c => c.Outcome == CheckOutcome.Fail && c.Title == stress.BreaksOnRise);
    }

    [Fact]
    public void In_a_bilateral_deal_a_fall_and_a_rise_break_the_home_partners_maximum_and_minimum()
    {
        var stress = Assert.Single(Evaluate(TwoWay().Build(), UsJp()).CurrencyStress);

        Assert.Equal("Maximum share — LA Films (US)", stress.BreaksOnFall);
        Assert.Equal("Minimum share — LA Films (US)", stress.BreaksOnRise);
    }

    [Fact]
    public void In_a_three_way_deal_the_rule_that_breaks_first_each_way_is_named()
    {
        var stress = Assert.Single(Evaluate(ThreeWay().Build(), FrDeJp()).CurrencyStress);

        // Fall: Tokyo's 10 % minimum at k = 0.1 · 9,000,000 / (0.9 · 2,500,000) = 0.4. Rise: its 60 % maximum at k = 1.5 · 9,000,000 / 2,500,000 = 5.4.
        Assert.Equal(60m, stress.MaximumFall!.Value.Value);
        Assert.Equal("Minimum share — Tokyo Pictures (JP)", stress.BreaksOnFall);
        Assert.Equal(440m, stress.MaximumRise!.Value.Value);
        Assert.Equal("Maximum share — Tokyo Pictures (JP)", stress.BreaksOnRise);
    }

    public static TheoryData<decimal, bool, string?> ThreeWayRateCases => new()
    {
        { 0.00625m, true, null },
        { 0.0025m, true, null },
        { 0.0025m - Hair, false, "Minimum share — Tokyo Pictures (JP)" },
        { 0.03375m, true, null },
        { 0.03375m + Hair, false, "Maximum share — Tokyo Pictures (JP)" },
    };

    [Theory]
    [MemberData(nameof(ThreeWayRateCases))]
    public void Re_evaluating_at_the_stressed_rates_confirms_the_break_points(decimal yenRate, bool allPass, string? failing)
    {
        var report = Evaluate(ThreeWay(yenRate).Build(), FrDeJp());

        var failures = report.ShareChecks().Where(c => c.Outcome == CheckOutcome.Fail).Select(c => c.Title).ToList();
        if (allPass)
        {
            Assert.Empty(failures);
        }
        else
        {
            Assert.Equal([failing!], failures);
        }
    }

    [Theory]
    [InlineData("1.2", true)]
    [InlineData("1.2000001", false)]
    public void The_non_party_cap_is_stressed_like_the_bands(string usdRate, bool capMet)
    {
        // Hollywood brings 2,500,000 USD at 0.8 = 2,000,000 EUR of 9,000,000; the 30 % cap breaks when the dollar rises 50 %.
        var rules = Band(20, 80, 5, 70) with { NonPartyCoProducers = new NonPartyRule(true, Source) { MaximumCombinedShare = new Percentage(30m) } };
        static DealBuilder Build(decimal rate) =>
            Deal("EUR").Partner("Paris Films", "FR", 4_000_000m).Partner("Berlin Bild", "DE", 3_000_000m).Partner("Hollywood Pictures", "US", 2_500_000m, currency: "USD", rate: rate);

        var stress = Assert.Single(Evaluate(Build(0.8m).Build(), Convention(["FR", "DE", "IT"], rules)).CurrencyStress);
        var stressed = Evaluate(Build(decimal.Parse(usdRate, CultureInfo.InvariantCulture)).Build(), Convention(["FR", "DE", "IT"], rules));

        Assert.Equal(50m, stress.MaximumRise!.Value.Value);
        Assert.Equal("Co-producers from outside the parties", stress.BreaksOnRise);
        Assert.Equal(capMet, stressed.Check("non-party.cap").Outcome == CheckOutcome.Pass);
    }

    [Fact]
    public void A_deal_entirely_in_its_own_currency_has_no_currency_stress() =>
        Assert.Empty(Evaluate(Deal().Partner("Paris Films", "FR", 7_000_000m).Partner("Montreal Prod", "CA", 3_000_000m).Build(), Bilateral("FR", "CA", Band(20, 80))).CurrencyStress);

    [Fact]
    public void A_deal_without_contributions_has_no_currency_stress()
    {
        var deal = Deal("USD").Partner("LA Films", "US", 0m).Partner("Tokyo Pictures", "JP", 0m).Build();

        Assert.Empty(Evaluate(deal, UsJp()).CurrencyStress);
    }

    [Fact]
    public void A_deal_that_already_fails_a_share_rule_says_so_instead_of_giving_moves()
    {
        // 50,000,000 JPY at 0.0067 = 335,000 USD of 7,035,000: under 5 %.
        var deal = Deal("USD").Partner("LA Films", "US", 6_700_000m).Partner("Tokyo Pictures", "JP", 50_000_000m, currency: "JPY", rate: YenRate).Build();

        var stress = Assert.Single(Evaluate(deal, UsJp()).CurrencyStress);

        Assert.Null(stress.MaximumFall);
        Assert.Null(stress.MaximumRise);
        Assert.Equal("already fails a share rule", stress.BreaksOnFall);
        Assert.Equal("already fails a share rule", stress.BreaksOnRise);
    }

    [Fact]
    public void When_every_contribution_is_in_the_same_foreign_currency_no_move_changes_the_shares()
    {
        var deal = Deal("USD").Partner("Tokyo Pictures", "JP", 600_000_000m, currency: "JPY", rate: YenRate)
            .Partner("LA Films", "US", 400_000_000m, currency: "JPY", rate: YenRate).Build();

        var stress = Assert.Single(Evaluate(deal, UsJp()).CurrencyStress);

        Assert.Null(stress.MaximumFall);
        Assert.Null(stress.MaximumRise);
        Assert.Null(stress.BreaksOnFall);
        Assert.Null(stress.BreaksOnRise);
        Assert.Equal(100m, stress.ExposureShare.Value);
    }

    [Fact]
    public void Without_share_rules_on_record_no_move_breaks_anything()
    {
        var stress = Assert.Single(Evaluate(TwoWay().Build(), Bilateral("US", "JP", new RuleSet())).CurrencyStress);

        Assert.Null(stress.MaximumFall);
        Assert.Null(stress.MaximumRise);
    }

    [Fact]
    public void Each_foreign_currency_is_stressed_on_its_own_in_code_order()
    {
        var deal = TwoWay().Partner("London Films", "GB", 1_000_000m, currency: "GBP", rate: 1.25m).Build();

        var stress = Evaluate(deal, Convention(["US", "JP", "GB"], Band(20, 80, 5, 80))).CurrencyStress;

        Assert.Equal([Cur("GBP"), Cur("JPY")], stress.Select(s => s.Currency));
        Assert.Equal(1_250_000m, stress[0].Exposure.Amount);
        Assert.Equal(3_350_000m, stress[1].Exposure.Amount);
    }

    [Fact]
    public void A_partner_with_contributions_in_two_currencies_is_only_partly_exposed()
    {
        // Tokyo: 1,675,000 USD cash plus 250,000,000 JPY (1,675,000 USD). At k = 0 it still has 1,675,000 of 8,375,000 = 20 %.
        var deal = Deal("USD").Partner("LA Films", "US", 6_700_000m).Partner("Tokyo Pictures", "JP", 1_675_000m)
            .Contribution("Tokyo Pictures", 250_000_000m, currency: "JPY", rate: YenRate).Build();

        var stress = Assert.Single(Evaluate(deal, UsJp()).CurrencyStress);

        Assert.Equal(1_675_000m, stress.Exposure.Amount);
        Assert.Null(stress.MaximumFall);
    }
}
