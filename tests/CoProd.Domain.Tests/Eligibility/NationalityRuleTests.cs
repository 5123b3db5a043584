using CoProd.Domain.Deals;
using CoProd.Domain.Eligibility;
using CoProd.Domain.ReferenceData;
using CoProd.Domain.Treaties;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Eligibility;

public sealed class NationalityRuleTests
{
    private static readonly string[] Parties = ["FR", "DE", "IT", "ES"];

    public static TheoryData<string, string?, bool, string?, bool, bool, CheckOutcome> Cases => new()
    {
        // Nationals of the co-producing countries (FR, DE) or of any party.
        { "FR", null, true, null, false, false, CheckOutcome.Pass },
        { "DE", null, true, null, false, false, CheckOutcome.Pass },
        { "IT", null, true, null, false, false, CheckOutcome.Fail },
        { "IT", null, false, null, false, false, CheckOutcome.Pass },
        { "US", null, false, null, false, false, CheckOutcome.Fail },

        // Further nationalities on record.
        { "BE", null, true, "BE", false, false, CheckOutcome.Pass },
        { "BE", null, true, null, false, false, CheckOutcome.Fail },
        { "LU", null, true, "BE", false, false, CheckOutcome.Fail },

        // Residents count only when the treaty says so, and only where residence is in an eligible country.
        { "US", "FR", true, null, true, false, CheckOutcome.Pass },
        { "US", "FR", true, null, false, false, CheckOutcome.Fail },
        { "US", "JP", true, null, true, false, CheckOutcome.Fail },
        { "US", "IT", true, null, true, false, CheckOutcome.Fail },
        { "US", "IT", false, null, true, false, CheckOutcome.Pass },
        { "US", "BE", true, "BE", true, false, CheckOutcome.Pass },

        // Others with the authorities' approval: a warning instead of a failure.
        { "US", null, true, null, false, true, CheckOutcome.Warning },
        { "IT", null, true, null, false, true, CheckOutcome.Warning },
        { "FR", null, true, null, false, true, CheckOutcome.Pass },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Key_people_must_be_nationals_of_an_eligible_country(string nationality, string? residence, bool coProducingOnly, string? alsoEligible, bool residentsCount, bool othersWithApproval, CheckOutcome expected)
    {
        var rule = new NationalityRule(Source)
        {
            CoProducingCountriesOnly = coProducingOnly,
            AlsoEligible = alsoEligible is null ? [] : [C(alsoEligible)],
            ResidentsCount = residentsCount,
            OthersWithApproval = othersWithApproval,
        };
        var deal = FrDeDeal().Person(KeyRole.Scriptwriter, "FR", "Jean Dupont").Person(KeyRole.Director, nationality, "Jane Doe", residence).Build();

        var check = Evaluate(deal, Treaty(rule)).Check("nationality");

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(expected == CheckOutcome.Pass ? "2 of 2 qualify" : "1 of 2 qualify", check.Measured);
    }

    public static TheoryData<bool, bool, string[], string> RequiredCases => new()
    {
        { true, false, [], "nationals of the co-producing countries" },
        { false, false, [], "nationals of the parties" },
        { true, true, [], "nationals or residents of the co-producing countries" },
        { true, false, ["BE", "LU"], "nationals of the co-producing countries or of BE, LU" },
        { false, true, ["CH"], "nationals or residents of the parties or of CH" },
    };

    [Theory]
    [MemberData(nameof(RequiredCases))]
    public void The_requirement_describes_who_qualifies(bool coProducingOnly, bool residentsCount, string[] alsoEligible, string required)
    {
        var rule = new NationalityRule(Source)
        {
            CoProducingCountriesOnly = coProducingOnly,
            ResidentsCount = residentsCount,
            AlsoEligible = [.. alsoEligible.Select(CountryCode.From)],
        };

        var check = Evaluate(FrDeDeal().Person(KeyRole.Director, "FR").Build(), Treaty(rule)).Check("nationality");

        Assert.Equal(required, check.Required);
        Assert.Equal($"All 1 key people are {required}.", check.Explanation);
    }

    [Fact]
    public void A_failure_names_each_outsider_with_role_and_nationality()
    {
        var deal = FrDeDeal().Person(KeyRole.Director, "US", "Jane Doe").Person(KeyRole.LeadActor1, "JP", "Ken Sato").Person(KeyRole.Editor, "FR").Build();

        var report = Evaluate(deal, Treaty(new NationalityRule(Source)));

        var check = report.Check("nationality");
        Assert.Equal(CheckOutcome.Fail, check.Outcome);
        Assert.Equal("1 of 3 qualify", check.Measured);
        Assert.StartsWith("Jane Doe (director, US), Ken Sato (first lead, JP) ", check.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("approval", check.Explanation, StringComparison.Ordinal);
        Assert.Equal(Verdict.DoesNotQualify, report.Verdict);
    }

    [Fact]
    public void Others_with_approval_says_the_authorities_must_approve()
    {
        var deal = FrDeDeal().Person(KeyRole.Director, "US", "Jane Doe").Build();

        var report = Evaluate(deal, Treaty(new NationalityRule(Source) { OthersWithApproval = true }));

        Assert.StartsWith("Jane Doe (director, US) ", report.Check("nationality").Explanation, StringComparison.Ordinal);
        Assert.Contains("the competent authorities' approval", report.Check("nationality").Explanation, StringComparison.Ordinal);
        Assert.Equal(Verdict.QualifiesSubjectToApproval, report.Verdict);
    }

    [Fact]
    public void Without_key_people_nationality_is_a_warning()
    {
        var check = Evaluate(FrDeDeal().Build(), Treaty(new NationalityRule(Source))).Check("nationality");

        Assert.Equal(CheckOutcome.Warning, check.Outcome);
        Assert.Equal("no key people", check.Measured);
    }

    [Fact]
    public void Without_a_nationality_rule_there_is_no_nationality_check() =>
        Assert.False(Evaluate(FrDeDeal().Person(KeyRole.Director, "US").Build(), Convention(Parties, Band(20, 80))).Has("nationality"));

    [Fact]
    public void Nationals_of_an_admitted_co_producer_from_outside_the_parties_qualify_like_co_producing_country_nationals()
    {
        var deal = Deal().Partner("Paris Films", "FR", 4_000_000m).Partner("Berlin Bild", "DE", 4_000_000m).Partner("Hollywood Pictures", "US", 2_000_000m)
            .Person(KeyRole.Director, "US").Build();

        var check = Evaluate(deal, Treaty(new NationalityRule(Source))).Check("nationality");

        Assert.Equal(CheckOutcome.Pass, check.Outcome);
    }

    [Fact]
    public void Nationals_of_a_co_producer_the_treaty_does_not_admit_do_not_qualify()
    {
        var deal = Deal().Partner("Paris Films", "FR", 4_000_000m).Partner("Berlin Bild", "DE", 4_000_000m).Partner("Hollywood Pictures", "US", 2_000_000m)
            .Person(KeyRole.Director, "US").Build();
        var treaty = Convention(Parties, Band(20, 80, 10, 70) with { Nationality = new NationalityRule(Source), NonPartyCoProducers = new NonPartyRule(false, Source) });

        var check = Evaluate(deal, treaty).Check("nationality");

        Assert.Equal(CheckOutcome.Fail, check.Outcome);
    }

    private static Treaty Treaty(NationalityRule rule) =>
        Convention(Parties, Band(20, 80, 10, 70) with { Nationality = rule, NonPartyCoProducers = new NonPartyRule(true, Source) });

    private static DealBuilder FrDeDeal() =>
        Deal().Partner("Paris Films", "FR", 5_000_000m).Partner("Berlin Bild", "DE", 5_000_000m);
}
