using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.Common;

/// <summary>
/// The country and currency codes on record, loaded once per request (scope) for validators. Inactive codes stay
/// valid for existing data; <see cref="IsActiveCountryAsync"/> is for choosing new ones.
/// </summary>
public sealed class ReferenceCodes
{
    private readonly IApplicationDbContext _db;
    private Dictionary<string, bool>? _countries;
    private Dictionary<string, bool>? _currencies;

    public ReferenceCodes(IApplicationDbContext db) => _db = db;

    public async Task<bool> IsCountryAsync(string? code, CancellationToken cancellationToken = default) =>
        code is not null && (await CountriesAsync(cancellationToken)).ContainsKey(code.Trim().ToUpperInvariant());

    public async Task<bool> IsCurrencyAsync(string? code, CancellationToken cancellationToken = default) =>
        code is not null && (await CurrenciesAsync(cancellationToken)).ContainsKey(code.Trim().ToUpperInvariant());

    public async Task<bool> IsActiveCountryAsync(string? code, CancellationToken cancellationToken = default) =>
        code is not null && (await CountriesAsync(cancellationToken)).GetValueOrDefault(code.Trim().ToUpperInvariant());

    public async Task<bool> IsActiveCurrencyAsync(string? code, CancellationToken cancellationToken = default) =>
        code is not null && (await CurrenciesAsync(cancellationToken)).GetValueOrDefault(code.Trim().ToUpperInvariant());

    private async Task<Dictionary<string, bool>> CountriesAsync(CancellationToken cancellationToken) =>
        _countries ??= await _db.Countries.AsNoTracking()
            .Select(c => new { c.Code, c.IsActive })
            .ToDictionaryAsync(c => c.Code.Value, c => c.IsActive, StringComparer.Ordinal, cancellationToken);

    private async Task<Dictionary<string, bool>> CurrenciesAsync(CancellationToken cancellationToken) =>
        _currencies ??= await _db.Currencies.AsNoTracking()
            .Select(c => new { c.Code, c.IsActive })
            .ToDictionaryAsync(c => c.Code.Value, c => c.IsActive, StringComparer.Ordinal, cancellationToken);
}
