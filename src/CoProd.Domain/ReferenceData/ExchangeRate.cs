using CoProd.Domain.Common;

namespace CoProd.Domain.ReferenceData;

/// <summary>
/// A dated exchange rate with its source, as admins record it: one unit of <see cref="BaseCurrency"/> is worth
/// <see cref="Rate"/> units of <see cref="QuoteCurrency"/> on <see cref="On"/>. Rates are reference data that
/// suggest the rate a contribution locks; a contribution keeps the rate it locked, whatever rates arrive later.
/// A recorded rate is never edited: a wrong one is removed and entered again, both in the audit trail.
/// </summary>
public sealed class ExchangeRate
{
    public const int SourceMaxLength = 200;
    public const int EnteredByMaxLength = 200;

    /// <summary>Digits kept after the decimal point (the column is numeric(28,12)).</summary>
    public const int RateDecimals = 12;

    private ExchangeRate()
    {
        BaseCurrency = null!;
        QuoteCurrency = null!;
        Source = null!;
        EnteredBy = null!;
    }

    public ExchangeRate(Guid id, CurrencyCode baseCurrency, CurrencyCode quoteCurrency, decimal rate, DateOnly on, string source, string enteredBy, DateTimeOffset enteredAt)
    {
        ArgumentNullException.ThrowIfNull(baseCurrency);
        ArgumentNullException.ThrowIfNull(quoteCurrency);
        if (baseCurrency == quoteCurrency)
        {
            throw new DomainException("A rate needs two different currencies.");
        }

        if (rate <= 0m)
        {
            throw new DomainException("A rate must be greater than zero.");
        }

        if (decimal.Round(rate, RateDecimals) != rate || rate >= 10_000_000_000_000_000m)
        {
            throw new DomainException($"A rate has at most 16 digits before the decimal point and {RateDecimals} after it.");
        }

        var trimmed = source?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > SourceMaxLength)
        {
            throw new DomainException($"Say where the rate comes from (1 to {SourceMaxLength} characters, e.g. ECB reference rate).");
        }

        Id = id;
        BaseCurrency = baseCurrency;
        QuoteCurrency = quoteCurrency;
        Rate = rate;
        On = on;
        Source = trimmed;
        EnteredBy = string.IsNullOrWhiteSpace(enteredBy) ? "system" : enteredBy.Trim()[..Math.Min(enteredBy.Trim().Length, EnteredByMaxLength)];
        EnteredAt = enteredAt;
    }

    public Guid Id { get; private set; }

    public CurrencyCode BaseCurrency { get; private set; }

    public CurrencyCode QuoteCurrency { get; private set; }

    /// <summary>Units of <see cref="QuoteCurrency"/> for one unit of <see cref="BaseCurrency"/>.</summary>
    public decimal Rate { get; private set; }

    /// <summary>The day the rate is for.</summary>
    public DateOnly On { get; private set; }

    /// <summary>Where it comes from (ECB reference rate, a bank's confirmation …).</summary>
    public string Source { get; private set; }

    public string EnteredBy { get; private set; }

    public DateTimeOffset EnteredAt { get; private set; }

    /// <summary>
    /// The rate to convert one unit of <paramref name="from"/> into <paramref name="to"/>: this rate read directly,
    /// or inverted (rounded to <see cref="RateDecimals"/> decimals, half away from zero) when recorded the other way.
    /// </summary>
    public decimal Converting(CurrencyCode from, CurrencyCode to)
    {
        if (from == BaseCurrency && to == QuoteCurrency)
        {
            return Rate;
        }

        if (from == QuoteCurrency && to == BaseCurrency)
        {
            return decimal.Round(1m / Rate, RateDecimals, MidpointRounding.AwayFromZero);
        }

        throw new DomainException($"This rate is for {BaseCurrency}/{QuoteCurrency}, not {from}/{to}.");
    }

    public override string ToString() => $"1 {BaseCurrency} = {Rate.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture)} {QuoteCurrency} on {On:yyyy-MM-dd} ({Source})";
}
