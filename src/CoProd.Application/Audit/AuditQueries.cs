using CoProd.Application.Common;
using CoProd.Application.Deals;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.Audit;

/// <summary>Filters of a deal's history: text in what changed (or the action), a person, and dates (UTC days, inclusive).</summary>
public sealed record AuditQuery(string? Text = null, string? Person = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 200;
}

public sealed record AuditRow(long Id, DateTimeOffset At, string UserName, string Action, string Field, string? OldValue, string? NewValue);

public sealed record AuditPage(IReadOnlyList<AuditRow> Items, int Total, int Page, int PageSize, IReadOnlyList<string> People)
{
    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}

/// <summary>Reads a deal's audit trail for its members: newest first, filtered and paged in the database.</summary>
public sealed class AuditQueries
{
    private readonly IApplicationDbContext _db;
    private readonly DealStore _store;

    public AuditQueries(IApplicationDbContext db, DealStore store)
    {
        _db = db;
        _store = store;
    }

    public async Task<AuditPage> ForDealAsync(Guid dealId, AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.From is { } from && query.To is { } to && to < from)
        {
            throw new RequestValidationException("to", "The end date is before the start date.");
        }

        await _store.RoleAsync(dealId, cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize);
        var trail = _db.AuditEntries.AsNoTracking().Where(a => a.DealId == dealId);
        var people = await trail.Select(a => a.UserName).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim().ToLower();
            trail = trail.Where(a => a.Field.ToLower().Contains(text) || a.Action.ToLower().Contains(text));
        }

        if (!string.IsNullOrWhiteSpace(query.Person))
        {
            var person = query.Person.Trim();
            trail = trail.Where(a => a.UserName == person);
        }

        if (query.From is { } start)
        {
            var since = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            trail = trail.Where(a => a.At >= since);
        }

        if (query.To is { } end)
        {
            var before = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            trail = trail.Where(a => a.At < before);
        }

        var total = await trail.CountAsync(cancellationToken);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (int)Math.Ceiling(total / (double)pageSize)));
        var items = await trail.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(a => new AuditRow(a.Id, a.At, a.UserName, a.Action, a.Field, a.OldValue, a.NewValue))
            .ToListAsync(cancellationToken);
        return new AuditPage(items, total, page, pageSize, people);
    }
}
