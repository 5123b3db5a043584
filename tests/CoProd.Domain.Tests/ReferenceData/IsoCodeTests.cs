using CoProd.Domain.Common;
using CoProd.Domain.ReferenceData;

namespace CoProd.Domain.Tests.ReferenceData;

public sealed class IsoCodeTests
{
    [Theory]
    [InlineData("FR", "FR")]
    [InlineData("jp", "JP")]
    [InlineData(" ca ", "CA")]
    public void Country_codes_are_two_letters_normalised_to_upper_case(string input, string expected) =>
        Assert.Equal(expected, CountryCode.From(input).Value);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("F")]
    [InlineData("FRA")]
    [InlineData("F1")]
    [InlineData("É1")]
    [InlineData("ÉÉ")]
    public void Anything_else_is_not_a_country_code(string? input)
    {
        Assert.False(CountryCode.TryFrom(input, out _));
        var error = Assert.Throws<DomainException>(() => CountryCode.From(input));
        Assert.Contains("ISO 3166-1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EUR", "EUR")]
    [InlineData("jpy", "JPY")]
    public void Currency_codes_are_three_letters_normalised_to_upper_case(string input, string expected) =>
        Assert.Equal(expected, CurrencyCode.From(input).Value);

    [Theory]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("E1R")]
    public void Anything_else_is_not_a_currency_code(string input) =>
        Assert.Throws<DomainException>(() => CurrencyCode.From(input));

    [Fact]
    public void Codes_compare_by_value() =>
        Assert.Equal(CountryCode.From("fr"), CountryCode.From("FR"));
}
