using CoProd.Domain.Eligibility;
using CoProd.Domain.Treaties;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Eligibility;

public sealed class PartiesRepresentedRuleTests
{
    private static readonly string[] ConventionParties = ["FR", "DE", "IT", "ES", "BE"];

    public static TheoryData<string[], CheckOutcome, string> BilateralCases => new()
    {
        { ["FR", "CA"], CheckOutcome.Pass, "CA, FR" },
        { ["CA", "FR"], CheckOutcome.Pass, "CA, FR" },
        { ["FR", "CA", "DE"], CheckOutcome.Pass, "CA, FR" },
        { ["FR", "FR"], CheckOutcome.Fail, "FR" },
        { ["FR", "DE"], CheckOutcome.Fail, "FR" },
        { ["CA", "US"], CheckOutcome.Fail, "CA" },
        { ["DE", "US"], CheckOutcome.Fail, "none" },
    };

    [Theory]
    [MemberData(nameof(BilateralCases))]
    public void A_bilateral_treaty_needs_a_co_producer_from_each_of_its_two_parties(string[] countries, CheckOutcome expected, string measured)
    {
        var treaty = Bilateral("FR", "CA", Band(null, null));

        var check = Evaluate(DealFrom(countries), treaty).Check("parties.represented");

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(measured, check.Measured);
        Assert.Equal("one from each of CA and FR", check.Required);
    }

    [Theory]
    [InlineData(new[] { "FR", "DE" }, "No co-producer is established in CA")]
    [InlineData(new[] { "CA", "US" }, "No co-producer is established in FR")]
    [InlineData(new[] { "DE", "US" }, "No co-producer is established in CA or FR")]
    public void A_missing_party_is_named(string[] countries, string phrase)
    {
        var treaty = Bilateral("FR", "CA", Band(null, null));

        var check = Evaluate(DealFrom(countries), treaty).Check("parties.represented");

        Assert.Contains(phrase, check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deal_without_partners_fails_the_parties_check()
    {
        var treaty = Bilateral("FR", "CA", Band(20, 80));

        var report = Evaluate(Deal().Build(), treaty);

        var check = report.Check("parties.represented");
        Assert.Equal(CheckOutcome.Fail, check.Outcome);
        Assert.Equal("no partners", check.Measured);
    }

    public static TheoryData<string[], int, bool, CheckOutcome, string, string> ConventionCases => new()
    {
        // Bilateral use of a convention between two parties.
        { ["FR", "DE"], 3, true, CheckOutcome.Pass, "2 (DE, FR)", "2 party countries" },
        { ["FR", "DE"], 3, false, CheckOutcome.Fail, "2 (DE, FR)", "at least 3 party countries" },
        { ["FR", "FR"], 3, true, CheckOutcome.Fail, "1 (FR)", "at least 2 party countries" },

        // Multilateral: three or more countries.
        { ["FR", "DE", "IT"], 3, true, CheckOutcome.Pass, "3 (DE, FR, IT)", "at least 3 party countries" },
        { ["FR", "DE", "IT"], 3, false, CheckOutcome.Pass, "3 (DE, FR, IT)", "at least 3 party countries" },
        { ["FR", "DE", "IT", "ES"], 4, true, CheckOutcome.Pass, "4 (DE, ES, FR, IT)", "at least 4 party countries" },
        { ["FR", "DE", "IT"], 4, true, CheckOutcome.Fail, "3 (DE, FR, IT)", "at least 4 party countries" },
        { ["FR", "DE", "IT"], 2, true, CheckOutcome.Pass, "3 (DE, FR, IT)", "at least 2 party countries" },

        // Any co-producer from outside the parties makes it a multilateral question.
        { ["FR", "DE", "US"], 3, true, CheckOutcome.Fail, "2 (DE, FR)", "at least 3 party countries" },
        { ["FR", "DE", "IT", "US"], 3, true, CheckOutcome.Pass, "3 (DE, FR, IT)", "at least 3 party countries" },
        { ["FR", "DE", "US"], 2, true, CheckOutcome.Pass, "2 (DE, FR)", "at least 2 party countries" },
        { ["FR", "US"], 2, true, CheckOutcome.Fail, "1 (FR)", "at least 2 party countries" },
        { ["FR", "US"], 3, true, CheckOutcome.Fail, "1 (FR)", "at least 3 party countries" },

        // The minimum is never below two parties.
        { ["FR", "US"], 1, true, CheckOutcome.Fail, "1 (FR)", "at least 2 party countries" },
        { ["FR", "DE", "US"], 1, true, CheckOutcome.Pass, "2 (DE, FR)", "at least 2 party countries" },
    };

    [Theory]
    [MemberData(nameof(ConventionCases))]
    public void A_convention_needs_enough_co_producers_from_its_parties(string[] countries, int multilateralMinimum, bool bilateralUse, CheckOutcome expected, string measured, string required)
    {
        var treaty = Convention(ConventionParties, Band(null, null) with
        {
            Applicability = new ApplicabilityRule(Source) { MultilateralMinimumPartyCountries = multilateralMinimum, BilateralUse = bilateralUse },
        });

        var check = Evaluate(DealFrom(countries), treaty).Check("parties.represented");

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(measured, check.Measured);
        Assert.Equal(required, check.Required);
    }

    [Theory]
    [InlineData(new[] { "FR", "US" }, "With a co-producer from outside the parties, the convention needs co-producers from at least 3 different parties; this deal has 1")]
    [InlineData(new[] { "FR", "DE", "US" }, "A multilateral co-production under the convention needs co-producers from at least 3 different parties; this deal has 2")]
    [InlineData(new[] { "FR", "FR" }, "At least two co-producers must be established in different parties")]
    public void A_convention_explains_why_too_few_parties_are_represented(string[] countries, string phrase)
    {
        var treaty = Convention(ConventionParties, Band(null, null) with
        {
            Applicability = new ApplicabilityRule(Source) { MultilateralMinimumPartyCountries = 3 },
        });

        var check = Evaluate(DealFrom(countries), treaty).Check("parties.represented");

        Assert.Contains(phrase, check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_convention_that_serves_multilateral_co_productions_only_says_a_bilateral_one_needs_a_bilateral_treaty()
    {
        var treaty = Convention(ConventionParties, Band(null, null) with
        {
            Applicability = new ApplicabilityRule(Source) { BilateralUse = false },
        });

        var check = Evaluate(DealFrom(["FR", "DE"]), treaty).Check("parties.represented");

        Assert.Equal(CheckOutcome.Fail, check.Outcome);
        Assert.Contains("needs a bilateral treaty", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_applicability_rule_a_convention_serves_two_parties_and_needs_two_parties_for_a_multilateral_deal()
    {
        var treaty = Convention(ConventionParties, Band(null, null));

        Assert.Equal(CheckOutcome.Pass, Evaluate(DealFrom(["FR", "DE"]), treaty).Check("parties.represented").Outcome);
        Assert.Equal(CheckOutcome.Pass, Evaluate(DealFrom(["FR", "DE", "US"]), treaty).Check("parties.represented").Outcome);
        Assert.Equal(CheckOutcome.Fail, Evaluate(DealFrom(["FR", "US", "JP"]), treaty).Check("parties.represented").Outcome);
    }

    [Theory]
    [InlineData(2026, 11, 23, CheckOutcome.Pass)]
    [InlineData(2026, 11, 22, CheckOutcome.Fail)]
    public void A_country_counts_as_a_party_only_from_the_date_it_joined(int year, int month, int day, CheckOutcome expected)
    {
        var treaty = new Treaty(Guid.NewGuid(), "conv", "Convention", TreatyKind.Convention,
            [new TreatyParty(C("FR")), new TreatyParty(C("DE"), From: Today)]);
        treaty.SetDates(null, new DateOnly(2000, 1, 1), null, null);
        Publish(treaty, Band(null, null));

        var check = Evaluate(DealFrom(["FR", "DE"]), treaty, new DateOnly(year, month, day)).Check("parties.represented");

        Assert.Equal(expected, check.Outcome);
    }

    [Fact]
    public void A_country_that_left_the_convention_no_longer_counts_as_a_party()
    {
        var treaty = new Treaty(Guid.NewGuid(), "conv", "Convention", TreatyKind.Convention,
            [new TreatyParty(C("FR")), new TreatyParty(C("DE")), new TreatyParty(C("GB"), Until: new DateOnly(2026, 1, 1))]);
        treaty.SetDates(null, new DateOnly(2000, 1, 1), null, null);
        Publish(treaty, Band(null, null));

        var check = Evaluate(DealFrom(["FR", "GB"]), treaty).Check("parties.represented");

        Assert.Equal(CheckOutcome.Fail, check.Outcome);
        Assert.Equal("1 (FR)", check.Measured);
    }

    private static Domain.Deals.Deal DealFrom(IEnumerable<string> countries)
    {
        var builder = Deal();
        var i = 0;
        foreach (var country in countries)
        {
            builder.Partner($"Partner {++i} ({country})", country, 1_000_000m);
        }

        return builder.Build();
    }
}
