using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Deals;

public sealed class DealFinancingTests
{
    [Fact]
    public void A_yen_contribution_counts_at_its_locked_rate_in_the_deal_currency_exactly()
    {
        var builder = Deal("USD").Partner("LA Films", "US", 7_000_000m).Partner("Tokyo Pictures", "JP", 500_000_000m, currency: "JPY", rate: 0.0067m);

        var financing = builder.Build().Financing();

        var tokyo = Assert.Single(financing.Partners, p => p.Partner.CompanyName == "Tokyo Pictures");
        Assert.Equal(new Money(3_350_000m, Cur("USD")), tokyo.Total);
        Assert.Equal(new Money(10_350_000m, Cur("USD")), financing.Total);
        Assert.Equal(3_350_000m * 100m / 10_350_000m, tokyo.Share.Value);
        Assert.Equal(32.37m, tokyo.Share.Rounded());
    }

    [Fact]
    public void A_rate_with_many_decimals_is_not_rounded_before_shares_are_measured()
    {
        var deal = Deal("USD").Partner("LA Films", "US", 6_999_999.9998m).Partner("Tokyo Pictures", "JP", 447_761_194m, currency: "JPY", rate: 0.0067m).Build();

        var financing = deal.Financing();

        Assert.Equal(2_999_999.9998m, financing.Partners[1].Total.Amount);
        Assert.Equal(9_999_999.9996m, financing.Total.Amount);
    }

    [Fact]
    public void Cash_and_in_kind_contributions_are_totalled_separately()
    {
        var builder = Deal("EUR")
            .Partner("Paris Films", "FR", 1_000_000m)
            .Contribution("Paris Films", 500_000m, kind: ContributionKind.InKind)
            .Contribution("Paris Films", 250_000m, kind: ContributionKind.Cash)
            .Contribution("Paris Films", 100_000_000m, currency: "JPY", rate: 0.006m, kind: ContributionKind.InKind);

        var share = Assert.Single(builder.Build().Financing().Partners);

        Assert.Equal(1_250_000m, share.Cash.Amount);
        Assert.Equal(1_100_000m, share.InKind.Amount);
        Assert.Equal(2_350_000m, share.Total.Amount);
        Assert.Equal(Cur("EUR"), share.InKind.Currency);
        Assert.Equal(100m, share.Share.Value);
    }

    public static TheoryData<decimal, decimal, decimal> GapCases => new()
    {
        { 9_000_000m, 10_000_000m, -1_000_000m },
        { 9_999_999.99m, 10_000_000m, -0.01m },
        { 10_000_000m, 10_000_000m, 0m },
        { 10_000_000.01m, 10_000_000m, 0.01m },
        { 12_500_000m, 10_000_000m, 2_500_000m },
    };

    [Theory]
    [MemberData(nameof(GapCases))]
    public void The_gap_is_contributed_minus_budget_negative_for_a_shortfall_positive_for_an_excess(decimal contributed, decimal budget, decimal expectedGap)
    {
        var deal = Deal("EUR", budget).Partner("Paris Films", "FR", contributed / 2m).Partner("Montreal Prod", "CA", contributed / 2m).Build();

        var financing = deal.Financing();

        Assert.Equal(new Money(expectedGap, Cur("EUR")), financing.Gap);
        Assert.Equal(new Money(budget, Cur("EUR")), financing.Budget);
    }

    [Fact]
    public void Shares_are_of_the_total_contributed_not_of_the_budget()
    {
        var deal = Deal("EUR", 20_000_000m).Partner("Paris Films", "FR", 3_000_000m).Partner("Montreal Prod", "CA", 1_000_000m).Build();

        var financing = deal.Financing();

        Assert.Equal(75m, financing.ShareOf(deal.Partners[0].Id).Value);
        Assert.Equal(25m, financing.ShareOf(deal.Partners[1].Id).Value);
    }

    [Fact]
    public void Share_of_country_adds_up_the_partners_established_there()
    {
        var deal = Deal()
            .Partner("Paris Films", "FR", 3_000_000m)
            .Partner("Lyon Images", "FR", 2_000_000m)
            .Partner("Montreal Prod", "CA", 5_000_000m)
            .Build();

        var financing = deal.Financing();

        Assert.Equal(50m, financing.ShareOfCountry(C("FR")).Value);
        Assert.Equal(50m, financing.ShareOfCountry(C("CA")).Value);
        Assert.Equal(0m, financing.ShareOfCountry(C("DE")).Value);
    }

    public static TheoryData<decimal[]> ExactSplits => new()
    {
        new[] { 5_000_000m, 5_000_000m },
        new[] { 8_000_000m, 2_000_000m },
        new[] { 1m, 1m, 2m },
        new[] { 1_234_567m, 8_765_433m },
        new[] { 2_500_000m, 2_500_000m, 2_500_000m, 2_500_000m },
    };

    [Theory]
    [MemberData(nameof(ExactSplits))]
    public void Shares_add_up_to_exactly_one_hundred_when_they_divide_exactly(decimal[] amounts)
    {
        var builder = Deal();
        for (var i = 0; i < amounts.Length; i++)
        {
            builder.Partner($"Partner {i}", i % 2 == 0 ? "FR" : "CA", amounts[i]);
        }

        var financing = builder.Build().Financing();

        Assert.Equal(100m, financing.Partners.Sum(p => p.Share.Value));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(7)]
    public void Shares_that_do_not_divide_exactly_add_up_to_one_hundred_within_decimal_precision(int partners)
    {
        var builder = Deal();
        for (var i = 0; i < partners; i++)
        {
            builder.Partner($"Partner {i}", "FR", 1_000_000m);
        }

        var shares = builder.Build().Financing().Partners.Select(p => p.Share).ToList();

        Assert.True(Math.Abs(shares.Sum(s => s.Value) - 100m) < 0.00000000000000000001m);
        Assert.Equal(100m, Math.Round(shares.Sum(s => s.Rounded()), 0));
    }

    [Fact]
    public void A_partner_without_contributions_has_a_zero_share()
    {
        var deal = Deal().Partner("Paris Films", "FR", 1_000_000m).Partner("Montreal Prod", "CA", 0m).Build();

        var financing = deal.Financing();

        Assert.Equal(Percentage.Zero, financing.ShareOf(deal.Partners[1].Id));
        Assert.Equal(0m, financing.Partners[1].Total.Amount);
    }

    [Fact]
    public void A_deal_without_contributions_has_a_zero_total_and_zero_shares()
    {
        var deal = Deal().Partner("Paris Films", "FR", 0m).Partner("Montreal Prod", "CA", 0m).Build();

        var financing = deal.Financing();

        Assert.Equal(0m, financing.Total.Amount);
        Assert.All(financing.Partners, p => Assert.Equal(Percentage.Zero, p.Share));
        Assert.Equal(-10_000_000m, financing.Gap.Amount);
    }

    [Fact]
    public void The_share_of_an_unknown_partner_is_zero() =>
        Assert.Equal(Percentage.Zero, Deal().Partner("Paris Films", "FR", 1m).Build().Financing().ShareOf(Guid.NewGuid()));
}
