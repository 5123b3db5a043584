using System.Diagnostics.CodeAnalysis;
using CoProd.Domain.Common;
using CoProd.Domain.ReferenceData;

namespace CoProd.Domain.Deals;

/// <summary>
/// One item a partner brings: cash, or services, facilities or rights valued in money. It is counted in the
/// deal currency at the exchange rate locked on <see cref="RateLockedOn"/>, which newer rates never change.
/// </summary>
public sealed class Contribution
{
    public const int DescriptionMaxLength = 300;

    private Contribution()
    {
        Description = null!;
        Amount = null!;
        SpendCountry = null!;
    }

    internal Contribution(Guid id, Guid partnerId, ContributionKind kind, string description, Money amount,
        decimal rateToDealCurrency, DateOnly rateLockedOn, CountryCode spendCountry)
    {
        Id = id;
        PartnerId = partnerId;
        Set(kind, description, amount, rateToDealCurrency, rateLockedOn, spendCountry);
    }

    public Guid Id { get; private set; }

    public Guid PartnerId { get; private set; }

    public ContributionKind Kind { get; private set; }

    public string Description { get; private set; }

    /// <summary>The amount in the currency it is paid or valued in.</summary>
    public Money Amount { get; private set; }

    /// <summary>Units of the deal currency for one unit of <see cref="Money.Currency"/> of <see cref="Amount"/>.</summary>
    public decimal RateToDealCurrency { get; private set; }

    public DateOnly RateLockedOn { get; private set; }

    /// <summary>Where the money is spent (or the service performed): spend rules look at it.</summary>
    public CountryCode SpendCountry { get; private set; }

    /// <summary>The amount in the deal currency, exactly (no rounding).</summary>
    public Money InDealCurrency(CurrencyCode dealCurrency) => Amount.ConvertTo(dealCurrency, RateToDealCurrency);

    internal void Update(ContributionKind kind, string description, Money amount, decimal rateToDealCurrency, DateOnly rateLockedOn, CountryCode spendCountry) =>
        Set(kind, description, amount, rateToDealCurrency, rateLockedOn, spendCountry);

    [MemberNotNull(nameof(Description), nameof(Amount), nameof(SpendCountry))]
    private void Set(ContributionKind kind, string description, Money amount, decimal rateToDealCurrency, DateOnly rateLockedOn, CountryCode spendCountry)
    {
        ArgumentNullException.ThrowIfNull(amount);
        var trimmed = description?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > DescriptionMaxLength)
        {
            throw new DomainException($"A contribution's description needs 1 to {DescriptionMaxLength} characters.");
        }

        if (amount.Amount <= 0m)
        {
            throw new DomainException("A contribution's amount must be greater than zero.");
        }

        if (rateToDealCurrency <= 0m)
        {
            throw new DomainException("A contribution's exchange rate must be greater than zero.");
        }

        Kind = kind;
        Description = trimmed;
        Amount = amount;
        RateToDealCurrency = rateToDealCurrency;
        RateLockedOn = rateLockedOn;
        SpendCountry = spendCountry ?? throw new DomainException("A contribution needs the country where it is spent.");
    }
}
