using CoProd.Domain.Deals;
using CoProd.Domain.Eligibility;

namespace CoProd.Application.Tests.SeededTreaties;

/// <summary>
/// Every seeded treaty against deals written out from its seeded numbers (<see cref="SeededTreatyCases"/>): one row
/// per treaty, with deals that fail no rule and deals that fail, on the rule expected to fail first.
/// </summary>
public sealed class SeededTreatyTests
{
    public static TheoryData<string> RowCodes => [.. SeededTreatyCases.All.Select(c => c.Code)];

    [Fact]
    public void Every_seeded_treaty_has_a_row_and_every_row_a_seeded_treaty()
    {
        var rows = SeededTreatyCases.All.Select(c => c.Code).ToList();

        Assert.Empty(Seed.Codes.Except(rows));
        Assert.Empty(rows.Except(Seed.Codes));
        Assert.Equal(rows.Count, rows.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(RowCodes))]
    public void Seeded_treaty_passes_deals_within_its_rules_and_fails_deals_outside_them_on_the_expected_rule(string code)
    {
        var row = SeededTreatyCases.For(code);
        Assert.NotEmpty(row.Passing);
        Assert.NotEmpty(row.Failing);
        var problems = new List<string>();

        foreach (var example in row.Passing)
        {
            var report = Seed.Evaluate(code, example.Build(), example.On);
            var warnings = report.Warnings.Select(c => c.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();
            var expected = example.ExpectedWarnings.Order(StringComparer.Ordinal).ToList();
            var verdict = expected.Count == 0 ? Verdict.Qualifies : Verdict.QualifiesSubjectToApproval;
            if (report.Verdict != verdict || !warnings.SequenceEqual(expected))
            {
                problems.Add($"Should pass with warnings [{string.Join(", ", expected)}] ({verdict}), got [{string.Join(", ", warnings)}]: {example}{Environment.NewLine}{Seed.Describe(report)}");
            }
        }

        foreach (var example in row.Failing)
        {
            var report = Seed.Evaluate(code, example.Build(), example.On);
            if (report.Verdict != Verdict.DoesNotQualify || report.FirstFailure?.RuleId != example.ExpectedFirstFailure)
            {
                problems.Add($"Should fail first on {example.ExpectedFirstFailure}, got {report.FirstFailure?.RuleId ?? "no failure"}: {example}{Environment.NewLine}{Seed.Describe(report)}");
            }
        }

        Assert.True(problems.Count == 0, $"{code} ({row.Seeded}):{Environment.NewLine}{string.Join(Environment.NewLine + Environment.NewLine, problems)}");
    }

    [Theory]
    [InlineData(2025, 6, 1, 1, "≥ 20.00 %", CheckOutcome.Fail)]
    [InlineData(2026, 6, 1, 2, "≥ 15.00 %", CheckOutcome.Pass)]
    public void Canada_South_Africa_deal_is_checked_against_the_rule_version_in_effect_on_its_date(int year, int month, int day, int version, string minimum, CheckOutcome seventeenPercent)
    {
        var on = new DateOnly(year, month, day);
        var deal = new DealExample("South Africa at 17 %", [new("ZA", 17.00m), new("CA", 83.00m)]) { On = on };

        var report = Seed.Evaluate("ca-za", deal.Build(), on);

        Assert.Equal(version, report.RuleVersionNumber);
        var check = Assert.Single(report.Checks, c => c.RuleId == Rule.ShareMinimum && c.Title.Contains("(ZA)", StringComparison.Ordinal));
        Assert.Equal(minimum, check.Required);
        Assert.Equal(seventeenPercent, check.Outcome);
    }

    [Theory]
    [InlineData(ProductionFormat.FictionFeature, "≥ 15.00 %")]
    [InlineData(ProductionFormat.Series, "≥ 20.00 %")]
    public void Canada_France_asks_more_of_a_series_than_of_a_feature(ProductionFormat format, string minimum)
    {
        var deal = new DealExample("France at 20 %", [new("FR", 20.00m), new("CA", 80.00m)]) { Format = format };

        var report = Seed.Evaluate("ca-fr", deal.Build(), Seed.Today);

        Assert.All(report.Checks.Where(c => c.RuleId == Rule.ShareMinimum), c => Assert.Equal(minimum, c.Required));
    }

    [Fact]
    public void Canada_China_does_not_cover_series()
    {
        var deal = new DealExample("a series", [new("CN", 50.00m), new("CA", 50.00m)]) { Format = ProductionFormat.Series };

        var check = Assert.Single(Seed.Evaluate("ca-cn", deal.Build(), Seed.Today).Checks, c => c.RuleId == Rule.Format);

        Assert.Equal(CheckOutcome.Fail, check.Outcome);
    }

    [Theory]
    [InlineData(30.00, CheckOutcome.Pass)]
    [InlineData(30.01, CheckOutcome.Fail)]
    public void European_convention_caps_co_producers_from_outside_its_parties_at_30_percent(decimal us, CheckOutcome expected)
    {
        var deal = new DealExample("a US co-producer beside France, Germany and Belgium", [new("US", us), new("BE", 10.00m), new("DE", 20.00m), new("FR", 70.00m - us)]);

        var check = Assert.Single(Seed.Evaluate("coe-ets-147", deal.Build(), Seed.Today).Checks, c => c.RuleId == Rule.NonPartyCap);

        Assert.Equal(expected, check.Outcome);
        Assert.Equal("≤ 30.00 %", check.Required);
    }

    [Theory]
    [InlineData(false, CheckOutcome.Pass, "15 of 19")]
    [InlineData(true, CheckOutcome.Warning, "14 of 19")]
    public void European_convention_fiction_points_pass_at_15_of_19_and_leave_14_to_the_authorities(bool withoutThirdLead, CheckOutcome expected, string measured)
    {
        var crew = SeededTreatyCases.Ets147Crew.Where(p => !(withoutThirdLead && p.Role == KeyRole.LeadActor3)).ToList();
        var deal = new DealExample("France–Germany fiction", [new("DE", 20.00m), new("FR", 80.00m)]) { Crew = crew, Locations = SeededTreatyCases.Ets147Places };

        var check = Assert.Single(Seed.Evaluate("coe-ets-147", deal.Build(), Seed.Today).Checks, c => c.RuleId == Rule.Points);

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(measured, check.Measured);
    }

    [Fact]
    public void Revised_convention_sends_a_deal_with_a_country_outside_its_parties_to_the_1992_convention()
    {
        var deal = new DealExample("France–Belgium–Netherlands", [new("FR", 20.00m), new("NL", 20.00m), new("BE", 60.00m)]);

        var check = Assert.Single(Seed.Evaluate("coe-cets-220", deal.Build(), Seed.Today).Checks, c => c.RuleId == Rule.AllParticipants);

        Assert.Equal(CheckOutcome.Fail, check.Outcome);
        Assert.Equal("not parties: FR", check.Measured);
        Assert.Contains("coe-ets-147 applies instead", check.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("au-fr")]
    [InlineData("gb-au")]
    public void Without_a_share_band_on_record_the_engine_warns_instead_of_checking_a_minimum(string code)
    {
        var deal = new DealExample("Australia with a 5 % partner", [new(code == "au-fr" ? "FR" : "GB", 5.00m), new("AU", 95.00m)]);

        var report = Seed.Evaluate(code, deal.Build(), Seed.Today);

        Assert.Equal(CheckOutcome.Warning, Assert.Single(report.Checks, c => c.RuleId == Rule.ShareBand).Outcome);
        Assert.DoesNotContain(report.Checks, c => c.RuleId.StartsWith("share.m", StringComparison.Ordinal));
        Assert.Equal(CheckOutcome.NotApplicable, Assert.Single(report.Checks, c => c.RuleId == Rule.Points).Outcome);
    }

    [Fact]
    public void Australia_New_Zealand_band_with_no_limits_checks_no_share_but_warns_with_Screen_Australias_expectation()
    {
        var deal = new DealExample("New Zealand at 5 %", [new("NZ", 5.00m), new("AU", 95.00m)]);

        var report = Seed.Evaluate("au-nz", deal.Build(), Seed.Today);

        Assert.DoesNotContain(report.Checks, c => c.RuleId is "share.minimum" or "share.maximum");
        var band = Assert.Single(report.Checks, c => c.RuleId == "share.band");
        Assert.Equal(CheckOutcome.Warning, band.Outcome);
        Assert.Contains("20", band.Explanation, StringComparison.Ordinal);
        Assert.Empty(report.Margins);
        Assert.Equal(Verdict.QualifiesSubjectToApproval, report.Verdict);
    }
}
