using CoProd.Domain.Common;
using CoProd.Domain.ReferenceData;

namespace CoProd.Domain.Catalogues;

/// <summary>Shared rules for catalogue codes and names.</summary>
internal static class CatalogueText
{
    public static string Code(string code, int maxLength)
    {
        var trimmed = code?.Trim().ToLowerInvariant() ?? string.Empty;
        return trimmed.Length > 0 && trimmed.Length <= maxLength && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? trimmed
            : throw new DomainException($"A code has 1 to {maxLength} letters, digits, hyphens or underscores.");
    }

    public static string Name(string name, int maxLength)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        return trimmed.Length is > 0 && trimmed.Length <= maxLength
            ? trimmed
            : throw new DomainException($"A name needs 1 to {maxLength} characters.");
    }

    public static string? Text(string? text, int maxLength)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null
            : trimmed.Length <= maxLength ? trimmed
            : throw new DomainException($"A description may have at most {maxLength} characters.");
    }
}

/// <summary>A kind of decision partners must settle (final cut, key casting …); critical ones need an owner in every deal.</summary>
public sealed class DecisionDomain
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 500;

    private DecisionDomain()
    {
        Code = null!;
        Name = null!;
    }

    public DecisionDomain(string code, string name, string? description, bool isCritical, int sortOrder)
    {
        Code = CatalogueText.Code(code, CodeMaxLength);
        Name = null!;
        Update(name, description, isCritical, sortOrder);
        IsActive = true;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    public bool IsCritical { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    public uint Version { get; private set; }

    public void Update(string name, string? description, bool isCritical, int sortOrder)
    {
        Name = CatalogueText.Name(name, NameMaxLength);
        Description = CatalogueText.Text(description, DescriptionMaxLength);
        IsCritical = isCritical;
        SortOrder = sortOrder;
    }

    public void SetActive(bool active) => IsActive = active;
}

/// <summary>A medium or platform rights are granted for (theatrical, SVOD …).</summary>
public sealed class Medium
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 100;

    private Medium()
    {
        Code = null!;
        Name = null!;
    }

    public Medium(string code, string name, int sortOrder)
    {
        Code = CatalogueText.Code(code, CodeMaxLength);
        Name = null!;
        Update(name, sortOrder);
        IsActive = true;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    public uint Version { get; private set; }

    public void Update(string name, int sortOrder)
    {
        Name = CatalogueText.Name(name, NameMaxLength);
        SortOrder = sortOrder;
    }

    public void SetActive(bool active) => IsActive = active;
}

/// <summary>A named set of countries rights can be granted for (Europe, North America …); "world" covers every country.</summary>
public sealed class TerritoryGroup
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 100;

    private List<CountryCode> _countries = [];

    private TerritoryGroup()
    {
        Code = null!;
        Name = null!;
    }

    public TerritoryGroup(string code, string name, bool coversAllCountries, IEnumerable<CountryCode> countries)
    {
        Code = CatalogueText.Code(code, CodeMaxLength);
        Name = null!;
        Update(name, coversAllCountries, countries);
        IsActive = true;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>The whole world, including countries added to the reference data later.</summary>
    public bool CoversAllCountries { get; private set; }

    public IReadOnlyList<CountryCode> Countries => _countries;

    public bool IsActive { get; private set; }

    public uint Version { get; private set; }

    public void Update(string name, bool coversAllCountries, IEnumerable<CountryCode> countries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        var list = countries.Distinct().Order().ToList();
        if (!coversAllCountries && list.Count == 0)
        {
            throw new DomainException("A territory group needs its countries (or to cover the whole world).");
        }

        Name = CatalogueText.Name(name, NameMaxLength);
        CoversAllCountries = coversAllCountries;
        _countries = coversAllCountries ? [] : list;
    }

    public void SetActive(bool active) => IsActive = active;
}
