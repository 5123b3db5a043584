using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.Eligibility;
using CoProd.Domain.Treaties;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Eligibility;

/// <summary>
/// A treaty the engine has never seen, with an unusual mix of rules, entered purely as data: documentaries only, a
/// per-country band of 25–75 %, a five-point documentary table counting only the co-producing countries, a 10 % cap
/// on spend elsewhere, nationality open to Australians too, and no financial co-producers.
/// </summary>
public sealed class TreatyAsDataTests
{
    private static Treaty NewZealandIreland()
    {
        var rules = new RuleSet
        {
            Applicability = new ApplicabilityRule(new RuleSource("Art. 2", null)) { Formats = [ProductionFormat.Documentary] },
            BilateralShares = new ShareBandRule(new Percentage(25m), new Percentage(75m), new RuleSource("Art. 5", null)) { Basis = ShareBasis.PerCountry },
            FinancialOnly = new FinancialOnlyRule(false, new RuleSource("Art. 6", null)),
            PointsTables =
            [
                new PointsTable(PointsCategory.Documentary, 3, 5, new RuleSource("Annex", null))
                {
                    Eligibility = PointsEligibility.CoProducingCountries,
                    Elements =
                    [
                        new PointsElement("director", "Director", 1, PointsGroup.Creative) { Role = KeyRole.Director },
                        new PointsElement("writer", "Writer", 1, PointsGroup.Creative) { Role = KeyRole.Scriptwriter },
                        new PointsElement("camera", "Camera", 1, PointsGroup.Technical) { Role = KeyRole.DirectorOfPhotography },
                        new PointsElement("editor", "Editor", 1, PointsGroup.Technical) { Role = KeyRole.Editor },
                        new PointsElement("shoot", "Filming", 1, PointsGroup.Technical) { Location = LocationKind.Shooting },
                    ],
                },
            ],
            Nationality = new NationalityRule(new RuleSource("Art. 7", null)) { AlsoEligible = [C("AU")] },
            Spend = new SpendRule(new RuleSource("Art. 8", null)) { MaximumOutsideCoProducingCountries = new Percentage(10m) },
        };
        return Bilateral("NZ", "IE", rules, code: "nz-ie");
    }

    /// <summary>NZ 3,500,000 + 500,000 spent in Australia (40 %), IE 6,000,000 (60 %): 10,000,000 in all.</summary>
    private static DealBuilder Documentary(decimal wellington = 3_500_000m, decimal spentInAustralia = 500_000m, decimal dublin = 6_000_000m,
        ProductionFormat format = ProductionFormat.Documentary, string writer = "AU", string camera = "IE") =>
        Deal("EUR", 10_000_000m, format)
            .Partner("Wellington Docs", "NZ", wellington)
            .Partner("Auckland Media", "NZ", 0m)
            .Contribution("Auckland Media", spentInAustralia, spendIn: "AU")
            .Partner("Dublin Factual", "IE", dublin)
            .Person(KeyRole.Director, "NZ").Person(KeyRole.Scriptwriter, writer).Person(KeyRole.DirectorOfPhotography, camera).Person(KeyRole.Editor, "IE")
            .Location(LocationKind.Shooting, "IE");

    [Fact]
    public void A_documentary_that_meets_every_rule_qualifies()
    {
        var report = Evaluate(Documentary().Build(), NewZealandIreland());

        Assert.Equal(Verdict.Qualifies, report.Verdict);
        Assert.Equal(
            ["treaty.in-force", "treaty.format", "parties.represented", "financing.contributions", "financing.budget", "share.minimum", "share.maximum", "points.threshold", "nationality", "spend.outside"],
            report.Checks.Select(c => c.RuleId).Distinct());
        Assert.Equal("4 of 5", report.Check("points.threshold").Measured);
        Assert.Equal("5.00 %", report.Check("spend.outside").Measured);
    }

    [Fact]
    public void The_per_country_band_measures_new_zealand_as_one_co_producer()
    {
        var report = Evaluate(Documentary().Build(), NewZealandIreland());

        var newZealand = Assert.Single(report.Checks, c => c.Title == "Minimum share — NZ");
        Assert.Equal("40.00 %", newZealand.Measured);
        Assert.Equal("≥ 25.00 %", newZealand.Required);
        Assert.Equal(4, report.ShareChecks().Count());
    }

    public static TheoryData<string, string, string> BreakingCases => new()
    {
        { "Ireland 75.001 %, New Zealand 24.999 %", "share.maximum", "75.001 %" },
        { "Ireland 75.001 %, New Zealand 24.999 %", "share.minimum", "24.999 %" },
        { "too much spent in Australia", "spend.outside", "10.001 %" },
        { "a fiction feature", "treaty.format", "Fiction feature" },
        { "points below 3", "points.threshold", "2 of 5" },
        { "an American writer", "nationality", "3 of 4 qualify" },
    };

    [Theory]
    [MemberData(nameof(BreakingCases))]
    public void Each_rule_entered_as_data_can_make_the_deal_fail(string variation, string ruleId, string measured)
    {
        var builder = variation switch
        {
            // Two countries in a 25–75 band: one above the maximum is the other below the minimum.
            "Ireland 75.001 %, New Zealand 24.999 %" => Documentary(wellington: 1_999_900m, dublin: 7_500_100m),

            // 1,000,100 of 10,000,100 = 10.001 % spent in Australia.
            "too much spent in Australia" => Documentary(wellington: 3_000_000m, spentInAustralia: 1_000_100m),
            "a fiction feature" => Documentary(format: ProductionFormat.FictionFeature),

            // An Australian camera operator qualifies by nationality but earns no point; filming mostly outside NZ and IE.
            "points below 3" => Documentary(camera: "AU").Location(LocationKind.Shooting, "GB").Location(LocationKind.Shooting, "AU"),
            _ => Documentary(writer: "US"),
        };

        var report = Evaluate(builder.Build(), NewZealandIreland());

        Assert.Equal(Verdict.DoesNotQualify, report.Verdict);
        Assert.Contains(report.Failures, c => c.RuleId == ruleId && c.Measured.StartsWith(measured, StringComparison.Ordinal));
    }

    [Fact]
    public void A_financial_co_producer_is_refused_as_the_treaty_data_says()
    {
        var deal = Documentary().Partner("Cork Capital", "IE", 0m, PartnerRole.FinancialOnly).Build();

        var check = Evaluate(deal, NewZealandIreland()).Check("financial-only.allowed");

        Assert.Equal(CheckOutcome.Fail, check.Outcome);
        Assert.Equal("Art. 6", check.Source!.Article);
    }

    [Fact]
    public void A_fiction_feature_under_the_documentary_treaty_also_has_no_points_table()
    {
        var report = Evaluate(Documentary(format: ProductionFormat.FictionFeature).Build(), NewZealandIreland());

        Assert.Equal(CheckOutcome.Warning, report.Check("points.threshold").Outcome);
        Assert.Contains("tables on record: documentary", report.Check("points.threshold").Explanation, StringComparison.Ordinal);
    }
}
