using CoProd.Domain.Common;
using CoProd.Domain.Eligibility;
using CoProd.Domain.Treaties;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Eligibility;

public sealed class ShareBandRuleTests
{
    private static readonly string[] ConventionParties = ["FR", "DE", "IT"];

    public static TheoryData<decimal, CheckOutcome, string> BilateralMinimumCases => new()
    {
        { 1_000_000m, CheckOutcome.Pass, "10.00 %" },
        { 999_900m, CheckOutcome.Fail, "9.999 %" },
        { 1_000_100m, CheckOutcome.Pass, "10.001 %" },
        { 999_999.99m, CheckOutcome.Fail, "9.999999 %" },
        { 1_000_000.01m, CheckOutcome.Pass, "10.000001 %" },
        { 999_999.9999m, CheckOutcome.Fail, "9.999999 %" },
        { 5_000_000m, CheckOutcome.Pass, "50.00 %" },
        { 0m, CheckOutcome.Fail, "0.00 %" },
    };

    [Theory]
    [MemberData(nameof(BilateralMinimumCases))]
    public void A_share_meets_the_bilateral_minimum_inclusively_and_exactly(decimal montreal, CheckOutcome expected, string measured)
    {
        var builder = Deal().Partner("Paris Films", "FR", 10_000_000m - montreal).Partner("Montreal Prod", "CA", montreal);

        var check = Evaluate(builder.Build(), Bilateral("FR", "CA", Band(10, 80))).Check("share.minimum", builder.Id("Montreal Prod"));

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(measured, check.Measured);
        Assert.Equal("≥ 10.00 %", check.Required);
        Assert.Equal("Minimum share — Montreal Prod (CA)", check.Title);
    }

    public static TheoryData<decimal, CheckOutcome, string> BilateralMaximumCases => new()
    {
        { 8_000_000m, CheckOutcome.Pass, "80.00 %" },
        { 8_000_100m, CheckOutcome.Fail, "80.001 %" },
        { 7_999_900m, CheckOutcome.Pass, "79.999 %" },
        { 8_000_000.01m, CheckOutcome.Fail, "80.000001 %" },
        { 7_999_999.99m, CheckOutcome.Pass, "79.999999 %" },
        { 9_000_000m, CheckOutcome.Fail, "90.00 %" },
    };

    [Theory]
    [MemberData(nameof(BilateralMaximumCases))]
    public void A_share_meets_the_bilateral_maximum_inclusively_and_exactly(decimal paris, CheckOutcome expected, string measured)
    {
        var builder = Deal().Partner("Paris Films", "FR", paris).Partner("Montreal Prod", "CA", 10_000_000m - paris);

        var check = Evaluate(builder.Build(), Bilateral("FR", "CA", Band(10, 80))).Check("share.maximum", builder.Id("Paris Films"));

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(measured, check.Measured);
        Assert.Equal("≤ 80.00 %", check.Required);
    }

    [Theory]
    [InlineData(1_000_000, true, "could fall by")]
    [InlineData(999_900, false, "below the minimum of the treaty's bilateral band per co-producer (10.00 %)")]
    public void A_minimum_check_explains_the_share_against_the_limit(int montreal, bool met, string phrase)
    {
        var builder = Deal().Partner("Paris Films", "FR", 8_000_000m).Partner("Montreal Prod", "CA", montreal);
        builder.Partner("Lyon Images", "FR", 2_000_000m - montreal);

        var check = Evaluate(builder.Build(), Bilateral("FR", "CA", Band(10, 80))).Check("share.minimum", builder.Id("Montreal Prod"));

        Assert.Equal(met, check.Outcome == CheckOutcome.Pass);
        Assert.StartsWith("Montreal Prod (CA) brings ", check.Explanation, StringComparison.Ordinal);
        Assert.Contains(phrase, check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_maximum_failure_says_the_contributions_must_fall()
    {
        var builder = Deal().Partner("Paris Films", "FR", 9_000_000m).Partner("Montreal Prod", "CA", 1_000_000m);

        var check = Evaluate(builder.Build(), Bilateral("FR", "CA", Band(10, 80))).Check("share.maximum", builder.Id("Paris Films"));

        Assert.Contains("above the maximum of the treaty's bilateral band per co-producer (80.00 %)", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("Its contributions must fall by 5,000,000 EUR", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_co_producer_gets_a_minimum_and_a_maximum_check_with_its_partner_id()
    {
        var builder = Deal().Partner("Paris Films", "FR", 5_000_000m).Partner("Lyon Images", "FR", 2_000_000m).Partner("Montreal Prod", "CA", 3_000_000m);

        var report = Evaluate(builder.Build(), Bilateral("FR", "CA", Band(20, 80)));

        Assert.Equal(6, report.ShareChecks().Count());
        foreach (var partner in builder.Deal.Partners)
        {
            Assert.Equal(CheckOutcome.Pass, report.Check("share.minimum", partner.Id).Outcome);
            Assert.Equal(CheckOutcome.Pass, report.Check("share.maximum", partner.Id).Outcome);
        }

        Assert.Equal(CoProductionMode.Bilateral, report.Mode);
    }

    [Fact]
    public void A_band_with_only_a_minimum_on_record_checks_only_the_minimum()
    {
        var builder = Deal().Partner("Paris Films", "FR", 9_500_000m).Partner("Montreal Prod", "CA", 500_000m);

        var report = Evaluate(builder.Build(), Bilateral("FR", "CA", Band(5, null)));

        Assert.All(report.ShareChecks(), c => Assert.Equal("share.minimum", c.RuleId));
        Assert.Equal(2, report.ShareChecks().Count());
        Assert.Equal(Verdict.Qualifies, report.Verdict);
    }

    public static TheoryData<decimal, decimal, decimal, string, string, CheckOutcome, string> MultilateralCases => new()
    {
        { 6_000_000m, 3_000_000m, 1_000_000m, "Roma Film", "share.minimum", CheckOutcome.Pass, "10.00 %" },
        { 6_000_000m, 3_000_100m, 999_900m, "Roma Film", "share.minimum", CheckOutcome.Fail, "9.999 %" },
        { 7_000_000m, 2_000_000m, 1_000_000m, "Paris Films", "share.maximum", CheckOutcome.Pass, "70.00 %" },
        { 7_000_100m, 1_999_900m, 1_000_000m, "Paris Films", "share.maximum", CheckOutcome.Fail, "70.001 %" },
        { 6_999_900m, 2_000_100m, 1_000_000m, "Paris Films", "share.maximum", CheckOutcome.Pass, "69.999 %" },

        // 15 % fails the bilateral minimum of 20 % but meets the multilateral one of 10 %.
        { 6_000_000m, 2_500_000m, 1_500_000m, "Roma Film", "share.minimum", CheckOutcome.Pass, "15.00 %" },

        // 75 % meets the bilateral maximum of 80 % but fails the multilateral one of 70 %.
        { 7_500_000m, 1_500_000m, 1_000_000m, "Paris Films", "share.maximum", CheckOutcome.Fail, "75.00 %" },
    };

    [Theory]
    [MemberData(nameof(MultilateralCases))]
    public void Three_countries_are_measured_against_the_multilateral_band(decimal paris, decimal berlin, decimal rome, string partner, string ruleId, CheckOutcome expected, string measured)
    {
        var builder = Deal().Partner("Paris Films", "FR", paris).Partner("Berlin Bild", "DE", berlin).Partner("Roma Film", "IT", rome);

        var report = Evaluate(builder.Build(), Convention(ConventionParties, Band(20, 80, 10, 70)));

        var check = report.Check(ruleId, builder.Id(partner));
        Assert.Equal(expected, check.Outcome);
        Assert.Equal(measured, check.Measured);
        Assert.Equal(CoProductionMode.Multilateral, report.Mode);
        Assert.Contains("the treaty's multilateral band per co-producer", check.Explanation, StringComparison.Ordinal);
    }

    public static TheoryData<decimal, decimal, string, string, CheckOutcome, string> TwoCountryConventionCases => new()
    {
        { 8_500_000m, 1_500_000m, "Berlin Bild", "share.minimum", CheckOutcome.Fail, "≥ 20.00 %" },
        { 8_000_000m, 2_000_000m, "Berlin Bild", "share.minimum", CheckOutcome.Pass, "≥ 20.00 %" },
        { 7_500_000m, 2_500_000m, "Paris Films", "share.maximum", CheckOutcome.Pass, "≤ 80.00 %" },
    };

    [Theory]
    [MemberData(nameof(TwoCountryConventionCases))]
    public void Two_countries_under_a_convention_are_measured_against_the_bilateral_band(decimal paris, decimal berlin, string partner, string ruleId, CheckOutcome expected, string required)
    {
        var builder = Deal().Partner("Paris Films", "FR", paris).Partner("Berlin Bild", "DE", berlin);

        var report = Evaluate(builder.Build(), Convention(ConventionParties, Band(20, 80, 10, 70)));

        var check = report.Check(ruleId, builder.Id(partner));
        Assert.Equal(expected, check.Outcome);
        Assert.Equal(required, check.Required);
        Assert.Equal(CoProductionMode.Bilateral, report.Mode);
    }

    [Fact]
    public void Two_partners_from_one_country_and_one_from_another_make_a_bilateral_co_production()
    {
        var builder = Deal().Partner("Paris Films", "FR", 4_000_000m).Partner("Lyon Images", "FR", 1_500_000m).Partner("Berlin Bild", "DE", 4_500_000m);

        var report = Evaluate(builder.Build(), Convention(ConventionParties, Band(20, 80, 10, 70)));

        Assert.Equal(CoProductionMode.Bilateral, report.Mode);
        Assert.Equal(CheckOutcome.Fail, report.Check("share.minimum", builder.Id("Lyon Images")).Outcome);
    }

    public static TheoryData<RuleSet, int, string> BandNotOnRecordCases => new()
    {
        { Band(20, 80), 3, "(its bilateral band is 20.00 % to 80.00 %)" },
        { Band(null, 80), 3, "(its bilateral band is no minimum to 80.00 %)" },
        { new RuleSet { MultilateralShares = new ShareBandRule(new Percentage(10m), new Percentage(70m), Source) }, 2, "(its multilateral band is 10.00 % to 70.00 %)" },
        { new RuleSet { MultilateralShares = new ShareBandRule(new Percentage(10m), null, Source) }, 2, "(its multilateral band is 10.00 % to no maximum)" },
        { new RuleSet(), 2, "bilateral co-productions are not on record. Confirm" },
        { new RuleSet(), 3, "multilateral co-productions are not on record. Confirm" },
    };

    [Theory]
    [MemberData(nameof(BandNotOnRecordCases))]
    public void A_band_not_on_record_for_the_mode_is_a_warning_not_an_invented_number(RuleSet rules, int countries, string phrase)
    {
        var builder = Deal().Partner("Paris Films", "FR", 5_000_000m).Partner("Berlin Bild", "DE", 3_000_000m);
        if (countries == 3)
        {
            builder.Partner("Roma Film", "IT", 2_000_000m);
        }
        else
        {
            builder.Partner("Lyon Images", "FR", 2_000_000m);
        }

        var report = Evaluate(builder.Build(), Convention(ConventionParties, rules));

        var check = report.Check("share.band");
        Assert.Equal(CheckOutcome.Warning, check.Outcome);
        Assert.Equal($"{countries} countries", check.Measured);
        Assert.Equal("not on record", check.Required);
        Assert.Contains(phrase, check.Explanation, StringComparison.Ordinal);
        Assert.Empty(report.ShareChecks());
        Assert.Empty(report.Margins);
        Assert.Equal(Verdict.QualifiesSubjectToApproval, report.Verdict);
    }

    [Fact]
    public void The_band_warning_names_the_mode_in_its_title()
    {
        var deal = Deal().Partner("Paris Films", "FR", 5_000_000m).Partner("Berlin Bild", "DE", 3_000_000m).Partner("Roma Film", "IT", 2_000_000m).Build();

        var check = Evaluate(deal, Convention(ConventionParties, Band(20, 80))).Check("share.band");

        Assert.Equal("Share band for multilateral co-productions", check.Title);
    }

    [Fact]
    public void A_band_on_record_for_the_mode_gives_no_band_warning()
    {
        var deal = Deal().Partner("Paris Films", "FR", 5_000_000m).Partner("Berlin Bild", "DE", 5_000_000m).Build();

        Assert.False(Evaluate(deal, Convention(ConventionParties, Band(20, 80))).Has("share.band"));
    }

    public static TheoryData<decimal, decimal, CheckOutcome, string> PerCountryCases => new()
    {
        { 1_000_000m, 1_000_000m, CheckOutcome.Pass, "20.00 %" },
        { 1_000_000m, 999_900m, CheckOutcome.Fail, "19.999 %" },
        { 500_000m, 1_500_000m, CheckOutcome.Pass, "20.00 %" },
        { 1_000_000m, 1_500_000m, CheckOutcome.Pass, "25.00 %" },
    };

    [Theory]
    [MemberData(nameof(PerCountryCases))]
    public void A_per_country_band_aggregates_the_co_producers_of_each_country(decimal paris, decimal lyon, CheckOutcome expected, string measured)
    {
        var rules = new RuleSet { BilateralShares = new ShareBandRule(new Percentage(20m), new Percentage(80m), Source) { Basis = ShareBasis.PerCountry } };
        var deal = Deal().Partner("Paris Films", "FR", paris).Partner("Lyon Images", "FR", lyon).Partner("Montreal Prod", "CA", 10_000_000m - paris - lyon).Build();

        var report = Evaluate(deal, Bilateral("FR", "CA", rules));

        var check = Assert.Single(report.Checks, c => c.RuleId == "share.minimum" && c.Title == "Minimum share — FR");
        Assert.Equal(expected, check.Outcome);
        Assert.Equal(measured, check.Measured);
        Assert.Null(check.PartnerId);
        Assert.StartsWith("FR's co-producers bring ", check.Explanation, StringComparison.Ordinal);
        Assert.Equal(4, report.ShareChecks().Count());
    }

    [Fact]
    public void The_same_deal_fails_a_per_co_producer_band_where_it_meets_a_per_country_band()
    {
        var deal = Deal().Partner("Paris Films", "FR", 1_000_000m).Partner("Lyon Images", "FR", 1_500_000m).Partner("Montreal Prod", "CA", 7_500_000m).Build();
        var perCountry = new RuleSet { BilateralShares = new ShareBandRule(new Percentage(20m), new Percentage(80m), Source) { Basis = ShareBasis.PerCountry } };

        Assert.Equal(Verdict.Qualifies, Evaluate(deal, Bilateral("FR", "CA", perCountry)).Verdict);
        Assert.Equal(Verdict.DoesNotQualify, Evaluate(deal, Bilateral("FR", "CA", Band(20, 80))).Verdict);
    }

    [Fact]
    public void A_share_check_cites_the_band_source()
    {
        var source = new RuleSource("Art. 6", "https://example.org/fr-ca", Confidence: Confidence.Secondary);
        var rules = new RuleSet { BilateralShares = new ShareBandRule(new Percentage(20m), new Percentage(80m), source) };
        var deal = Deal().Partner("Paris Films", "FR", 6_000_000m).Partner("Montreal Prod", "CA", 4_000_000m).Build();

        Assert.All(Evaluate(deal, Bilateral("FR", "CA", rules)).ShareChecks(), c => Assert.Equal(source, c.Source));
    }
}
