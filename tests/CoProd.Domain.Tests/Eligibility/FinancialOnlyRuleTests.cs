using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.Eligibility;
using CoProd.Domain.Treaties;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Eligibility;

public sealed class FinancialOnlyRuleTests
{
    [Fact]
    public void A_financial_co_producer_under_a_treaty_silent_on_them_is_a_warning_and_keeps_the_normal_band()
    {
        var builder = DealWithFund(6_000_000m, 2_000_000m, 2_000_000m);

        var report = Evaluate(builder.Build(), Treaty(null));

        var check = report.Check("financial-only.allowed");
        Assert.Equal(CheckOutcome.Warning, check.Outcome);
        Assert.Equal("Quebec Fund (CA)", check.Measured);
        Assert.Equal("not on record", check.Required);
        Assert.Contains("Quebec Fund (CA) is a purely financial co-producer", check.Explanation, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.Pass, report.Check("share.minimum", builder.Id("Quebec Fund")).Outcome);
        Assert.Equal(Verdict.QualifiesSubjectToApproval, report.Verdict);
    }

    [Fact]
    public void Several_financial_co_producers_are_named_together()
    {
        var deal = DealWithFund(5_000_000m, 2_500_000m, 2_500_000m).Partner("Lyon Capital", "FR", 0m, PartnerRole.FinancialOnly).Build();

        var check = Evaluate(deal, Treaty(null)).Check("financial-only.allowed");

        Assert.Equal("Quebec Fund (CA), Lyon Capital (FR)", check.Measured);
        Assert.Contains("are purely financial co-producers", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_treaty_that_does_not_allow_financial_co_producers_fails_each_of_them()
    {
        var builder = DealWithFund(5_000_000m, 2_500_000m, 2_500_000m).Partner("Lyon Capital", "FR", 0m, PartnerRole.FinancialOnly);

        var report = Evaluate(builder.Build(), Treaty(new FinancialOnlyRule(false, Source) { Conditions = "Art. 4." }));

        var failures = report.Checks.Where(c => c.RuleId == "financial-only.allowed").ToList();
        Assert.Equal(2, failures.Count);
        Assert.All(failures, c => Assert.Equal(CheckOutcome.Fail, c.Outcome));
        var quebec = report.Check("financial-only.allowed", builder.Id("Quebec Fund"));
        Assert.Equal("creative and technical participation", quebec.Required);
        Assert.Equal("Financial co-producer — Quebec Fund (CA)", quebec.Title);
        Assert.EndsWith("take part creatively and technically. Art. 4.", quebec.Explanation, StringComparison.Ordinal);
        Assert.Equal(Verdict.DoesNotQualify, report.Verdict);
    }

    public static TheoryData<decimal, string, CheckOutcome, string> OwnBandCases => new()
    {
        { 1_000_000m, "financial-only.minimum", CheckOutcome.Pass, "10.00 %" },
        { 999_900m, "financial-only.minimum", CheckOutcome.Fail, "9.999 %" },
        { 1_000_100m, "financial-only.minimum", CheckOutcome.Pass, "10.001 %" },
        { 2_500_000m, "financial-only.maximum", CheckOutcome.Pass, "25.00 %" },
        { 2_500_100m, "financial-only.maximum", CheckOutcome.Fail, "25.001 %" },
        { 2_499_900m, "financial-only.maximum", CheckOutcome.Pass, "24.999 %" },
    };

    [Theory]
    [MemberData(nameof(OwnBandCases))]
    public void A_financial_co_producer_is_measured_against_the_financial_band(decimal fund, string ruleId, CheckOutcome expected, string measured)
    {
        var builder = DealWithFund(6_000_000m, 4_000_000m - fund, fund);

        var check = Evaluate(builder.Build(), Treaty(Allowed(10, 25))).Check(ruleId, builder.Id("Quebec Fund"));

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(measured, check.Measured);
        Assert.Contains("the band for financial co-producers", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_financial_band_replaces_the_normal_band_for_financial_co_producers_only()
    {
        var builder = DealWithFund(6_000_000m, 3_000_000m, 1_000_000m);

        var report = Evaluate(builder.Build(), Treaty(Allowed(10, 25)));

        var fund = builder.Id("Quebec Fund");
        Assert.DoesNotContain(report.Checks, c => c.PartnerId == fund && c.RuleId.StartsWith("share.", StringComparison.Ordinal));
        Assert.Equal(CheckOutcome.Pass, report.Check("financial-only.minimum", fund).Outcome);
        Assert.Equal(CheckOutcome.Pass, report.Check("share.minimum", builder.Id("Montreal Prod")).Outcome);
        Assert.Equal(Verdict.Qualifies, report.Verdict);
    }

    [Fact]
    public void A_financial_band_with_only_a_maximum_still_replaces_the_normal_band()
    {
        var builder = DealWithFund(6_000_000m, 3_500_000m, 500_000m);
        var rule = new FinancialOnlyRule(true, Source) { Maximum = new Percentage(25m) };

        var report = Evaluate(builder.Build(), Treaty(rule));

        var fund = builder.Id("Quebec Fund");
        Assert.Equal(CheckOutcome.Pass, report.Check("financial-only.maximum", fund).Outcome);
        Assert.DoesNotContain(report.Checks, c => c.PartnerId == fund && c.RuleId == "financial-only.minimum");
        Assert.DoesNotContain(report.Checks, c => c.PartnerId == fund && c.RuleId == "share.minimum");
    }

    [Fact]
    public void Allowed_financial_co_producers_without_a_band_of_their_own_are_held_to_the_normal_band()
    {
        var builder = DealWithFund(6_000_000m, 3_000_000m, 1_000_000m);

        var report = Evaluate(builder.Build(), Treaty(new FinancialOnlyRule(true, Source)));

        Assert.Equal(CheckOutcome.Fail, report.Check("share.minimum", builder.Id("Quebec Fund")).Outcome);
        Assert.False(report.Has("financial-only.allowed"));
    }

    public static TheoryData<decimal, decimal, decimal, CheckOutcome, string> MajorityCases => new()
    {
        { 6_000_000m, 2_000_000m, 2_000_000m, CheckOutcome.Pass, "Paris Films (FR)" },
        { 3_000_000m, 2_000_000m, 5_000_000m, CheckOutcome.Fail, "Quebec Fund (CA)" },
        { 4_000_000m, 2_000_000m, 4_000_100m, CheckOutcome.Fail, "Quebec Fund (CA)" },
        { 4_000_100m, 2_000_000m, 4_000_000m, CheckOutcome.Pass, "Paris Films (FR)" },
        { 3_000_000m, 4_000_000m, 3_000_000m, CheckOutcome.Pass, "Montreal Prod (CA)" },
    };

    [Theory]
    [MemberData(nameof(MajorityCases))]
    public void The_largest_co_producer_must_take_part_creatively_when_the_treaty_says_so(decimal paris, decimal montreal, decimal fund, CheckOutcome expected, string measured)
    {
        var rule = new FinancialOnlyRule(true, Source) { Minimum = new Percentage(10m), Maximum = new Percentage(60m), RequiresCreativeMajorityCoProducer = true };

        var check = Evaluate(DealWithFund(paris, montreal, fund).Build(), Treaty(rule)).Check("financial-only.majority");

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(measured, check.Measured);
    }

    [Fact]
    public void A_financial_majority_co_producer_is_explained_with_its_share()
    {
        var rule = new FinancialOnlyRule(true, Source) { Maximum = new Percentage(60m), RequiresCreativeMajorityCoProducer = true };

        var check = Evaluate(DealWithFund(3_000_000m, 2_000_000m, 5_000_000m).Build(), Treaty(rule)).Check("financial-only.majority");

        Assert.Contains("The largest share (50.00 %) is held by Quebec Fund (CA), a financial co-producer", check.Explanation, StringComparison.Ordinal);
    }

    // On a tie for the largest share, the outcome must not depend on the order the partners were entered in.
    [Fact]
    public void The_majority_check_does_not_depend_on_the_order_partners_were_entered_when_shares_tie()
    {
        var rule = new FinancialOnlyRule(true, Source) { Maximum = new Percentage(60m), RequiresCreativeMajorityCoProducer = true };
        var fundFirst = Deal().Partner("Quebec Fund", "CA", 5_000_000m, PartnerRole.FinancialOnly).Partner("Paris Films", "FR", 5_000_000m, PartnerRole.MajorityDelegate).Build();
        var creativeFirst = Deal().Partner("Paris Films", "FR", 5_000_000m, PartnerRole.MajorityDelegate).Partner("Quebec Fund", "CA", 5_000_000m, PartnerRole.FinancialOnly).Build();

        var whenFundFirst = Evaluate(fundFirst, Treaty(rule)).Check("financial-only.majority").Outcome;
        var whenCreativeFirst = Evaluate(creativeFirst, Treaty(rule)).Check("financial-only.majority").Outcome;

        Assert.Equal(whenCreativeFirst, whenFundFirst);
    }

    [Fact]
    public void Without_contributions_there_is_no_majority_check()
    {
        var rule = new FinancialOnlyRule(true, Source) { RequiresCreativeMajorityCoProducer = true };

        Assert.False(Evaluate(DealWithFund(0m, 0m, 0m).Build(), Treaty(rule)).Has("financial-only.majority"));
    }

    [Fact]
    public void Financial_co_production_granted_case_by_case_is_a_warning()
    {
        var rule = Allowed(10, 25) with { RequiresApproval = true, Conditions = "Only with a distributor attached." };

        var report = Evaluate(DealWithFund(6_000_000m, 3_000_000m, 1_000_000m).Build(), Treaty(rule));

        var check = report.Check("financial-only.approval");
        Assert.Equal(CheckOutcome.Warning, check.Outcome);
        Assert.Equal("approval by the competent authorities", check.Required);
        Assert.Contains("case by case", check.Explanation, StringComparison.Ordinal);
        Assert.EndsWith("Only with a distributor attached.", check.Explanation, StringComparison.Ordinal);
        Assert.Equal(Verdict.QualifiesSubjectToApproval, report.Verdict);
    }

    [Fact]
    public void A_deal_without_financial_co_producers_has_no_financial_only_checks()
    {
        var deal = Deal().Partner("Paris Films", "FR", 6_000_000m).Partner("Montreal Prod", "CA", 4_000_000m).Build();
        var rule = Allowed(10, 25) with { RequiresApproval = true, RequiresCreativeMajorityCoProducer = true };

        var report = Evaluate(deal, Treaty(rule));

        Assert.DoesNotContain(report.Checks, c => c.RuleId.StartsWith("financial-only.", StringComparison.Ordinal));
    }

    private static FinancialOnlyRule Allowed(decimal min, decimal max) =>
        new(true, Source) { Minimum = new Percentage(min), Maximum = new Percentage(max) };

    private static Treaty Treaty(FinancialOnlyRule? rule) =>
        Bilateral("FR", "CA", Band(20, 80) with { FinancialOnly = rule });

    private static DealBuilder DealWithFund(decimal paris, decimal montreal, decimal fund) =>
        Deal()
            .Partner("Paris Films", "FR", paris, PartnerRole.MajorityDelegate)
            .Partner("Montreal Prod", "CA", montreal)
            .Partner("Quebec Fund", "CA", fund, PartnerRole.FinancialOnly);
}
