using System.Globalization;
using CoProd.Domain.Common;

namespace CoProd.Domain.Tests.Common;

public sealed class PercentageTests
{
    public static TheoryData<decimal, decimal> RoundingCases => new()
    {
        { 12.345m, 12.35m },
        { 12.344m, 12.34m },
        { 12.355m, 12.36m },
        { 12.3449999m, 12.34m },
        { 33.3333333m, 33.33m },
        { 66.6666666m, 66.67m },
        { 0.005m, 0.01m },
        { 0.004999m, 0.00m },
        { 99.995m, 100.00m },
        { 10m, 10m },
        { -12.345m, -12.35m },
        { -0.005m, -0.01m },
    };

    [Theory]
    [MemberData(nameof(RoundingCases))]
    public void Rounded_goes_to_two_decimals_half_away_from_zero(decimal value, decimal expected) =>
        Assert.Equal(expected, new Percentage(value).Rounded());

    public static TheoryData<decimal, string> ToStringCases => new()
    {
        { 12.345m, "12.35 %" },
        { 10m, "10.00 %" },
        { 0m, "0.00 %" },
        { 100m, "100.00 %" },
        { 9.999m, "10.00 %" },
        { 33.3333333m, "33.33 %" },
        { 0.5m, "0.50 %" },
        { 1234.5m, "1234.50 %" },
        { -2.5m, "-2.50 %" },
    };

    [Theory]
    [MemberData(nameof(ToStringCases))]
    public void ToString_shows_two_decimals_and_a_spaced_percent_sign(decimal value, string expected) =>
        Assert.Equal(expected, new Percentage(value).ToString());

    [Fact]
    public void ToString_ignores_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            Assert.Equal("12.50 %", new Percentage(12.5m).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    public static TheoryData<decimal, decimal, string> FormatAgainstCases => new()
    {
        // Exactly on the limit: two decimals, whatever the scale of the decimal.
        { 10m, 10m, "10.00 %" },
        { 10.000m, 10m, "10.00 %" },
        { 80m, 80m, "80.00 %" },

        // Far from the limit: two decimals.
        { 25.5m, 10m, "25.50 %" },
        { 33.3333333m, 20m, "33.33 %" },
        { 9.99m, 10m, "9.99 %" },

        // Just below or above: as many decimals as it takes not to look equal to the limit.
        { 9.999m, 10m, "9.999 %" },
        { 9.995m, 10m, "9.995 %" },
        { 10.001m, 10m, "10.001 %" },
        { 80.001m, 80m, "80.001 %" },
        { 79.999m, 80m, "79.999 %" },
        { 19.996m, 20m, "19.996 %" },
        { 20.004m, 20m, "20.004 %" },
        { 80.0004m, 80m, "80.0004 %" },
        { 12.4999m, 12.5m, "12.4999 %" },
        { 19.99999m, 20m, "19.99999 %" },

        // Within a millionth: six decimals, truncated towards the limit's side so the direction stays visible.
        { 9.9999999m, 10m, "9.999999 %" },
        { 9.99999999999m, 10m, "9.999999 %" },
        { 10.0000001m, 10m, "10.000001 %" },
        { 30.00000000001m, 30m, "30.000001 %" },
        { 10.000001m, 10m, "10.000001 %" },
    };

    [Theory]
    [MemberData(nameof(FormatAgainstCases))]
    public void FormatAgainst_shows_which_side_of_the_limit_a_value_is_on(decimal value, decimal limit, string expected) =>
        Assert.Equal(expected, new Percentage(value).FormatAgainst(new Percentage(limit)));

    public static TheoryData<decimal, decimal> SidePreservingCases => new()
    {
        { 9.999m, 10m },
        { 10.001m, 10m },
        { 9.9999999m, 10m },
        { 10.0000001m, 10m },
        { 29.9999995m, 30m },
        { 30.0000005m, 30m },
        { 79.99999m, 80m },
        { 80.00001m, 80m },
        { 24.995m, 25m },
        { 25.005m, 25m },
    };

    [Theory]
    [MemberData(nameof(SidePreservingCases))]
    public void The_shown_value_is_on_the_same_side_of_a_two_decimal_limit_as_the_exact_value(decimal value, decimal limit)
    {
        var shown = Shown(new Percentage(value).FormatAgainst(new Percentage(limit)));

        Assert.Equal(Math.Sign(value - limit), Math.Sign(shown - limit));
    }

    // With a limit of more than two decimals (a third as 33.333 %), the shown value stays on the exact value's side.
    [Theory]
    [InlineData("33.334", "33.333")]
    [InlineData("19.996", "19.999")]
    [InlineData("12.3449", "12.3441")]
    public void The_shown_value_is_on_the_same_side_of_a_limit_with_more_than_two_decimals(string value, string limit)
    {
        var exact = decimal.Parse(value, CultureInfo.InvariantCulture);
        var limitValue = decimal.Parse(limit, CultureInfo.InvariantCulture);

        var shown = Shown(new Percentage(exact).FormatAgainst(new Percentage(limitValue)));

        Assert.Equal(Math.Sign(exact - limitValue), Math.Sign(shown - limitValue));
    }

    public static TheoryData<decimal, decimal, decimal> OfCases => new()
    {
        { 1m, 4m, 25m },
        { 3_000_000m, 10_000_000m, 30m },
        { 2_000_000m, 10_000_000m, 20m },
        { 10m, 10m, 100m },
        { 0m, 100m, 0m },
        { 1m, 8m, 12.5m },
        { 999_900m, 10_000_000m, 9.999m },
    };

    [Theory]
    [MemberData(nameof(OfCases))]
    public void Of_is_part_over_whole_in_percent_exactly(decimal part, decimal whole, decimal expected) =>
        Assert.Equal(expected, Percentage.Of(part, whole).Value);

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-5)]
    public void Of_a_zero_whole_is_zero_rather_than_a_division_error(int part) =>
        Assert.Equal(Percentage.Zero, Percentage.Of(part, 0m));

    [Fact]
    public void Of_a_third_is_not_rounded_until_displayed()
    {
        var third = Percentage.Of(1m, 3m);

        Assert.NotEqual(33.33m, third.Value);
        Assert.Equal(33.33m, third.Rounded());
        Assert.True(Math.Abs((third.Value * 3m) - 100m) < 0.000000000000000000001m);
    }

    [Theory]
    [InlineData("20", "0.2")]
    [InlineData("12.5", "0.125")]
    [InlineData("100", "1")]
    [InlineData("0", "0")]
    public void Fraction_is_the_value_over_one_hundred(string value, string fraction) =>
        Assert.Equal(decimal.Parse(fraction, CultureInfo.InvariantCulture), new Percentage(decimal.Parse(value, CultureInfo.InvariantCulture)).Fraction);

    [Theory]
    [InlineData("10", "10", true, true)]
    [InlineData("10.00", "10", true, true)]
    [InlineData("9.999", "10", false, true)]
    [InlineData("10.001", "10", true, false)]
    public void Comparisons_are_exact_and_inclusive(string left, string right, bool atLeast, bool atMost)
    {
        var l = new Percentage(decimal.Parse(left, CultureInfo.InvariantCulture));
        var r = new Percentage(decimal.Parse(right, CultureInfo.InvariantCulture));

        Assert.Equal(atLeast, l >= r);
        Assert.Equal(atMost, l <= r);
        Assert.Equal(atLeast && !atMost, l > r);
        Assert.Equal(atMost && !atLeast, l < r);
    }

    [Fact]
    public void Adding_and_subtracting_percentages_is_exact()
    {
        Assert.Equal(30.001m, (new Percentage(10.001m) + new Percentage(20m)).Value);
        Assert.Equal(-0.001m, (new Percentage(9.999m) - new Percentage(10m)).Value);
    }

    private static decimal Shown(string formatted)
    {
        Assert.EndsWith(" %", formatted, StringComparison.Ordinal);
        return decimal.Parse(formatted[..^2], CultureInfo.InvariantCulture);
    }
}
