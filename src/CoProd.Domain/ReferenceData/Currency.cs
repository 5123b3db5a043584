using CoProd.Domain.Common;

namespace CoProd.Domain.ReferenceData;

/// <summary>A currency, by its ISO 4217 code, with the number of decimals it is quoted in.</summary>
public sealed class Currency
{
    public const int NameMaxLength = 100;
    public const int MaxMinorUnits = 4;

    private Currency()
    {
        Code = null!;
        Name = null!;
    }

    public Currency(CurrencyCode code, string name, int minorUnits)
    {
        Code = code;
        Name = ValidName(name);
        MinorUnits = ValidMinorUnits(minorUnits);
        IsActive = true;
    }

    public CurrencyCode Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>Decimals used when amounts in this currency are shown (JPY 0, EUR 2, BHD 3).</summary>
    public int MinorUnits { get; private set; }

    public bool IsActive { get; private set; }

    public uint Version { get; private set; }

    public void Update(string name, int minorUnits)
    {
        Name = ValidName(name);
        MinorUnits = ValidMinorUnits(minorUnits);
    }

    public void Activate() => IsActive = true;

    public void Deactivate() => IsActive = false;

    private static string ValidName(string name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        return trimmed.Length is > 0 and <= NameMaxLength
            ? trimmed
            : throw new DomainException($"A currency name needs 1 to {NameMaxLength} characters.");
    }

    private static int ValidMinorUnits(int minorUnits) =>
        minorUnits is >= 0 and <= MaxMinorUnits
            ? minorUnits
            : throw new DomainException($"A currency has 0 to {MaxMinorUnits} decimals.");
}
