using CoProd.Domain.Common;
using CoProd.Domain.ReferenceData;

namespace CoProd.Domain.Deals;

/// <summary>What one partner brings, in the deal currency, and its share of everything contributed.</summary>
public sealed record PartnerShare(Partner Partner, Money Cash, Money InKind, Percentage Share)
{
    public Money Total => Cash.Add(InKind);
}

/// <summary>
/// The financing plan derived from a deal's contributions, exactly (no rounding). A partner's share is its part of
/// the total contributed — the financing plan that treaties measure — and <see cref="Gap"/> says how far that total
/// is from the budget.
/// </summary>
public sealed record DealFinancing(IReadOnlyList<PartnerShare> Partners, Money Total, Money Budget)
{
    /// <summary>Contributed minus budget: negative is a shortfall, positive an excess.</summary>
    public Money Gap => Total.Subtract(Budget);

    public Percentage ShareOf(Guid partnerId) =>
        Partners.FirstOrDefault(p => p.Partner.Id == partnerId)?.Share ?? Percentage.Zero;

    /// <summary>Combined share of the partners established in <paramref name="country"/>.</summary>
    public Percentage ShareOfCountry(CountryCode country) =>
        new(Partners.Where(p => p.Partner.Country == country).Sum(p => p.Share.Value));

    public static DealFinancing Of(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var currency = deal.Currency;
        var totals = deal.Partners.Select(partner =>
        {
            var items = deal.Contributions.Where(c => c.PartnerId == partner.Id).ToList();
            var cash = items.Where(c => c.Kind == ContributionKind.Cash).Sum(c => c.InDealCurrency(currency).Amount);
            var inKind = items.Where(c => c.Kind == ContributionKind.InKind).Sum(c => c.InDealCurrency(currency).Amount);
            return (partner, cash, inKind);
        }).ToList();

        var total = totals.Sum(t => t.cash + t.inKind);
        var shares = totals
            .Select(t => new PartnerShare(t.partner, new Money(t.cash, currency), new Money(t.inKind, currency), Percentage.Of(t.cash + t.inKind, total)))
            .ToList();
        return new DealFinancing(shares, new Money(total, currency), deal.BudgetMoney);
    }
}
