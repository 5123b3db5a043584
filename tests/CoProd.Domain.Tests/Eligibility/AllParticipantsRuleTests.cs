using CoProd.Domain.Eligibility;
using CoProd.Domain.Treaties;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Eligibility;

public sealed class AllParticipantsRuleTests
{
    private static readonly string[] Parties = ["FR", "DE", "IT", "ES"];

    public static TheoryData<string[], CheckOutcome, string> Cases => new()
    {
        { ["FR", "DE"], CheckOutcome.Pass, "DE, FR" },
        { ["FR", "DE", "IT"], CheckOutcome.Pass, "DE, FR, IT" },
        { ["FR", "DE", "US"], CheckOutcome.Fail, "not parties: US" },
        { ["FR", "US", "DE", "JP"], CheckOutcome.Fail, "not parties: JP, US" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Under_the_revised_convention_every_participating_country_must_be_a_party(string[] countries, CheckOutcome expected, string measured)
    {
        var check = Evaluate(DealFrom(countries), Revised("coe-ets-147")).Check("parties.all-participants");

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(measured, check.Measured);
        Assert.Equal("all parties", check.Required);
    }

    [Theory]
    [InlineData(new[] { "FR", "DE", "US" }, "US is not, so coe-ets-147 applies instead")]
    [InlineData(new[] { "FR", "DE", "US", "JP" }, "JP, US are not, so coe-ets-147 applies instead")]
    public void A_failure_names_the_outsiders_and_the_treaty_that_applies_instead(string[] countries, string phrase)
    {
        var check = Evaluate(DealFrom(countries), Revised("coe-ets-147")).Check("parties.all-participants");

        Assert.Contains(phrase, check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_otherwise_applies_treaty_the_explanation_names_none()
    {
        var check = Evaluate(DealFrom(["FR", "DE", "US"]), Revised(null)).Check("parties.all-participants");

        Assert.EndsWith("US is not.", check.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("instead", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_convention_without_the_condition_has_no_all_participants_check()
    {
        var treaty = Convention(Parties, Band(null, null) with { Applicability = new ApplicabilityRule(Source) });

        Assert.False(Evaluate(DealFrom(["FR", "DE", "US"]), treaty).Has("parties.all-participants"));
    }

    [Fact]
    public void A_deal_without_partners_has_no_all_participants_check() =>
        Assert.False(Evaluate(Deal().Build(), Revised("coe-ets-147")).Has("parties.all-participants"));

    private static Treaty Revised(string? otherwise) =>
        Convention(Parties, Band(null, null) with
        {
            Applicability = new ApplicabilityRule(Source) { AllParticipatingCountriesMustBeParties = true, OtherwiseApplies = otherwise },
        }, code: "coe-cets-220");

    private static Domain.Deals.Deal DealFrom(IEnumerable<string> countries)
    {
        var builder = Deal();
        foreach (var country in countries)
        {
            builder.Partner($"Partner {country}", country, 1_000_000m);
        }

        return builder.Build();
    }
}
