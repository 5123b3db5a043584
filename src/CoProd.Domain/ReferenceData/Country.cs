using CoProd.Domain.Common;

namespace CoProd.Domain.ReferenceData;

/// <summary>A country, by its ISO 3166-1 code, as admins keep it in the reference data.</summary>
public sealed class Country
{
    public const int NameMaxLength = 100;

    private Country()
    {
        Code = null!;
        Name = null!;
    }

    public Country(CountryCode code, string name)
    {
        Code = code;
        Name = ValidName(name);
        IsActive = true;
    }

    public CountryCode Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>Inactive countries stay on record for existing deals but are not offered for new ones.</summary>
    public bool IsActive { get; private set; }

    public uint Version { get; private set; }

    public void Rename(string name) => Name = ValidName(name);

    public void Activate() => IsActive = true;

    public void Deactivate() => IsActive = false;

    private static string ValidName(string name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        return trimmed.Length is > 0 and <= NameMaxLength
            ? trimmed
            : throw new DomainException($"A country name needs 1 to {NameMaxLength} characters.");
    }
}
