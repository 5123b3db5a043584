using CoProd.Application.Common;
using CoProd.Domain.Treaties;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.Treaties;

/// <summary>A treaty at a glance: where it stands on a date and which rules apply then.</summary>
public sealed record TreatySummary(
    string Code, string Name, string Kind, IReadOnlyList<string> Parties, DateOnly? InForceFrom, DateOnly? TerminatedOn,
    string Status, int? CurrentVersion, DateOnly? CurrentVersionEffectiveFrom, int Versions);

/// <summary>A treaty in full, in the interchange format, with the version in effect on the date.</summary>
public sealed record TreatyDetails(TreatySummary Summary, TreatyDto Treaty);

/// <summary>Read side of the treaty tables, for the API and the pages.</summary>
public sealed class TreatyQueries
{
    private readonly IApplicationDbContext _db;

    public TreatyQueries(IApplicationDbContext db) => _db = db;

    public async Task<IReadOnlyList<TreatySummary>> ListAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var treaties = await _db.Treaties.AsNoTracking().Include(t => t.RuleVersions)
            .OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return [.. treaties.Select(t => Summary(t, date))];
    }

    public async Task<TreatyDetails> GetAsync(string code, DateOnly date, CancellationToken cancellationToken)
    {
        var normalized = code?.Trim().ToLowerInvariant() ?? string.Empty;
        var treaty = await _db.Treaties.AsNoTracking().Include(t => t.RuleVersions)
            .FirstOrDefaultAsync(t => t.Code == normalized, cancellationToken)
            ?? throw new NotFoundException($"There is no treaty with the code '{code}'.");
        return new TreatyDetails(Summary(treaty, date), TreatyDocumentMapper.ToDto(treaty));
    }

    public static TreatySummary Summary(Treaty treaty, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        var current = treaty.RulesOn(date);
        var status = treaty.TerminatedOn is { } end && date >= end ? "ended"
            : treaty.InForceFrom is { } start && date < start ? "notYetInForce"
            : treaty.InForceFrom is null ? "inForceDateNotOnRecord"
            : "inForce";
        return new TreatySummary(
            treaty.Code, treaty.Name, Enums.Name(treaty.Kind), [.. treaty.Parties.Select(p => p.Country.Value).Order(StringComparer.Ordinal)],
            treaty.InForceFrom, treaty.TerminatedOn, status, current?.Number, current?.EffectiveFrom, treaty.RuleVersions.Count);
    }
}
