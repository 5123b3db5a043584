using System.Diagnostics.CodeAnalysis;
using CoProd.Domain.Common;

namespace CoProd.Domain.ReferenceData;

/// <summary>An ISO 3166-1 alpha-2 country code, upper case (e.g. "FR", "JP").</summary>
public sealed record CountryCode : IComparable<CountryCode>
{
    public const int Length = 2;

    private CountryCode(string value) => Value = value;

    public string Value { get; }

    public static CountryCode From(string? value) =>
        TryFrom(value, out var code) ? code : throw new DomainException($"'{value}' is not an ISO 3166-1 alpha-2 country code (two letters, e.g. FR).");

    public static bool TryFrom(string? value, [NotNullWhen(true)] out CountryCode? code)
    {
        code = IsoCode.TryNormalize(value, Length, out var normalized) ? new CountryCode(normalized) : null;
        return code is not null;
    }

    public int CompareTo(CountryCode? other) => string.CompareOrdinal(Value, other?.Value);

    public override string ToString() => Value;
}
