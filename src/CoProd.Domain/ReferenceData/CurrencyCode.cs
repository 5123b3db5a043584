using System.Diagnostics.CodeAnalysis;
using CoProd.Domain.Common;

namespace CoProd.Domain.ReferenceData;

/// <summary>An ISO 4217 currency code, upper case (e.g. "EUR", "JPY").</summary>
public sealed record CurrencyCode : IComparable<CurrencyCode>
{
    public const int Length = 3;

    private CurrencyCode(string value) => Value = value;

    public string Value { get; }

    public static CurrencyCode From(string? value) =>
        TryFrom(value, out var code) ? code : throw new DomainException($"'{value}' is not an ISO 4217 currency code (three letters, e.g. EUR).");

    public static bool TryFrom(string? value, [NotNullWhen(true)] out CurrencyCode? code)
    {
        code = IsoCode.TryNormalize(value, Length, out var normalized) ? new CurrencyCode(normalized) : null;
        return code is not null;
    }

    public int CompareTo(CurrencyCode? other) => string.CompareOrdinal(Value, other?.Value);

    public override string ToString() => Value;
}
