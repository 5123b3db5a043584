using CoProd.Domain.Common;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Common;

public sealed class MoneyTests
{
    public static TheoryData<decimal, decimal, decimal> AddCases => new()
    {
        { 100.25m, 0.75m, 101.00m },
        { 0m, 0m, 0m },
        { 1_000_000m, 0.0001m, 1_000_000.0001m },
        { -50m, 20m, -30m },
    };

    [Theory]
    [MemberData(nameof(AddCases))]
    public void Adding_amounts_in_the_same_currency_is_exact(decimal left, decimal right, decimal expected)
    {
        var sum = new Money(left, Cur("EUR")).Add(new Money(right, Cur("EUR")));

        Assert.Equal(new Money(expected, Cur("EUR")), sum);
    }

    public static TheoryData<decimal, decimal, decimal> SubtractCases => new()
    {
        { 100m, 250m, -150m },
        { 10_000_000m, 10_000_000m, 0m },
        { 0.3m, 0.1m, 0.2m },
    };

    [Theory]
    [MemberData(nameof(SubtractCases))]
    public void Subtracting_amounts_in_the_same_currency_is_exact(decimal left, decimal right, decimal expected)
    {
        var difference = new Money(left, Cur("USD")).Subtract(new Money(right, Cur("USD")));

        Assert.Equal(expected, difference.Amount);
        Assert.Equal(Cur("USD"), difference.Currency);
    }

    [Theory]
    [InlineData("EUR", "USD")]
    [InlineData("JPY", "EUR")]
    public void Adding_amounts_in_different_currencies_throws(string left, string right)
    {
        var error = Assert.Throws<DomainException>(() => new Money(1m, Cur(left)).Add(new Money(1m, Cur(right))));

        Assert.Contains($"Cannot combine {left} and {right}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Subtracting_amounts_in_different_currencies_throws() =>
        Assert.Throws<DomainException>(() => new Money(1m, Cur("EUR")).Subtract(new Money(1m, Cur("GBP"))));

    public static TheoryData<decimal, string, string, decimal, decimal> ConversionCases => new()
    {
        { 100_000_000m, "JPY", "USD", 0.0067m, 670_000m },
        { 1m, "JPY", "USD", 0.0067m, 0.0067m },
        { 333.33m, "EUR", "USD", 1.08512m, 361.7030496m },
        { 447_761_194m, "JPY", "USD", 0.0067m, 2_999_999.9998m },
        { 0.01m, "BHD", "EUR", 2.437125m, 0.02437125m },
    };

    [Theory]
    [MemberData(nameof(ConversionCases))]
    public void Converting_multiplies_by_the_rate_without_rounding(decimal amount, string from, string to, decimal rate, decimal expected)
    {
        var converted = new Money(amount, Cur(from)).ConvertTo(Cur(to), rate);

        Assert.Equal(expected, converted.Amount);
        Assert.Equal(Cur(to), converted.Currency);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0.5)]
    [InlineData(42)]
    public void Converting_to_the_same_currency_keeps_the_amount_whatever_the_rate(double rate)
    {
        var money = new Money(1_234.56m, Cur("EUR"));

        Assert.Equal(money, money.ConvertTo(Cur("EUR"), (decimal)rate));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.0067)]
    [InlineData(-1)]
    public void A_rate_of_zero_or_less_throws(double rate)
    {
        var error = Assert.Throws<DomainException>(() => new Money(100m, Cur("JPY")).ConvertTo(Cur("USD"), (decimal)rate));

        Assert.Contains("greater than zero", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<decimal, int, decimal> RoundingCases => new()
    {
        { 1_234_567.5m, 0, 1_234_568m },
        { 0.5m, 0, 1m },
        { -0.5m, 0, -1m },
        { 0.49m, 0, 0m },
        { 2.345m, 2, 2.35m },
        { 2.344999m, 2, 2.34m },
        { -2.345m, 2, -2.35m },
        { 1.2345m, 3, 1.235m },
        { 1.0005m, 3, 1.001m },
        { 1.00049m, 3, 1.000m },
    };

    [Theory]
    [MemberData(nameof(RoundingCases))]
    public void Rounded_goes_half_away_from_zero_to_the_currencys_minor_units(decimal amount, int minorUnits, decimal expected) =>
        Assert.Equal(expected, new Money(amount, Cur("EUR")).Rounded(minorUnits));

    public static TheoryData<decimal, string, int, string> FormatCases => new()
    {
        { 1_234_567.891m, "EUR", 2, "1,234,567.89 EUR" },
        { 1_234_567.5m, "JPY", 0, "1,234,568 JPY" },
        { 670_000m, "USD", 2, "670,000.00 USD" },
        { 1_000m, "BHD", 3, "1,000.000 BHD" },
        { 1.2345m, "BHD", 3, "1.235 BHD" },
        { 0m, "EUR", 0, "0 EUR" },
        { 999.995m, "EUR", 2, "1,000.00 EUR" },
        { -1_500m, "EUR", 0, "-1,500 EUR" },
    };

    [Theory]
    [MemberData(nameof(FormatCases))]
    public void Format_groups_thousands_and_shows_the_minor_units_and_the_code(decimal amount, string currency, int minorUnits, string expected) =>
        Assert.Equal(expected, new Money(amount, Cur(currency)).Format(minorUnits));

    [Fact]
    public void ToString_shows_two_decimals() =>
        Assert.Equal("10,000,000.00 EUR", new Money(10_000_000m, Cur("EUR")).ToString());

    [Fact]
    public void Zero_is_zero_in_the_given_currency() =>
        Assert.Equal(new Money(0m, Cur("JPY")), Money.Zero(Cur("JPY")));
}
