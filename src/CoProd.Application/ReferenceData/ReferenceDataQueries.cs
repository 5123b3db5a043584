using CoProd.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.ReferenceData;

public sealed record CodeName(string Code, string Name);

/// <summary>Countries and currencies for pickers: active ones, by name.</summary>
public sealed class ReferenceDataQueries
{
    private readonly IApplicationDbContext _db;
    private IReadOnlyList<CodeName>? _countries;
    private IReadOnlyList<CodeName>? _currencies;

    public ReferenceDataQueries(IApplicationDbContext db) => _db = db;

    public async Task<IReadOnlyList<CodeName>> CountriesAsync(CancellationToken cancellationToken) =>
        _countries ??= (await _db.Countries.AsNoTracking().Where(c => c.IsActive).Select(c => new { c.Code, c.Name }).ToListAsync(cancellationToken))
            .Select(c => new CodeName(c.Code.Value, c.Name)).OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();

    public async Task<IReadOnlyList<CodeName>> CurrenciesAsync(CancellationToken cancellationToken) =>
        _currencies ??= (await _db.Currencies.AsNoTracking().Where(c => c.IsActive).Select(c => new { c.Code, c.Name }).ToListAsync(cancellationToken))
            .Select(c => new CodeName(c.Code.Value, c.Name)).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();

    public async Task<IReadOnlyList<CodeName>> TreatiesAsync(CancellationToken cancellationToken) =>
        (await _db.Treaties.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Code, t.Name }).ToListAsync(cancellationToken))
            .Select(t => new CodeName(t.Code, t.Name)).ToList();
}
