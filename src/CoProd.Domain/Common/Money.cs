using System.Globalization;
using CoProd.Domain.ReferenceData;

namespace CoProd.Domain.Common;

/// <summary>An exact amount in a currency. Arithmetic never rounds; rounding happens only for display.</summary>
public sealed record Money(decimal Amount, CurrencyCode Currency)
{
    public static Money Zero(CurrencyCode currency) => new(0m, currency);

    public Money Add(Money other)
    {
        ArgumentNullException.ThrowIfNull(other);
        EnsureSameCurrency(other);
        return this with { Amount = Amount + other.Amount };
    }

    public Money Subtract(Money other)
    {
        ArgumentNullException.ThrowIfNull(other);
        EnsureSameCurrency(other);
        return this with { Amount = Amount - other.Amount };
    }

    /// <summary>Converts at <paramref name="rate"/> units of <paramref name="target"/> per one unit of this currency, exactly.</summary>
    public Money ConvertTo(CurrencyCode target, decimal rate)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (rate <= 0m)
        {
            throw new DomainException("An exchange rate must be greater than zero.");
        }

        return target == Currency ? this : new Money(Amount * rate, target);
    }

    /// <summary>The amount rounded half away from zero to <paramref name="minorUnits"/> decimals, for display.</summary>
    public decimal Rounded(int minorUnits) => Math.Round(Amount, minorUnits, MidpointRounding.AwayFromZero);

    /// <summary>"1,234,567.89 EUR" with the currency's decimals.</summary>
    public string Format(int minorUnits) =>
        Rounded(minorUnits).ToString("N" + minorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + Currency.Value;

    public override string ToString() => Format(2);

    private void EnsureSameCurrency(Money other)
    {
        if (other.Currency != Currency)
        {
            throw new DomainException($"Cannot combine {Currency} and {other.Currency} without converting first.");
        }
    }
}
