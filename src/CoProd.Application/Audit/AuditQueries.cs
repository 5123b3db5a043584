using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Application.Users;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.Audit;

/// <summary>Filters of a deal's history: text in what changed (or the action), a person, and dates (UTC days, inclusive).</summary>
public sealed record AuditQuery(string? Text = null, string? Person = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 200;
}

public sealed record AuditRow(long Id, DateTimeOffset At, string UserName, string Action, string Field, string? OldValue, string? NewValue)
{
    /// <summary>What the change was to, for trails that mix things (reference data): e.g. "country FR".</summary>
    public string? Subject { get; init; }
}

public sealed record AuditPage(IReadOnlyList<AuditRow> Items, int Total, int Page, int PageSize, IReadOnlyList<string> People)
{
    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}

/// <summary>
/// Reads audit trails newest first, filtered and paged in the database: a deal's for its members, and that of
/// reference data and accounts for admins.
/// </summary>
public sealed class AuditQueries
{
    private readonly IApplicationDbContext _db;
    private readonly DealStore _store;
    private readonly ICurrentUser _user;
    private readonly IUserDirectory _users;

    public AuditQueries(IApplicationDbContext db, DealStore store, ICurrentUser user, IUserDirectory users)
    {
        _db = db;
        _store = store;
        _user = user;
        _users = users;
    }

    public async Task<AuditPage> ForDealAsync(Guid dealId, AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckDates(query);
        await _store.RoleAsync(dealId, cancellationToken);
        return await PageAsync(_db.AuditEntries.AsNoTracking().Where(a => a.DealId == dealId), query, withSubject: false, cancellationToken);
    }

    /// <summary>
    /// The trail of reference data and accounts (admins only): treaties, countries, currencies, exchange rates,
    /// catalogues and users, or one of those areas; filtered and paged like a deal's.
    /// </summary>
    public async Task<AuditPage> ForReferenceDataAsync(string? area, AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        AccessDeniedException.UnlessAdmin(_user);
        CheckDates(query);
        if (area is not null && !Admin.AdminQueries.Areas.Contains(area))
        {
            throw new RequestValidationException("area", $"Use one of {string.Join(", ", Admin.AdminQueries.Areas)}.");
        }

        var areas = area is null ? Admin.AdminQueries.Areas.ToList() : [area];
        var page = await PageAsync(_db.AuditEntries.AsNoTracking().Where(a => areas.Contains(a.Area) && a.DealId == null), query, withSubject: true, cancellationToken);

        // Accounts are recorded by id: say whose.
        static Guid? Account(AuditRow row) =>
            row.Subject is { } subject && subject.StartsWith("user ", StringComparison.Ordinal) && Guid.TryParse(subject["user ".Length..], out var id) ? id : null;
        var ids = page.Items.Select(Account).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return page;
        }

        var names = await _users.GetAsync(ids, cancellationToken);
        return page with
        {
            Items = [.. page.Items.Select(r => Account(r) is { } id && names.TryGetValue(id, out var user) ? r with { Subject = $"user {user.DisplayName} <{user.Email}>" } : r)],
        };
    }

    private static void CheckDates(AuditQuery query)
    {
        if (query.From is { } from && query.To is { } to && to < from)
        {
            throw new RequestValidationException("to", "The end date is before the start date.");
        }
    }

    private static async Task<AuditPage> PageAsync(IQueryable<Domain.Audit.AuditEntry> trail, AuditQuery query, bool withSubject, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize);
        var people = await trail.Select(a => a.UserName).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim().ToLower();
            trail = trail.Where(a => a.Field.ToLower().Contains(text) || a.Action.ToLower().Contains(text) || (withSubject && a.EntityKey.ToLower().Contains(text)));
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
            .Select(a => new AuditRow(a.Id, a.At, a.UserName, a.Action, a.Field, a.OldValue, a.NewValue) { Subject = withSubject ? a.Area + " " + a.EntityKey : null })
            .ToListAsync(cancellationToken);
        return new AuditPage(items, total, page, pageSize, people);
    }
}
