using System.Diagnostics.CodeAnalysis;
using CoProd.Domain.Common;
using CoProd.Domain.ReferenceData;

namespace CoProd.Domain.Deals;

/// <summary>
/// A co-production deal: the project, its partners and what each brings, its key people and where the work is
/// done. Shares are derived from contributions, never typed in.
/// </summary>
public sealed partial class Deal
{
    public const int TitleMaxLength = 200;

    private readonly List<Partner> _partners = [];
    private readonly List<Contribution> _contributions = [];
    private readonly List<KeyPerson> _keyPeople = [];
    private readonly List<ProductionLocation> _locations = [];
    private readonly List<DealMember> _members = [];

    private Deal()
    {
        Title = null!;
        Currency = null!;
    }

    public Deal(Guid id, string title, ProductionFormat format, CurrencyCode currency, decimal budget)
    {
        Id = id;
        SetProject(title, format, currency, budget);
    }

    /// <summary>A new deal created by <paramref name="ownerId"/>, who becomes its owner.</summary>
    public static Deal Create(Guid id, string title, ProductionFormat format, CurrencyCode currency, decimal budget, Guid ownerId, DateTimeOffset now)
    {
        var deal = new Deal(id, title, format, currency, budget) { CreatedAt = now, UpdatedAt = now, CreatedBy = ownerId };
        deal._members.Add(new DealMember(id, ownerId, MemberRole.Owner, now, ownerId));
        return deal;
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; }

    public ProductionFormat Format { get; private set; }

    /// <summary>The deal currency: budget, shares and totals are in it.</summary>
    public CurrencyCode Currency { get; private set; }

    /// <summary>Total production budget in the deal currency.</summary>
    public decimal Budget { get; private set; }

    public IReadOnlyList<Partner> Partners => _partners;

    public IReadOnlyList<Contribution> Contributions => _contributions;

    public IReadOnlyList<KeyPerson> KeyPeople => _keyPeople;

    public IReadOnlyList<ProductionLocation> Locations => _locations;

    public IReadOnlyList<DealMember> Members => _members;

    public Money BudgetMoney => new(Budget, Currency);

    [MemberNotNull(nameof(Title), nameof(Currency))]
    public void SetProject(string title, ProductionFormat format, CurrencyCode currency, decimal budget)
    {
        var trimmed = title?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > TitleMaxLength)
        {
            throw new DomainException($"A deal's title needs 1 to {TitleMaxLength} characters.");
        }

        if (budget <= 0m)
        {
            throw new DomainException("The budget must be greater than zero.");
        }

        if (Currency is not null && currency != Currency && _contributions.Exists(c => c.Amount.Currency != currency || c.RateToDealCurrency != 1m))
        {
            throw new DomainException("The deal currency cannot change while contributions are converted into it; remove or re-enter them first.");
        }

        Title = trimmed;
        Format = format;
        Currency = currency ?? throw new DomainException("A deal needs a currency.");
        Budget = budget;
    }

    public Partner AddPartner(Guid id, string companyName, CountryCode country, PartnerRole role, string? contact = null)
    {
        if (_partners.Exists(p => string.Equals(p.CompanyName, companyName?.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException($"{companyName} is already a partner in this deal.");
        }

        var partner = new Partner(id, companyName!, country ?? throw new DomainException("A partner needs a country of establishment."), role, contact);
        _partners.Add(partner);
        return partner;
    }

    public void UpdatePartner(Guid partnerId, string companyName, CountryCode country, PartnerRole role, string? contact)
    {
        var partner = FindPartner(partnerId);
        if (_partners.Exists(p => p.Id != partnerId && string.Equals(p.CompanyName, companyName?.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException($"{companyName} is already a partner in this deal.");
        }

        partner.Update(companyName, country ?? throw new DomainException("A partner needs a country of establishment."), role, contact);
    }

    /// <summary>Removes the partner and every contribution it brings.</summary>
    public void RemovePartner(Guid partnerId)
    {
        var partner = FindPartner(partnerId);
        _contributions.RemoveAll(c => c.PartnerId == partnerId);
        _partners.Remove(partner);
        ForgetPartner(partnerId);
    }

    public Contribution AddContribution(Guid id, Guid partnerId, ContributionKind kind, string description, Money amount,
        decimal rateToDealCurrency, DateOnly rateLockedOn, CountryCode spendCountry)
    {
        FindPartner(partnerId);
        var contribution = new Contribution(id, partnerId, kind, description, amount, NormalizedRate(amount, rateToDealCurrency), rateLockedOn, spendCountry);
        _contributions.Add(contribution);
        return contribution;
    }

    public void UpdateContribution(Guid contributionId, ContributionKind kind, string description, Money amount,
        decimal rateToDealCurrency, DateOnly rateLockedOn, CountryCode spendCountry) =>
        FindContribution(contributionId).Update(kind, description, amount, NormalizedRate(amount, rateToDealCurrency), rateLockedOn, spendCountry);

    public void RemoveContribution(Guid contributionId) => _contributions.Remove(FindContribution(contributionId));

    public KeyPerson AddKeyPerson(Guid id, KeyRole role, string name, CountryCode nationality, CountryCode? residence = null)
    {
        var person = new KeyPerson(id, role, name, nationality, residence);
        _keyPeople.Add(person);
        return person;
    }

    public void UpdateKeyPerson(Guid personId, KeyRole role, string name, CountryCode nationality, CountryCode? residence) =>
        FindKeyPerson(personId).Update(role, name, nationality, residence);

    public void RemoveKeyPerson(Guid personId) => _keyPeople.Remove(FindKeyPerson(personId));

    public void SetLocations(IEnumerable<ProductionLocation> locations)
    {
        ArgumentNullException.ThrowIfNull(locations);
        var distinct = locations.Select(l => l with { Place = string.IsNullOrWhiteSpace(l.Place) ? null : l.Place.Trim() }).Distinct().ToList();
        if (distinct.Exists(l => l.Place?.Length > ProductionLocation.PlaceMaxLength))
        {
            throw new DomainException($"A place name may have at most {ProductionLocation.PlaceMaxLength} characters.");
        }

        _locations.Clear();
        _locations.AddRange(distinct);
    }

    /// <summary>Each partner's contributions in the deal currency and its share of the total contributed.</summary>
    public DealFinancing Financing() => DealFinancing.Of(this);

    private decimal NormalizedRate(Money amount, decimal rate) =>
        amount.Currency == Currency ? 1m : rate;

    private Partner FindPartner(Guid partnerId) =>
        _partners.Find(p => p.Id == partnerId) ?? throw new DomainException("That partner is not in this deal.");

    private Contribution FindContribution(Guid contributionId) =>
        _contributions.Find(c => c.Id == contributionId) ?? throw new DomainException("That contribution is not in this deal.");

    private KeyPerson FindKeyPerson(Guid personId) =>
        _keyPeople.Find(p => p.Id == personId) ?? throw new DomainException("That person is not in this deal.");
}
