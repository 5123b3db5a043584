using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.Eligibility;
using CoProd.Domain.Treaties;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Eligibility;

public sealed class VerdictTests
{
    [Theory]
    [InlineData(true, false, 3_000_000, Verdict.Qualifies)]
    [InlineData(false, false, 3_000_000, Verdict.QualifiesSubjectToApproval)]
    [InlineData(true, true, 3_000_000, Verdict.QualifiesSubjectToApproval)]
    [InlineData(false, true, 3_000_000, Verdict.QualifiesSubjectToApproval)]
    [InlineData(true, false, 1_500_000, Verdict.DoesNotQualify)]
    [InlineData(false, true, 1_500_000, Verdict.DoesNotQualify)]
    public void Any_failure_does_not_qualify_warnings_alone_need_approval_and_passes_qualify(bool inForceDateKnown, bool budgetShort, int montreal, Verdict expected)
    {
        var treaty = Bilateral("FR", "CA", Band(20, 80));
        if (!inForceDateKnown)
        {
            treaty.SetDates(null, null, null, null);
        }

        var deal = Deal(budget: budgetShort ? 20_000_000m : 10_000_000m).Partner("Paris Films", "FR", 10_000_000m - montreal).Partner("Montreal Prod", "CA", montreal).Build();

        Assert.Equal(expected, Evaluate(deal, treaty).Verdict);
    }

    [Fact]
    public void Not_applicable_checks_do_not_stand_in_the_way_of_qualifying()
    {
        var report = Evaluate(FrCa(7_000_000m, 3_000_000m), Bilateral("FR", "CA", Band(20, 80)));

        Assert.Equal(CheckOutcome.NotApplicable, report.Check("points.threshold").Outcome);
        Assert.Equal(Verdict.Qualifies, report.Verdict);
        Assert.Null(report.FirstFailure);
        Assert.Empty(report.Failures);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Failures_and_warnings_list_the_checks_with_those_outcomes()
    {
        var treaty = Bilateral("FR", "CA", Band(20, 80));
        treaty.SetDates(null, null, null, null);

        var report = Evaluate(FrCa(8_500_000m, 1_500_000m), treaty);

        Assert.Equal(["treaty.in-force"], report.Warnings.Select(c => c.RuleId));
        Assert.Equal(["share.maximum", "share.minimum"], report.Failures.Select(c => c.RuleId).Order());
    }

    public static TheoryData<string, string> FirstFailureCases => new()
    {
        { "not in force", "treaty.in-force" },
        { "wrong format", "treaty.format" },
        { "missing party", "parties.represented" },
        { "no money", "financing.contributions" },
        { "share too large", "share.maximum" },
        { "financial only", "financial-only.allowed" },
        { "points", "points.threshold" },
        { "nationality", "nationality" },
        { "spend", "spend.outside" },
    };

    [Theory]
    [MemberData(nameof(FirstFailureCases))]
    public void The_first_failure_is_the_first_failing_check_in_order(string scenario, string expected)
    {
        // Later rules fail too, so the order matters: nationality (an American editor) in every scenario but "spend",
        // and spend, which comes last (2,000,000 of 12,000,000 spent in the US), in every scenario with money.
        var rules = Band(20, 80) with
        {
            Applicability = new ApplicabilityRule(Source) { Formats = [ProductionFormat.FictionFeature] },
            FinancialOnly = new FinancialOnlyRule(false, Source),
            PointsTables = [new PointsTable(PointsCategory.Fiction, 1, 1, Source) { Elements = [new PointsElement("director", "Director", 1, PointsGroup.Creative) { Role = KeyRole.Director }] }],
            Nationality = new NationalityRule(Source),
            Spend = new SpendRule(Source) { MaximumOutsideCoProducingCountries = new Percentage(10m) },
        };
        var treaty = Bilateral("FR", "CA", rules, inForceFrom: scenario == "not in force" ? Today.AddDays(1) : null);
        var builder = Deal(budget: 12_000_000m, format: scenario == "wrong format" ? ProductionFormat.Documentary : ProductionFormat.FictionFeature);
        var (paris, montreal, fund) = scenario switch
        {
            "no money" => (0m, 0m, 0m),
            "share too large" => (8_000_000m, 2_000_000m, 0m),
            "financial only" => (4_000_000m, 3_000_000m, 3_000_000m),
            _ => (5_000_000m, 5_000_000m, 0m),
        };
        builder.Partner("Paris Films", "FR", paris).Partner("Montreal Prod", scenario == "missing party" ? "FR" : "CA", montreal);
        if (fund > 0m)
        {
            builder.Partner("Quebec Fund", "CA", fund, PartnerRole.FinancialOnly);
        }

        if (scenario != "no money")
        {
            builder.Contribution("Paris Films", 2_000_000m, spendIn: "US");
        }

        builder.Person(KeyRole.Director, scenario == "points" ? "US" : "FR").Person(KeyRole.Editor, scenario == "spend" ? "CA" : "US");

        var report = Evaluate(builder.Build(), treaty);

        Assert.Equal(Verdict.DoesNotQualify, report.Verdict);
        Assert.Equal(expected, report.FirstFailure!.RuleId);
        Assert.Same(report.Failures.First(), report.FirstFailure);
    }

    [Fact]
    public void Checks_come_in_a_fixed_order_from_the_treaty_to_the_deals_details()
    {
        var rules = new RuleSet
        {
            Applicability = new ApplicabilityRule(Source) { Formats = [ProductionFormat.FictionFeature], AllParticipatingCountriesMustBeParties = true },
            MultilateralShares = new ShareBandRule(new Percentage(5m), new Percentage(70m), Source),
            NonPartyCoProducers = new NonPartyRule(true, Source),
            FinancialOnly = new FinancialOnlyRule(true, Source) { Minimum = new Percentage(5m), Maximum = new Percentage(20m), RequiresApproval = true, RequiresCreativeMajorityCoProducer = true },
            PointsTables = [new PointsTable(PointsCategory.Fiction, 1, 1, Source) { Elements = [new PointsElement("director", "Director", 1, PointsGroup.Creative) { Role = KeyRole.Director }] }],
            Proportionality = new ProportionalityRule(new Percentage(10m), Source),
            Nationality = new NationalityRule(Source),
            Spend = new SpendRule(Source) { MaximumOutsideCoProducingCountries = new Percentage(20m), ProportionalTolerance = new Percentage(10m) },
        };
        var deal = Deal().Partner("Paris Films", "FR", 4_000_000m).Partner("Berlin Bild", "DE", 2_000_000m).Partner("Roma Film", "IT", 2_000_000m)
            .Partner("Hollywood Pictures", "US", 1_000_000m).Partner("Berlin Fund", "DE", 1_000_000m, PartnerRole.FinancialOnly)
            .Person(KeyRole.Director, "FR").Build();

        var report = Evaluate(deal, Convention(["FR", "DE", "IT"], rules));

        string[] expected =
        [
            "treaty.in-force", "treaty.format", "parties.all-participants", "parties.represented", "financing.contributions", "financing.budget",
            "non-party.allowed", "share.minimum", "share.maximum", "financial-only.minimum", "financial-only.maximum", "financial-only.majority",
            "financial-only.approval", "points.threshold", "proportionality", "nationality", "spend.outside", "spend.proportional",
        ];
        Assert.Equal(expected, report.Checks.Select(c => c.RuleId).Distinct());
    }

    [Fact]
    public void The_report_names_the_treaty_the_rule_version_and_the_date()
    {
        var treaty = Bilateral("FR", "CA", Band(20, 80), code: "fr-ca");
        var version = Publish(treaty, Band(15, 85), new DateOnly(2024, 1, 1));

        var report = Evaluate(FrCa(7_000_000m, 3_000_000m), treaty);

        Assert.Equal("fr-ca", report.TreatyCode);
        Assert.Equal("FR–CA treaty", report.TreatyName);
        Assert.Equal(version.Id, report.RuleVersionId);
        Assert.Equal(2, report.RuleVersionNumber);
        Assert.Equal<DateOnly?>(new DateOnly(2024, 1, 1), report.RuleVersionEffectiveFrom);
        Assert.Equal(Today, report.EvaluatedOn);
    }

    [Fact]
    public void Evaluating_the_same_deal_twice_gives_the_same_checks()
    {
        var deal = FrCa(7_000_000m, 3_000_000m);
        var treaty = Bilateral("FR", "CA", Band(20, 80));

        Assert.Equal(Evaluate(deal, treaty).Checks, Evaluate(deal, treaty).Checks);
    }

    private static Domain.Deals.Deal FrCa(decimal paris, decimal montreal) =>
        Deal().Partner("Paris Films", "FR", paris).Partner("Montreal Prod", "CA", montreal).Build();
}
