using CoProd.Domain.Common;
using CoProd.Domain.ReferenceData;

namespace CoProd.Domain.Eligibility;

/// <summary>
/// For each foreign currency in the deal: the move of its rate against the deal currency at which a share rule
/// stops being met. With every contribution in currency F scaled by k (k = 1 today), each share limit is a linear
/// inequality α + β·k ≥ 0, so the break points are exact: no search, no sampling.
/// </summary>
internal static class CurrencyStressCalculator
{
    public static IReadOnlyList<CurrencyStress> Compute(EvaluationContext context, IReadOnlyList<ShareConstraint> constraints)
    {
        var deal = context.Deal;
        var financing = context.Financing;
        if (!context.HasContributions)
        {
            return [];
        }

        var currencies = deal.Contributions.Select(c => c.Amount.Currency).Where(c => c != deal.Currency).Distinct().OrderBy(c => c).ToList();
        var results = new List<CurrencyStress>(currencies.Count);
        foreach (var currency in currencies)
        {
            var exposed = ExposureByPartner(context, currency);
            var exposure = exposed.Values.Sum();
            var total = financing.Total.Amount;

            decimal? lowerBound = null;
            decimal? upperBound = null;
            string? breaksOnFall = null;
            string? breaksOnRise = null;
            var alreadyFailing = false;
            foreach (var constraint in constraints)
            {
                var group = constraint.GroupTotal(financing);
                var groupExposed = constraint.PartnerIds.Sum(id => exposed.GetValueOrDefault(id));
                var a = group - groupExposed;
                var b = groupExposed;
                var limit = constraint.Limit.Fraction;
                var fixedTotal = total - exposure;

                // Minimum: (a + k·b) − l·(A + k·B) ≥ 0; maximum: l·(A + k·B) − (a + k·b) ≥ 0.
                var alpha = constraint.IsMinimum ? a - (limit * fixedTotal) : (limit * fixedTotal) - a;
                var beta = constraint.IsMinimum ? b - (limit * exposure) : (limit * exposure) - b;
                if (alpha + beta < 0m)
                {
                    alreadyFailing = true;
                    break;
                }

                if (beta == 0m)
                {
                    continue;
                }

                var k = -alpha / beta;
                if (beta > 0m && k > 0m && (lowerBound is null || k > lowerBound))
                {
                    lowerBound = k;
                    breaksOnFall = constraint.Title;
                }
                else if (beta < 0m && (upperBound is null || k < upperBound))
                {
                    upperBound = k;
                    breaksOnRise = constraint.Title;
                }
            }

            var exposureShare = Percentage.Of(exposure, total);
            results.Add(alreadyFailing
                ? new CurrencyStress(currency, new Money(exposure, deal.Currency), exposureShare, null, "already fails a share rule", null, "already fails a share rule")
                : new CurrencyStress(
                    currency, new Money(exposure, deal.Currency), exposureShare,
                    lowerBound is { } low ? new Percentage((1m - low) * 100m) : null, breaksOnFall,
                    upperBound is { } high ? new Percentage((high - 1m) * 100m) : null, breaksOnRise));
        }

        return results;
    }

    private static Dictionary<Guid, decimal> ExposureByPartner(EvaluationContext context, CurrencyCode currency) =>
        context.Deal.Contributions
            .Where(c => c.Amount.Currency == currency)
            .GroupBy(c => c.PartnerId)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.InDealCurrency(context.Deal.Currency).Amount));
}
