using CoProd.Domain.Eligibility;
using CoProd.Domain.Treaties;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Eligibility;

public sealed class TreatyFinderTests
{
    private static readonly string[] ConventionParties = ["FR", "DE", "IT", "CA"];

    public static TheoryData<string[]> TooFewCountries => new()
    {
        new string[0],
        new[] { "FR" },
        new[] { "FR", "FR" },
    };

    [Theory]
    [MemberData(nameof(TooFewCountries))]
    public void A_deal_with_fewer_than_two_countries_has_no_candidate_treaties(string[] countries)
    {
        var treaties = new[] { Bilateral("FR", "CA", Band(20, 80)), Convention(ConventionParties, Band(20, 80, 10, 70)) };

        Assert.Empty(TreatyFinder.Find(DealFrom(countries), treaties, Today));
    }

    [Theory]
    [InlineData(new[] { "FR", "CA" }, true)]
    [InlineData(new[] { "CA", "FR" }, true)]
    [InlineData(new[] { "FR", "CA", "US" }, true)]
    [InlineData(new[] { "FR", "DE" }, false)]
    [InlineData(new[] { "CA", "US" }, false)]
    public void A_bilateral_treaty_is_a_candidate_only_when_both_its_parties_are_partners(string[] countries, bool found)
    {
        var treaty = Bilateral("FR", "CA", Band(20, 80), code: "fr-ca");

        var candidates = TreatyFinder.Find(DealFrom(countries), [treaty], Today);

        Assert.Equal(found, candidates.Any(c => c.Treaty.Code == "fr-ca"));
    }

    [Theory]
    [InlineData(new[] { "FR", "DE" }, true)]
    [InlineData(new[] { "FR", "DE", "US" }, true)]
    [InlineData(new[] { "FR", "US" }, false)]
    [InlineData(new[] { "US", "JP" }, false)]
    [InlineData(new[] { "FR", "US", "JP" }, false)]
    public void A_convention_is_a_candidate_when_at_least_two_deal_countries_are_parties(string[] countries, bool found)
    {
        var convention = Convention(ConventionParties, Band(20, 80, 10, 70), code: "coe");

        var candidates = TreatyFinder.Find(DealFrom(countries), [convention], Today);

        Assert.Equal(found, candidates.Any(c => c.Treaty.Code == "coe"));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void A_treaty_terminated_on_or_before_the_date_is_left_out(int endsInDays, bool found)
    {
        var treaty = Bilateral("FR", "CA", Band(20, 80));
        treaty.End(Today.AddDays(endsInDays), null);

        Assert.Equal(found, TreatyFinder.Find(DealFrom(["FR", "CA"]), [treaty], Today).Count == 1);
    }

    [Fact]
    public void A_treaty_not_yet_in_force_is_a_candidate_that_does_not_qualify()
    {
        var treaty = Bilateral("FR", "CA", Band(20, 80), inForceFrom: Today.AddYears(1));

        var candidate = Assert.Single(TreatyFinder.Find(DealFrom(["FR", "CA"]), [treaty], Today));

        Assert.Equal(CandidateStatus.DoesNotQualify, candidate.Status);
        Assert.Equal("treaty.in-force", candidate.FirstFailure!.RuleId);
    }

    [Fact]
    public void A_convention_that_yields_is_superseded_by_a_bilateral_treaty_in_force_between_the_two_countries()
    {
        var bilateral = Bilateral("FR", "CA", Band(20, 80), code: "fr-ca");
        var convention = YieldingConvention();

        var candidates = TreatyFinder.Find(DealFrom(["FR", "CA"]), [convention, bilateral], Today);

        var superseded = Assert.Single(candidates, c => c.Treaty.Code == "coe");
        Assert.Equal(CandidateStatus.Superseded, superseded.Status);
        Assert.Contains("FR–CA treaty", superseded.Note, StringComparison.Ordinal);
        Assert.Contains("instead of the convention", superseded.Note, StringComparison.Ordinal);
        Assert.NotNull(superseded.Report);
        Assert.Equal(CandidateStatus.Qualifies, Assert.Single(candidates, c => c.Treaty.Code == "fr-ca").Status);
    }

    public static TheoryData<string, CandidateStatus> ConventionBetweenTwoCountriesCases => new()
    {
        { "bilateral in force", CandidateStatus.Superseded },
        { "convention does not yield", CandidateStatus.Qualifies },
        { "bilateral not yet in force", CandidateStatus.Qualifies },
        { "bilateral without rules", CandidateStatus.Qualifies },
        { "no bilateral", CandidateStatus.Qualifies },
    };

    [Theory]
    [MemberData(nameof(ConventionBetweenTwoCountriesCases))]
    public void A_convention_is_superseded_in_a_two_country_deal_only_by_a_bilateral_treaty_that_applies(string situation, CandidateStatus expected)
    {
        var treaties = new List<Treaty>
        {
            situation == "convention does not yield" ? Convention(ConventionParties, Band(20, 80, 10, 70), code: "coe") : YieldingConvention(),
        };
        switch (situation)
        {
            case "bilateral in force":
            case "convention does not yield":
                treaties.Add(Bilateral("FR", "CA", Band(20, 80)));
                break;
            case "bilateral not yet in force":
                treaties.Add(Bilateral("FR", "CA", Band(20, 80), inForceFrom: Today.AddDays(1)));
                break;
            case "bilateral without rules":
                treaties.Add(BilateralWithoutRules("FR", "CA"));
                break;
        }

        var candidates = TreatyFinder.Find(DealFrom(["FR", "CA"]), treaties, Today);

        Assert.Equal(expected, Assert.Single(candidates, c => c.Treaty.Code == "coe").Status);
    }

    public static TheoryData<string[], int, bool, bool> BilateralInMultilateralDealCases => new()
    {
        { ["FR", "DE", "IT"], 3, true, true },
        { ["FR", "DE", "IT"], 2, true, true },
        { ["FR", "DE", "IT", "US"], 3, true, true },
        { ["FR", "DE", "IT"], 3, false, false },
        { ["FR", "DE", "IT"], 4, true, false },
        { ["FR", "DE", "US"], 3, true, false },
        { ["FR", "DE"], 2, true, false },
    };

    [Theory]
    [MemberData(nameof(BilateralInMultilateralDealCases))]
    public void A_bilateral_treaty_is_superseded_in_a_multilateral_deal_between_parties_of_a_yielding_convention(string[] countries, int minimumParties, bool yields, bool superseded)
    {
        var bilateral = Bilateral("FR", "DE", Band(10, 90, 10, 90), code: "fr-de");
        var convention = Convention(ConventionParties, Band(20, 80, 10, 70) with
        {
            Applicability = new ApplicabilityRule(Source) { YieldsToBilateralTreaties = yields, MultilateralMinimumPartyCountries = minimumParties },
        }, code: "coe");

        var candidates = TreatyFinder.Find(DealFrom(countries), [bilateral, convention], Today);

        Assert.Equal(superseded, Assert.Single(candidates, c => c.Treaty.Code == "fr-de").Status == CandidateStatus.Superseded);
    }

    // A convention that is not yet in force cannot apply "instead" of the bilateral treaties of a multilateral deal.
    [Fact]
    public void A_convention_not_yet_in_force_does_not_supersede_bilateral_treaties()
    {
        var bilateral = Bilateral("FR", "DE", Band(10, 90, 10, 90), code: "fr-de");
        var convention = Convention(ConventionParties, Band(20, 80, 10, 70) with
        {
            Applicability = new ApplicabilityRule(Source) { YieldsToBilateralTreaties = true, MultilateralMinimumPartyCountries = 3 },
        }, code: "coe", inForceFrom: Today.AddDays(1));

        var candidates = TreatyFinder.Find(DealFrom(["FR", "DE", "IT"]), [bilateral, convention], Today);

        Assert.NotEqual(CandidateStatus.Superseded, Assert.Single(candidates, c => c.Treaty.Code == "fr-de").Status);
    }

    [Fact]
    public void A_superseded_bilateral_treaty_names_the_convention_that_applies_instead()
    {
        var bilateral = Bilateral("FR", "DE", Band(10, 90, 10, 90), code: "fr-de");

        var candidates = TreatyFinder.Find(DealFrom(["FR", "DE", "IT"]), [bilateral, YieldingConvention()], Today);

        var note = Assert.Single(candidates, c => c.Treaty.Code == "fr-de").Note;
        Assert.Contains("Convention coe applies instead of this bilateral treaty", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Candidates_are_ranked_qualifies_then_subject_to_approval_then_does_not_qualify_then_superseded_then_no_rules()
    {
        var qualifies = Bilateral("FR", "CA", Band(20, 80), code: "a-qualifies");
        var approval = Bilateral("FR", "CA", Band(20, 80), code: "b-approval");
        approval.SetDates(null, null, null, null);
        var fails = Bilateral("FR", "CA", Band(60, 80), code: "c-fails");
        var superseded = YieldingConvention();
        var noRules = BilateralWithoutRules("FR", "CA", code: "e-no-rules");

        var candidates = TreatyFinder.Find(DealFrom(["FR", "CA"]), [noRules, superseded, fails, approval, qualifies], Today);

        Assert.Equal(["a-qualifies", "b-approval", "c-fails", "coe", "e-no-rules"], candidates.Select(c => c.Treaty.Code));
        Assert.Equal(
            [CandidateStatus.Qualifies, CandidateStatus.QualifiesSubjectToApproval, CandidateStatus.DoesNotQualify, CandidateStatus.Superseded, CandidateStatus.NoRulesInEffect],
            candidates.Select(c => c.Status));
    }

    [Fact]
    public void Among_treaties_the_deal_fails_fewer_failures_rank_first()
    {
        var twoFailures = Bilateral("FR", "CA", Band(40, 60), code: "two-failures");
        var oneFailure = Bilateral("FR", "CA", Band(40, null), code: "one-failure");

        var candidates = TreatyFinder.Find(DealFrom(["FR", "CA"], 8_000_000m, 2_000_000m), [twoFailures, oneFailure], Today);

        Assert.Equal(["one-failure", "two-failures"], candidates.Select(c => c.Treaty.Code));
    }

    [Fact]
    public void A_treaty_without_published_rules_in_effect_on_the_date_has_no_report()
    {
        var draftOnly = BilateralWithoutRules("FR", "CA");
        draftOnly.AddDraftVersion(Guid.NewGuid(), new DateOnly(2000, 1, 1), Band(20, 80), null, DateTimeOffset.UnixEpoch, "test");
        var futureRules = BilateralWithoutRules("FR", "CA", code: "future");
        Publish(futureRules, Band(20, 80), Today.AddDays(1));

        var candidates = TreatyFinder.Find(DealFrom(["FR", "CA"]), [draftOnly, futureRules], Today);

        Assert.All(candidates, c =>
        {
            Assert.Equal(CandidateStatus.NoRulesInEffect, c.Status);
            Assert.Null(c.Report);
            Assert.Null(c.FirstFailure);
            Assert.Contains("are in effect on 2026-11-23", c.Note, StringComparison.Ordinal);
        });
        Assert.Equal(2, candidates.Count);
    }

    [Fact]
    public void Each_candidate_is_evaluated_with_the_rules_in_effect_on_the_date()
    {
        var treaty = Bilateral("FR", "CA", Band(20, 80));
        Publish(treaty, Band(25, 75), new DateOnly(2026, 1, 1));

        var before = Assert.Single(TreatyFinder.Find(DealFrom(["FR", "CA"], 7_800_000m, 2_200_000m), [treaty], new DateOnly(2025, 12, 31)));
        var after = Assert.Single(TreatyFinder.Find(DealFrom(["FR", "CA"], 7_800_000m, 2_200_000m), [treaty], Today));

        Assert.Equal(CandidateStatus.Qualifies, before.Status);
        Assert.Equal(1, before.Report!.RuleVersionNumber);
        Assert.Equal(CandidateStatus.DoesNotQualify, after.Status);
        Assert.Equal(2, after.Report!.RuleVersionNumber);
    }

    private static Treaty YieldingConvention() =>
        Convention(ConventionParties, Band(20, 80, 10, 70) with
        {
            Applicability = new ApplicabilityRule(Source) { YieldsToBilateralTreaties = true, MultilateralMinimumPartyCountries = 3 },
        }, code: "coe");

    private static Domain.Deals.Deal DealFrom(IReadOnlyList<string> countries, decimal first = 0m, decimal second = 0m)
    {
        var builder = Deal();
        for (var i = 0; i < countries.Count; i++)
        {
            var amount = i switch
            {
                0 when first > 0m => first,
                1 when second > 0m => second,
                _ => 10_000_000m / countries.Count,
            };
            builder.Partner($"Partner {i} ({countries[i]})", countries[i], amount);
        }

        return builder.Build();
    }
}
