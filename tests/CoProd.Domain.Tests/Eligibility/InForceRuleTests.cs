using CoProd.Domain.Eligibility;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Eligibility;

public sealed class InForceRuleTests
{
    public static TheoryData<DateOnly?, DateOnly?, CheckOutcome, string> Cases => new()
    {
        { new DateOnly(2000, 1, 1), null, CheckOutcome.Pass, "in force since 1 Jan 2000" },
        { Today, null, CheckOutcome.Pass, "in force since 23 Nov 2026" },
        { Today.AddDays(1), null, CheckOutcome.Fail, "in force from 24 Nov 2026" },
        { new DateOnly(2030, 6, 1), null, CheckOutcome.Fail, "in force from 1 Jun 2030" },
        { new DateOnly(2000, 1, 1), Today, CheckOutcome.Fail, "ended 23 Nov 2026" },
        { new DateOnly(2000, 1, 1), Today.AddDays(-1), CheckOutcome.Fail, "ended 22 Nov 2026" },
        { new DateOnly(2000, 1, 1), Today.AddDays(1), CheckOutcome.Pass, "in force since 1 Jan 2000" },
        { null, Today, CheckOutcome.Fail, "ended 23 Nov 2026" },
        { null, null, CheckOutcome.Warning, "date not on record" },
        { null, Today.AddDays(1), CheckOutcome.Warning, "date not on record" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_treaty_must_be_in_force_on_the_date_of_evaluation(DateOnly? inForceFrom, DateOnly? terminatedOn, CheckOutcome expected, string measured)
    {
        var treaty = Bilateral("FR", "CA", Band(20, 80));
        treaty.SetDates(null, inForceFrom, terminatedOn, null);

        var check = Evaluate(ValidDeal(), treaty).Check("treaty.in-force");

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(measured, check.Measured);
        Assert.Equal("in force on 23 Nov 2026", check.Required);
    }

    [Fact]
    public void A_treaty_not_yet_in_force_says_when_it_comes_into_force()
    {
        var treaty = Bilateral("FR", "CA", Band(20, 80), inForceFrom: new DateOnly(2027, 3, 1));

        var report = Evaluate(ValidDeal(), treaty);

        Assert.Contains("comes into force on 1 Mar 2027", report.Check("treaty.in-force").Explanation, StringComparison.Ordinal);
        Assert.Equal(Verdict.DoesNotQualify, report.Verdict);
    }

    [Fact]
    public void A_terminated_treaty_cannot_make_the_deal_an_official_co_production()
    {
        var treaty = Bilateral("FR", "CA", Band(20, 80));
        treaty.End(new DateOnly(2025, 12, 31), "Denounced by Canada.");

        var check = Evaluate(ValidDeal(), treaty).Check("treaty.in-force");

        Assert.Equal(CheckOutcome.Fail, check.Outcome);
        Assert.Contains("ended on 31 Dec 2025", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("Denounced by Canada.", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_in_force_date_is_a_warning_that_asks_for_confirmation_and_shows_the_dates_note()
    {
        var treaty = Bilateral("FR", "CA", Band(20, 80));
        treaty.SetDates(new DateOnly(1983, 7, 11), null, null, "Ratification not confirmed.");

        var report = Evaluate(ValidDeal(), treaty);

        var check = report.Check("treaty.in-force");
        Assert.Equal(CheckOutcome.Warning, check.Outcome);
        Assert.Contains("confirm with the competent authorities", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("Ratification not confirmed.", check.Explanation, StringComparison.Ordinal);
        Assert.Equal(Verdict.QualifiesSubjectToApproval, report.Verdict);
    }

    [Fact]
    public void The_in_force_check_comes_first()
    {
        var treaty = Bilateral("FR", "CA", Band(20, 80));

        Assert.Equal("treaty.in-force", Evaluate(ValidDeal(), treaty).Checks[0].RuleId);
    }

    private static Domain.Deals.Deal ValidDeal() =>
        Deal().Partner("Paris Films", "FR", 6_000_000m).Partner("Montreal Prod", "CA", 4_000_000m).Build();
}
