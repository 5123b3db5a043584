using System.Diagnostics.CodeAnalysis;
using CoProd.Domain.Common;
using CoProd.Domain.ReferenceData;

namespace CoProd.Domain.Deals;

/// <summary>A key creative or crew member; nationality feeds points tests and nationality rules.</summary>
public sealed class KeyPerson
{
    public const int NameMaxLength = 200;

    private KeyPerson()
    {
        Name = null!;
        Nationality = null!;
    }

    internal KeyPerson(Guid id, KeyRole role, string name, CountryCode nationality, CountryCode? residence)
    {
        Id = id;
        Update(role, name, nationality, residence);
    }

    public Guid Id { get; private set; }

    public KeyRole Role { get; private set; }

    public string Name { get; private set; }

    public CountryCode Nationality { get; private set; }

    /// <summary>Country of residence, where it differs from nationality; some treaties count residents too.</summary>
    public CountryCode? Residence { get; private set; }

    [MemberNotNull(nameof(Name), nameof(Nationality))]
    internal void Update(KeyRole role, string name, CountryCode nationality, CountryCode? residence)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > NameMaxLength)
        {
            throw new DomainException($"A person's name needs 1 to {NameMaxLength} characters.");
        }

        Role = role;
        Name = trimmed;
        Nationality = nationality ?? throw new DomainException("A key person needs a nationality.");
        Residence = residence == nationality ? null : residence;
    }
}

/// <summary>A country (and optionally a place in it) where part of the work is done.</summary>
public sealed record ProductionLocation(LocationKind Kind, CountryCode Country, string? Place = null)
{
    public const int PlaceMaxLength = 100;
}
