using CoProd.Domain.Eligibility;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Eligibility;

public sealed class FinancingRuleTests
{
    [Fact]
    public void A_deal_without_contributions_fails_and_measures_no_shares()
    {
        var treaty = Bilateral("FR", "CA", Band(20, 80));
        var deal = Deal().Partner("Paris Films", "FR", 0m).Partner("Montreal Prod", "CA", 0m).Build();

        var report = Evaluate(deal, treaty);

        var check = report.Check("financing.contributions");
        Assert.Equal(CheckOutcome.Fail, check.Outcome);
        Assert.Equal("none", check.Measured);
        Assert.Contains("No contributions are entered yet", check.Explanation, StringComparison.Ordinal);
        Assert.False(report.Has("financing.budget"));
        Assert.Empty(report.ShareChecks());
        Assert.Empty(report.Margins);
        Assert.Empty(report.CurrencyStress);
        Assert.Equal(Verdict.DoesNotQualify, report.Verdict);
    }

    [Fact]
    public void Contributions_entered_pass_and_say_how_much_and_from_how_many_partners()
    {
        var treaty = Bilateral("FR", "CA", Band(20, 80));
        var deal = Deal().Partner("Paris Films", "FR", 7_000_000m).Partner("Montreal Prod", "CA", 3_000_000m).Partner("Idle Films", "FR", 0m).Build();

        var check = Evaluate(deal, treaty).Check("financing.contributions");

        Assert.Equal(CheckOutcome.Pass, check.Outcome);
        Assert.Equal("10,000,000 EUR", check.Measured);
        Assert.Contains("contributed by 2 partner(s)", check.Explanation, StringComparison.Ordinal);
    }

    public static TheoryData<decimal, decimal, CheckOutcome, string, string> BudgetCases => new()
    {
        { 8_000_000m, 2_000_000m, CheckOutcome.Pass, "10,000,000 EUR", "add up to the budget" },
        { 7_000_000m, 2_000_000m, CheckOutcome.Warning, "9,000,000 EUR", "1,000,000 EUR short of the budget" },
        { 7_999_999m, 2_000_000m, CheckOutcome.Warning, "9,999,999 EUR", "1 EUR short of the budget" },
        { 8_000_001m, 2_000_000m, CheckOutcome.Warning, "10,000,001 EUR", "1 EUR above the budget" },
        { 8_000_000m, 3_000_000m, CheckOutcome.Warning, "11,000,000 EUR", "1,000,000 EUR above the budget" },
    };

    [Theory]
    [MemberData(nameof(BudgetCases))]
    public void Financing_that_does_not_add_up_to_the_budget_is_a_warning(decimal paris, decimal montreal, CheckOutcome expected, string measured, string phrase)
    {
        var treaty = Bilateral("FR", "CA", Band(15, 85));
        var deal = Deal(budget: 10_000_000m).Partner("Paris Films", "FR", paris).Partner("Montreal Prod", "CA", montreal).Build();

        var check = Evaluate(deal, treaty).Check("financing.budget");

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(measured, check.Measured);
        Assert.Equal("10,000,000 EUR", check.Required);
        Assert.Contains(phrase, check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shortfall_warns_that_the_shares_will_change_and_leaves_the_verdict_subject_to_approval()
    {
        var treaty = Bilateral("FR", "CA", Band(20, 80));
        var deal = Deal(budget: 12_000_000m).Partner("Paris Films", "FR", 7_000_000m).Partner("Montreal Prod", "CA", 3_000_000m).Build();

        var report = Evaluate(deal, treaty);

        Assert.Contains("the shares will change", report.Check("financing.budget").Explanation, StringComparison.Ordinal);
        Assert.Equal(Verdict.QualifiesSubjectToApproval, report.Verdict);
    }
}
