using CoProd.Domain.Deals;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Deals;

/// <summary>
/// A Japan–US animated feature budgeted in dollars: Pacific brings 14 M USD, Tokyo 600 M JPY locked at 0.01 (6 M USD).
/// What does a falling yen do to the financing?
/// </summary>
public sealed class CurrencyExposureTests
{
    private static DealBuilder JapanUs(decimal budget) => Deal("USD", budget)
        .Partner("Tokyo Anima", "JP", 600_000_000m, PartnerRole.MajorityDelegate, currency: "JPY", rate: 0.01m)
        .Partner("Pacific Pictures", "US", 14_000_000m);

    [Theory]
    //          budget      absorbed fall   shortfall at 5 / 10 / 15 / 20 / 25 % (USD)
    [InlineData(20_000_000, "0", 300_000, 600_000, 900_000, 1_200_000, 1_500_000)] // fully financed: no margin
    [InlineData(19_000_000, "16.6667", 0, 0, 0, 200_000, 500_000)] // 1 M excess absorbs a fall of 1/6
    [InlineData(21_000_000, null, 1_300_000, 1_600_000, 1_900_000, 2_200_000, 2_500_000)] // already 1 M short
    [InlineData(14_000_000, "100", 0, 0, 0, 0, 0)] // the dollars alone cover the budget
    public void A_fall_of_the_yen_shows_how_much_the_plan_absorbs_and_the_shortfall_beyond(
        int budget, string? absorbed, int at5, int at10, int at15, int at20, int at25)
    {
        var exposure = Assert.Single(CurrencyExposure.Of(JapanUs(budget).Build()));

        Assert.Equal(Cur("JPY"), exposure.Currency);
        Assert.Equal(6_000_000m, exposure.Exposed.Amount);
        Assert.Equal(30m, exposure.ShareOfFinancing.Value);
        decimal? expected = absorbed is null ? null : decimal.Parse(absorbed, System.Globalization.CultureInfo.InvariantCulture);
        decimal? actual = exposure.AbsorbedFall is { } fall ? Math.Round(fall.Value, 4) : null;
        Assert.Equal(expected, actual);
        Assert.Equal([5m, 10m, 15m, 20m, 25m], exposure.Scenarios.Select(s => s.Fall.Value));
        Assert.Equal([at5, at10, at15, at20, at25], exposure.Scenarios.Select(s => s.Shortfall.Amount));
        Assert.All(exposure.Scenarios, s => Assert.Equal(Cur("USD"), s.Shortfall.Currency));
    }

    [Fact]
    public void The_shortfall_is_also_given_as_a_part_of_the_budget()
    {
        var fifteen = CurrencyExposure.Of(JapanUs(20_000_000m).Build())[0].Scenarios.Single(s => s.Fall.Value == 15m);

        Assert.Equal(4.5m, fifteen.OfBudget.Value);
    }

    [Fact]
    public void Each_foreign_currency_is_moved_alone_largest_exposure_first_with_the_partners_who_bring_it()
    {
        var deal = JapanUs(20_000_000m)
            .Partner("Films du Nord", "FR", 1_000_000m, currency: "EUR", rate: 1.1m)
            .Contribution("Tokyo Anima", 50_000_000m, currency: "JPY", rate: 0.01m, kind: ContributionKind.InKind)
            .Build();

        var exposures = CurrencyExposure.Of(deal);

        Assert.Equal(["JPY", "EUR"], exposures.Select(e => e.Currency.Value));
        Assert.Equal(6_500_000m, exposures[0].Exposed.Amount); // the in-kind studio services valued in yen count too
        Assert.Equal(["Tokyo Anima"], exposures[0].ByPartner.Select(p => p.Partner.CompanyName));
        Assert.Equal(1_100_000m, exposures[1].Exposed.Amount);
        Assert.Equal(["Films du Nord"], exposures[1].ByPartner.Select(p => p.Partner.CompanyName));
    }

    [Fact]
    public void A_deal_financed_in_its_own_currency_has_no_exposure() =>
        Assert.Empty(CurrencyExposure.Of(Deal("EUR").Partner("Paris Films", "FR", 6_000_000m).Partner("Lyon Films", "FR", 4_000_000m).Build()));
}
