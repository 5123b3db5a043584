using System.Globalization;

namespace CoProd.Domain.Common;

/// <summary>
/// A percentage held exactly (20 means 20 %). Checks against treaty limits compare the exact value, so a limit is
/// inclusive and exact: 10.00 % meets a 10 % minimum, 9.999 % does not. Display rounds to two decimals, except
/// where that would hide which side of a limit a value is on (see <see cref="FormatAgainst"/>).
/// </summary>
public readonly record struct Percentage : IComparable<Percentage>
{
    public const int DisplayDecimals = 2;
    private const int MaxDisplayDecimals = 6;

    public Percentage(decimal value) => Value = value;

    /// <summary>The percentage in percent units: 12.5 means 12.5 %.</summary>
    public decimal Value { get; }

    public static Percentage Zero => new(0m);

    public static Percentage Hundred => new(100m);

    public static Percentage Of(decimal part, decimal whole) =>
        whole == 0m ? Zero : new Percentage(part * 100m / whole);

    public decimal Fraction => Value / 100m;

    public static bool operator <(Percentage left, Percentage right) => left.Value < right.Value;

    public static bool operator >(Percentage left, Percentage right) => left.Value > right.Value;

    public static bool operator <=(Percentage left, Percentage right) => left.Value <= right.Value;

    public static bool operator >=(Percentage left, Percentage right) => left.Value >= right.Value;

    public static Percentage operator +(Percentage left, Percentage right) => new(left.Value + right.Value);

    public static Percentage operator -(Percentage left, Percentage right) => new(left.Value - right.Value);

    public int CompareTo(Percentage other) => Value.CompareTo(other.Value);

    /// <summary>Rounded half away from zero to two decimals: 33.333… → 33.33, 12.345 → 12.35.</summary>
    public decimal Rounded() => Math.Round(Value, DisplayDecimals, MidpointRounding.AwayFromZero);

    /// <summary>"12.35 %".</summary>
    public override string ToString() => Format(Rounded(), DisplayDecimals);

    /// <summary>
    /// Two decimals, or as many more (up to six) as it takes for the shown value not to look equal to
    /// <paramref name="limit"/> when it is not: 9.999 % against a 10 % minimum shows as "9.999 %", not "10.00 %".
    /// </summary>
    public string FormatAgainst(Percentage limit)
    {
        for (var decimals = DisplayDecimals; decimals < MaxDisplayDecimals; decimals++)
        {
            var rounded = Math.Round(Value, decimals, MidpointRounding.AwayFromZero);
            if (Math.Sign(rounded - limit.Value) == Math.Sign(Value - limit.Value))
            {
                return Format(rounded, decimals);
            }
        }

        // Closer than a millionth of a percent: truncate toward the limit's side so the direction stays visible.
        var truncated = Math.Round(Value, MaxDisplayDecimals, Value < limit.Value ? MidpointRounding.ToNegativeInfinity : MidpointRounding.ToPositiveInfinity);
        return Format(truncated, MaxDisplayDecimals);
    }

    /// <summary>
    /// The value as held, with at least two decimals and no rounding ("20.00 %", "33.333 %"): for limits, which must be
    /// shown as the treaty states them.
    /// </summary>
    public string ToExactString()
    {
        var text = Value.ToString("0.############################", CultureInfo.InvariantCulture);
        var separator = text.IndexOf('.', StringComparison.Ordinal);
        var decimals = separator < 0 ? 0 : text.Length - separator - 1;
        return decimals <= DisplayDecimals ? ToString() : text + " %";
    }

    private static string Format(decimal value, int decimals) =>
        value.ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture) + " %";
}
