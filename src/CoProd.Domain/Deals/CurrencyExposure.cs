using CoProd.Domain.Common;
using CoProd.Domain.ReferenceData;

namespace CoProd.Domain.Deals;

/// <summary>What the financing would lack if a currency fell by <see cref="Fall"/> against the deal currency.</summary>
public sealed record CurrencyScenario(Percentage Fall, Money Shortfall, Percentage OfBudget);

/// <summary>
/// The contributions made in one foreign currency, valued at their locked rates, and what a fall of that currency
/// against the deal currency would do to the financing: the fall the plan absorbs before it stops covering the budget,
/// and the shortfall at usual moves.
/// </summary>
/// <param name="Currency">The foreign currency.</param>
/// <param name="Exposed">The contributions in it, in the deal currency at their locked rates.</param>
/// <param name="ShareOfFinancing">Their part of everything contributed.</param>
/// <param name="AbsorbedFall">
/// How far the currency can fall before the contributions no longer cover the budget: zero when the plan has no
/// margin, null when it is already short of the budget (every fall adds to the shortfall).
/// </param>
/// <param name="ByPartner">Who brings the exposed money (the partners who would have to make up a shortfall, or renegotiate).</param>
/// <param name="Scenarios">The shortfall at usual falls (5, 10, 15, 20 and 25 %).</param>
public sealed record CurrencyExposure(
    CurrencyCode Currency,
    Money Exposed,
    Percentage ShareOfFinancing,
    Percentage? AbsorbedFall,
    IReadOnlyList<(Partner Partner, Money Exposed)> ByPartner,
    IReadOnlyList<CurrencyScenario> Scenarios)
{
    /// <summary>The falls shown for every foreign currency, in percent.</summary>
    public static IReadOnlyList<decimal> UsualFalls { get; } = [5m, 10m, 15m, 20m, 25m];

    /// <summary>
    /// One entry per foreign currency in the deal's contributions (cash and in-kind: an in-kind item valued in yen is
    /// worth less in dollars when the yen falls), largest exposure first. Each currency is moved alone, the others held.
    /// </summary>
    public static IReadOnlyList<CurrencyExposure> Of(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var financing = deal.Financing();
        var budget = financing.Budget.Amount;
        var total = financing.Total.Amount;
        return
        [
            .. deal.Contributions
                .Where(c => c.Amount.Currency != deal.Currency)
                .GroupBy(c => c.Amount.Currency)
                .Select(group =>
                {
                    var exposed = group.Sum(c => c.InDealCurrency(deal.Currency).Amount);
                    var byPartner = group.GroupBy(c => c.PartnerId)
                        .Select(p => (Partner: deal.Partners.First(x => x.Id == p.Key), Exposed: new Money(p.Sum(c => c.InDealCurrency(deal.Currency).Amount), deal.Currency)))
                        .OrderByDescending(p => p.Exposed.Amount)
                        .ToList();

                    // With the currency down by f, the financing is total − f·exposed; it covers the budget while f ≤ (total − budget) / exposed.
                    Percentage? absorbed = exposed <= 0m || total < budget ? null : new Percentage(Math.Min(100m, (total - budget) / exposed * 100m));
                    var scenarios = UsualFalls.Select(fall =>
                    {
                        var shortfall = Math.Max(0m, budget - (total - (fall / 100m * exposed)));
                        return new CurrencyScenario(new Percentage(fall), new Money(shortfall, deal.Currency), Percentage.Of(shortfall, budget));
                    }).ToList();
                    return new CurrencyExposure(group.Key, new Money(exposed, deal.Currency), Percentage.Of(exposed, total), absorbed, byPartner, scenarios);
                })
                .OrderByDescending(e => e.Exposed.Amount)
                .ThenBy(e => e.Currency.Value, StringComparer.Ordinal),
        ];
    }
}
