namespace CoProd.Domain.ReferenceData;

/// <summary>Normalises the letter codes that ISO standards use (country, currency).</summary>
internal static class IsoCode
{
    /// <summary>Trims and upper-cases <paramref name="value"/> when it is exactly <paramref name="length"/> ASCII letters.</summary>
    public static bool TryNormalize(string? value, int length, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        var trimmed = value?.Trim();
        if (trimmed is null || trimmed.Length != length || !trimmed.All(char.IsAsciiLetter))
        {
            return false;
        }

        normalized = trimmed.ToUpperInvariant();
        return true;
    }
}
