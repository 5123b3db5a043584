using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.Eligibility;
using CoProd.Domain.Treaties;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Eligibility;

public sealed class ProportionalityRuleTests
{
    private static readonly KeyRole[] Roles =
        [KeyRole.Director, KeyRole.Scriptwriter, KeyRole.Composer, KeyRole.LeadActor1, KeyRole.LeadActor2, KeyRole.DirectorOfPhotography, KeyRole.Editor, KeyRole.SoundRecordist];

    public static TheoryData<decimal, int, int, CheckOutcome> Cases => new()
    {
        { 6_000_000m, 3, 2, CheckOutcome.Pass },
        { 5_000_000m, 2, 2, CheckOutcome.Pass },
        { 7_000_000m, 3, 2, CheckOutcome.Pass },
        { 7_000_100m, 3, 2, CheckOutcome.Warning },
        { 5_000_000m, 3, 2, CheckOutcome.Pass },
        { 4_999_900m, 3, 2, CheckOutcome.Warning },
        { 5_000_000m, 4, 1, CheckOutcome.Warning },
        { 8_000_000m, 4, 1, CheckOutcome.Pass },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_countrys_share_of_the_key_people_must_be_within_the_tolerance_of_its_share_of_the_money(decimal paris, int french, int canadians, CheckOutcome expected)
    {
        var deal = WithPeople(Deal().Partner("Paris Films", "FR", paris).Partner("Montreal Prod", "CA", 10_000_000m - paris), french, canadians).Build();

        var check = Evaluate(deal, Treaty(10m)).Check("proportionality");

        Assert.Equal(expected, check.Outcome);
    }

    [Fact]
    public void The_measure_lists_each_countrys_money_and_participation()
    {
        var deal = WithPeople(Deal().Partner("Paris Films", "FR", 6_000_000m).Partner("Montreal Prod", "CA", 4_000_000m), 3, 2).Build();

        var check = Evaluate(deal, Treaty(10m)).Check("proportionality");

        Assert.Equal("CA: 40.00 % of the money, 40.00 % of the participation; FR: 60.00 % of the money, 60.00 % of the participation", check.Measured);
        Assert.Equal("within ±10 points", check.Required);
        Assert.Contains("in line with its financial share", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_country_out_of_proportion_is_named_as_a_warning_not_a_failure()
    {
        var deal = WithPeople(Deal().Partner("Paris Films", "FR", 5_000_000m).Partner("Montreal Prod", "CA", 5_000_000m), 4, 1).Build();

        var report = Evaluate(deal, Treaty(10m));

        var check = report.Check("proportionality");
        Assert.Contains("CA brings 50.00 % of the money but 20.00 % of the creative and technical participation", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("FR brings 50.00 % of the money but 80.00 % of the creative and technical participation", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("\"in principle\"", check.Explanation, StringComparison.Ordinal);
        Assert.Equal(Verdict.QualifiesSubjectToApproval, report.Verdict);
    }

    [Fact]
    public void A_tolerance_note_is_shown_with_the_requirement()
    {
        var rules = Band(20, 80) with { Proportionality = new ProportionalityRule(new Percentage(12.5m), Source) { ToleranceNote = "CoProd review threshold" } };
        var deal = WithPeople(Deal().Partner("Paris Films", "FR", 6_000_000m).Partner("Montreal Prod", "CA", 4_000_000m), 3, 2).Build();

        var check = Evaluate(deal, Bilateral("FR", "CA", rules)).Check("proportionality");

        Assert.Equal("within ±12.5 points (tolerance: CoProd review threshold)", check.Required);
    }

    [Fact]
    public void Without_key_people_proportionality_cannot_be_measured_and_is_a_warning()
    {
        var deal = Deal().Partner("Paris Films", "FR", 6_000_000m).Partner("Montreal Prod", "CA", 4_000_000m).Build();

        var check = Evaluate(deal, Treaty(10m)).Check("proportionality");

        Assert.Equal(CheckOutcome.Warning, check.Outcome);
        Assert.Equal("no key people", check.Measured);
        Assert.Equal("within ±10 points", check.Required);
    }

    [Fact]
    public void Without_contributions_or_without_the_rule_there_is_no_proportionality_check()
    {
        var noMoney = WithPeople(Deal().Partner("Paris Films", "FR", 0m).Partner("Montreal Prod", "CA", 0m), 3, 2).Build();
        var noRule = WithPeople(Deal().Partner("Paris Films", "FR", 6_000_000m).Partner("Montreal Prod", "CA", 4_000_000m), 3, 2).Build();

        Assert.False(Evaluate(noMoney, Treaty(10m)).Has("proportionality"));
        Assert.False(Evaluate(noRule, Bilateral("FR", "CA", Band(20, 80))).Has("proportionality"));
    }

    [Theory]
    [InlineData(true, CheckOutcome.Pass)]
    [InlineData(false, CheckOutcome.Warning)]
    public void With_a_points_table_participation_is_weighted_by_points(bool withTable, CheckOutcome expected)
    {
        // Director (6 points) French, editor (4 points) Canadian: 60/40 by points, 50/50 by head count.
        var table = new PointsTable(PointsCategory.Fiction, 1, 10, Source)
        {
            Elements =
            [
                new PointsElement("director", "Director", 6, PointsGroup.Creative) { Role = KeyRole.Director },
                new PointsElement("editor", "Editor", 4, PointsGroup.Technical) { Role = KeyRole.Editor },
            ],
        };
        var rules = Band(20, 80) with
        {
            Proportionality = new ProportionalityRule(new Percentage(5m), Source),
            PointsTables = withTable ? [table] : [],
        };
        var deal = Deal().Partner("Paris Films", "FR", 6_000_000m).Partner("Montreal Prod", "CA", 4_000_000m)
            .Person(KeyRole.Director, "FR").Person(KeyRole.Editor, "CA").Build();

        var check = Evaluate(deal, Bilateral("FR", "CA", rules)).Check("proportionality");

        Assert.Equal(expected, check.Outcome);
    }

    [Fact]
    public void Location_points_count_for_the_country_where_most_of_that_work_is_done()
    {
        var table = new PointsTable(PointsCategory.Fiction, 1, 10, Source)
        {
            Elements =
            [
                new PointsElement("director", "Director", 4, PointsGroup.Creative) { Role = KeyRole.Director },
                new PointsElement("shooting", "Shooting", 6, PointsGroup.Technical) { Location = LocationKind.Shooting },
            ],
        };
        var rules = Band(20, 80) with { Proportionality = new ProportionalityRule(new Percentage(1m), Source), PointsTables = [table] };
        var deal = Deal().Partner("Paris Films", "FR", 6_000_000m).Partner("Montreal Prod", "CA", 4_000_000m)
            .Person(KeyRole.Director, "CA").Location(LocationKind.Shooting, "FR").Build();

        var check = Evaluate(deal, Bilateral("FR", "CA", rules)).Check("proportionality");

        Assert.Equal(CheckOutcome.Pass, check.Outcome);
        Assert.Contains("FR: 60.00 % of the money, 60.00 % of the participation", check.Measured, StringComparison.Ordinal);
    }

    [Fact]
    public void The_countries_of_financial_only_co_producers_are_not_measured()
    {
        var check = Evaluate(DealWithGermanFund(), ConventionWithProportionality(15m)).Check("proportionality");

        Assert.Equal(CheckOutcome.Pass, check.Outcome);
        Assert.DoesNotContain("DE:", check.Measured, StringComparison.Ordinal);
        // Money is compared among the creative co-producers only: FR brings 5 of their 8 million.
        Assert.Contains("FR: 62.50 % of the money", check.Measured, StringComparison.Ordinal);
        Assert.Contains("IT: 37.50 % of the money", check.Measured, StringComparison.Ordinal);
    }

    // Financial co-producers are exempt from proportionality, so the others' money is compared among themselves:
    // creative co-producers taking part exactly in proportion to what they bring pass.
    [Fact]
    public void A_financial_only_co_producer_does_not_put_perfectly_proportional_creative_co_producers_out_of_proportion()
    {
        var check = Evaluate(DealWithGermanFund(), ConventionWithProportionality(10m)).Check("proportionality");

        Assert.Equal(CheckOutcome.Pass, check.Outcome);
    }

    private static Domain.Deals.Deal DealWithGermanFund()
    {
        var builder = Deal()
            .Partner("Paris Films", "FR", 5_000_000m, PartnerRole.MajorityDelegate)
            .Partner("Roma Film", "IT", 3_000_000m)
            .Partner("Berlin Fund", "DE", 2_000_000m, PartnerRole.FinancialOnly);
        return WithPeople(builder, 5, 0, ("IT", 3)).Build();
    }

    private static Treaty ConventionWithProportionality(decimal tolerance) =>
        Convention(["FR", "DE", "IT"], Band(20, 80, 10, 70) with
        {
            Proportionality = new ProportionalityRule(new Percentage(tolerance), Source),
            FinancialOnly = new FinancialOnlyRule(true, Source) { Minimum = new Percentage(10m), Maximum = new Percentage(25m) },
        });

    private static Treaty Treaty(decimal tolerance) =>
        Bilateral("FR", "CA", Band(20, 80) with { Proportionality = new ProportionalityRule(new Percentage(tolerance), Source) });

    private static DealBuilder WithPeople(DealBuilder builder, int french, int canadians, (string Country, int Count)? others = null)
    {
        var i = 0;
        for (var n = 0; n < french; n++)
        {
            builder.Person(Roles[i++], "FR");
        }

        for (var n = 0; n < canadians; n++)
        {
            builder.Person(Roles[i++], "CA");
        }

        if (others is { } more)
        {
            for (var n = 0; n < more.Count; n++)
            {
                builder.Person(Roles[i++], more.Country);
            }
        }

        return builder;
    }
}
