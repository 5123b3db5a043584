using CoProd.Application.Common;
using CoProd.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.ReferenceData;

/// <summary>
/// A rate on record to suggest for a contribution: units of <see cref="To"/> for one unit of <see cref="From"/>,
/// from the rate recorded on <see cref="On"/>. <see cref="Inverted"/> when it was recorded the other way round.
/// </summary>
public sealed record RateSuggestion(string From, string To, decimal Rate, DateOnly On, string Source, bool Inverted);

/// <summary>One exchange rate as the admin pages and the API list it.</summary>
public sealed record ExchangeRateRow(Guid Id, DateOnly On, string Base, string Quote, decimal Rate, string Source, string EnteredBy, DateTimeOffset EnteredAt);

/// <summary>Filters for the list of rates; any left empty does not filter.</summary>
public sealed record ExchangeRateFilter(string? Base = null, string? Quote = null, DateOnly? From = null, DateOnly? To = null, int Limit = 200);

/// <summary>
/// Reads the exchange rates admins keep. A suggestion is read-only: the contribution form offers it, the producer
/// decides, and the contribution stores the rate it locks (newer rates never change it).
/// </summary>
public sealed class ExchangeRateQueries
{
    private readonly IApplicationDbContext _db;

    public ExchangeRateQueries(IApplicationDbContext db) => _db = db;

    /// <summary>
    /// The latest rate on or before <paramref name="date"/> to convert <paramref name="from"/> into
    /// <paramref name="to"/> (recorded either way round; the direct one wins on the same day), or null when none
    /// is on record or the currencies are the same.
    /// </summary>
    public async Task<RateSuggestion?> RateOnAsync(string from, string to, DateOnly date, CancellationToken cancellationToken)
    {
        if (!CurrencyCode.TryFrom(from, out var fromCode) || !CurrencyCode.TryFrom(to, out var toCode) || fromCode == toCode)
        {
            return null;
        }

        var candidates = await _db.ExchangeRates.AsNoTracking()
            .Where(r => r.On <= date && ((r.BaseCurrency == fromCode && r.QuoteCurrency == toCode) || (r.BaseCurrency == toCode && r.QuoteCurrency == fromCode)))
            .OrderByDescending(r => r.On)
            .Take(2)
            .ToListAsync(cancellationToken);
        var best = candidates
            .OrderByDescending(r => r.On)
            .ThenByDescending(r => r.BaseCurrency == fromCode)
            .FirstOrDefault();
        return best is null
            ? null
            : new RateSuggestion(fromCode.Value, toCode.Value, best.Converting(fromCode, toCode), best.On, best.Source, best.BaseCurrency != fromCode);
    }

    public async Task<IReadOnlyList<ExchangeRateRow>> ListAsync(ExchangeRateFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = _db.ExchangeRates.AsNoTracking();
        if (CurrencyCode.TryFrom(filter.Base, out var baseCode))
        {
            query = query.Where(r => r.BaseCurrency == baseCode);
        }

        if (CurrencyCode.TryFrom(filter.Quote, out var quoteCode))
        {
            query = query.Where(r => r.QuoteCurrency == quoteCode);
        }

        if (filter.From is { } first)
        {
            query = query.Where(r => r.On >= first);
        }

        if (filter.To is { } last)
        {
            query = query.Where(r => r.On <= last);
        }

        var rates = await query.OrderByDescending(r => r.On).ThenBy(r => r.BaseCurrency).ThenBy(r => r.QuoteCurrency)
            .Take(Math.Clamp(filter.Limit, 1, 1000)).ToListAsync(cancellationToken);
        return [.. rates.Select(r => new ExchangeRateRow(r.Id, r.On, r.BaseCurrency.Value, r.QuoteCurrency.Value, r.Rate, r.Source, r.EnteredBy, r.EnteredAt))];
    }
}
