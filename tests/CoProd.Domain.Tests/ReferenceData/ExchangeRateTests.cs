using CoProd.Domain.Common;
using CoProd.Domain.ReferenceData;

namespace CoProd.Domain.Tests.ReferenceData;

public sealed class ExchangeRateTests
{
    private static ExchangeRate Rate(string from, string to, decimal rate, string source = "ECB reference rate") =>
        new(Guid.NewGuid(), CurrencyCode.From(from), CurrencyCode.From(to), rate, new DateOnly(2026, 11, 20), source, "Ada Admin", DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("EUR", "JPY", 162.35, "EUR", "JPY", 162.35)]
    [InlineData("EUR", "JPY", 162.35, "JPY", "EUR", 0.006159531876)]
    [InlineData("USD", "EUR", 0.8, "EUR", "USD", 1.25)]
    [InlineData("GBP", "SEK", 3, "SEK", "GBP", 0.333333333333)]
    public void A_rate_converts_its_pair_either_way_round_inverted_to_twelve_decimals(string baseCode, string quote, decimal rate, string from, string to, decimal expected) =>
        Assert.Equal(expected, Rate(baseCode, quote, rate).Converting(CurrencyCode.From(from), CurrencyCode.From(to)));

    [Theory]
    [InlineData("EUR", "EUR", 1, "ECB", "two different currencies")]
    [InlineData("EUR", "USD", 0, "ECB", "greater than zero")]
    [InlineData("EUR", "USD", -1.1, "ECB", "greater than zero")]
    [InlineData("EUR", "USD", 0.0000000000001, "ECB", "12 after it")]
    [InlineData("EUR", "USD", 1.1, "  ", "where the rate comes from")]
    public void A_rate_that_breaks_a_rule_is_refused(string baseCode, string quote, decimal rate, string source, string message)
    {
        var refused = Assert.Throws<DomainException>(() => Rate(baseCode, quote, rate, source));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rate_for_another_pair_cannot_convert()
    {
        Assert.Throws<DomainException>(() => Rate("EUR", "USD", 1.06m).Converting(CurrencyCode.From("EUR"), CurrencyCode.From("JPY")));
    }
}
