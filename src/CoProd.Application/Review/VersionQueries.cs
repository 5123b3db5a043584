using System.Text.Json;
using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.Review;

/// <summary>A kept version of a deal: the workflow step that took it, who, when, and their note.</summary>
public sealed record VersionSummary(int Number, DealStatus FromStatus, DealStatus ToStatus, DateTimeOffset CreatedAt, Guid CreatedBy, string CreatedByName, string? Note)
{
    /// <summary>"in legal review → changes requested", in the words of the status badges.</summary>
    public string Step => StepWords(FromStatus, ToStatus);

    public static string StepWords(DealStatus from, DealStatus to) => $"{DealFacts.Words(Enums.Name(from))} → {DealFacts.Words(Enums.Name(to))}";

    /// <summary>A reviewer's decision (changes requested, approval, reopening), as opposed to a producer's step.</summary>
    public bool IsReviewerStep =>
        (FromStatus == DealStatus.InLegalReview && ToStatus is DealStatus.ChangesRequested or DealStatus.Approved)
        || (FromStatus == DealStatus.Approved && ToStatus == DealStatus.ChangesRequested);
}

/// <summary>The changes within one section of the deal ("Decision rights"), in the order the deal lists them.</summary>
public sealed record SectionChanges(string Section, IReadOnlyList<FieldChange> Changes);

/// <summary>Two states of a deal compared field by field: a version against another version, or against the deal now.</summary>
public sealed record VersionComparison(int From, int? To, string FromLabel, string ToLabel, IReadOnlyList<SectionChanges> Sections)
{
    public int Count => Sections.Sum(s => s.Changes.Count);
}

/// <summary>
/// Reads a deal's kept versions and compares any two of them (or one with the deal as it stands) in plain words:
/// "Decision rights › Final cut: Tokyo Anima alone → joint (Tokyo Anima, Pacific Pictures)".
/// </summary>
public sealed class VersionQueries
{
    private readonly IApplicationDbContext _db;
    private readonly DealStore _store;

    public VersionQueries(IApplicationDbContext db, DealStore store)
    {
        _db = db;
        _store = store;
    }

    /// <summary>The deal's versions, newest first.</summary>
    public async Task<IReadOnlyList<VersionSummary>> ListAsync(Guid dealId, CancellationToken cancellationToken)
    {
        await _store.RoleAsync(dealId, cancellationToken);
        return await _db.DealVersions.AsNoTracking()
            .Where(v => v.DealId == dealId)
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionSummary(v.Number, v.FromStatus, v.ToStatus, v.CreatedAt, v.CreatedBy, v.CreatedByName, v.Note))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The deal as it was kept in version <paramref name="number"/>.</summary>
    public async Task<DealDocument> SnapshotAsync(Guid dealId, int number, CancellationToken cancellationToken)
    {
        await _store.RoleAsync(dealId, cancellationToken);
        return await LoadAsync(dealId, number, cancellationToken);
    }

    /// <summary>
    /// The version "my last review" refers to for the current user: the last one their own step created; failing
    /// that, the last reviewer's decision; failing that, the latest version. Null while the deal has none.
    /// </summary>
    public static int? LastReviewOf(IReadOnlyList<VersionSummary> versions, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var newestFirst = versions.OrderByDescending(v => v.Number).ToList();
        return (newestFirst.Find(v => v.CreatedBy == userId)
            ?? newestFirst.Find(v => v.IsReviewerStep)
            ?? newestFirst.FirstOrDefault())?.Number;
    }

    /// <summary>
    /// Compares version <paramref name="from"/> with version <paramref name="to"/>, or with the deal as it stands
    /// when <paramref name="to"/> is null.
    /// </summary>
    public async Task<VersionComparison> CompareAsync(Guid dealId, int from, int? to, CancellationToken cancellationToken)
    {
        var deal = await _store.LoadAsync(dealId, tracking: false, cancellationToken);
        var before = await LoadAsync(dealId, from, cancellationToken);
        var after = to is { } number ? await LoadAsync(dealId, number, cancellationToken) : DealDocument.From(deal);
        var names = await _store.CatalogueNamesAsync(cancellationToken);
        var summaries = await _db.DealVersions.AsNoTracking().Where(v => v.DealId == dealId && (v.Number == from || v.Number == to))
            .Select(v => new VersionSummary(v.Number, v.FromStatus, v.ToStatus, v.CreatedAt, v.CreatedBy, v.CreatedByName, v.Note))
            .ToListAsync(cancellationToken);

        var changes = DealFacts.Compare(before, after, names);
        var sections = changes.GroupBy(c => c.Section).Select(g => new SectionChanges(g.Key, [.. g])).ToList();
        return new VersionComparison(from, to, Label(summaries.First(s => s.Number == from)),
            to is { } n ? Label(summaries.First(s => s.Number == n)) : "the deal now", sections);
    }

    private static string Label(VersionSummary version) =>
        $"version {version.Number} ({DealFacts.Words(Enums.Name(version.ToStatus))}, {version.CreatedAt:d MMM yyyy HH:mm} UTC, by {version.CreatedByName})";

    private async Task<DealDocument> LoadAsync(Guid dealId, int number, CancellationToken cancellationToken)
    {
        var snapshot = await _db.DealVersions.AsNoTracking()
            .Where(v => v.DealId == dealId && v.Number == number)
            .Select(v => v.Snapshot)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"This deal has no version {number}.");
        return JsonSerializer.Deserialize<DealDocument>(snapshot, Json.Options)
            ?? throw new DomainException($"Version {number} of this deal could not be read.");
    }
}
