using CoProd.Domain.Deals;
using CoProd.Domain.Eligibility;
using CoProd.Domain.Treaties;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Eligibility;

public sealed class FormatRuleTests
{
    public static TheoryData<ProductionFormat[], ProductionFormat, CheckOutcome> Cases => new()
    {
        { [ProductionFormat.Animation], ProductionFormat.Animation, CheckOutcome.Pass },
        { [ProductionFormat.Animation], ProductionFormat.FictionFeature, CheckOutcome.Fail },
        { [ProductionFormat.FictionFeature, ProductionFormat.Documentary], ProductionFormat.Documentary, CheckOutcome.Pass },
        { [ProductionFormat.FictionFeature, ProductionFormat.Documentary], ProductionFormat.Series, CheckOutcome.Fail },
        { [ProductionFormat.FictionFeature, ProductionFormat.Animation, ProductionFormat.Documentary, ProductionFormat.Series], ProductionFormat.Series, CheckOutcome.Pass },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_treaty_must_cover_the_kind_of_work(ProductionFormat[] covered, ProductionFormat format, CheckOutcome expected)
    {
        var treaty = Bilateral("FR", "CA", WithFormats(covered));

        var check = Evaluate(DealOf(format), treaty).Check("treaty.format");

        Assert.Equal(expected, check.Outcome);
    }

    [Fact]
    public void A_format_not_covered_names_the_formats_the_treaty_covers()
    {
        var treaty = Bilateral("FR", "CA", WithFormats([ProductionFormat.FictionFeature, ProductionFormat.Documentary]));

        var check = Evaluate(DealOf(ProductionFormat.Series), treaty).Check("treaty.format");

        Assert.Equal("Series", check.Measured);
        Assert.Equal("Fiction feature, Documentary", check.Required);
        Assert.Contains("covers only Fiction feature, Documentary", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("a series cannot be made under it", check.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProductionFormat.FictionFeature)]
    [InlineData(ProductionFormat.Animation)]
    [InlineData(ProductionFormat.Documentary)]
    [InlineData(ProductionFormat.Series)]
    public void An_empty_format_list_covers_every_format_and_emits_no_check(ProductionFormat format)
    {
        var treaty = Bilateral("FR", "CA", WithFormats([]));

        var report = Evaluate(DealOf(format), treaty);

        Assert.False(report.Has("treaty.format"));
        Assert.Equal(Verdict.Qualifies, report.Verdict);
    }

    [Fact]
    public void Without_an_applicability_rule_there_is_no_format_check() =>
        Assert.False(Evaluate(DealOf(ProductionFormat.Animation), Bilateral("FR", "CA", Band(20, 80))).Has("treaty.format"));

    private static RuleSet WithFormats(ProductionFormat[] formats) =>
        Band(20, 80) with { Applicability = new ApplicabilityRule(Source) { Formats = formats } };

    private static Domain.Deals.Deal DealOf(ProductionFormat format) =>
        Deal(format: format).Partner("Paris Films", "FR", 6_000_000m).Partner("Montreal Prod", "CA", 4_000_000m).Build();
}
