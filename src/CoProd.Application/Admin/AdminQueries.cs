using CoProd.Application.Common;
using CoProd.Application.Users;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.Admin;

/// <summary>One line of the audit trail, as the admin pages show it.</summary>
public sealed record AuditLine(DateTimeOffset At, string UserName, string Area, string EntityKey, string Action, string Field, string? OldValue, string? NewValue);

/// <summary>The audit trail of reference data and users: a treaty's history, and the latest changes for the admin landing page.</summary>
public sealed class AdminQueries
{
    /// <summary>The audit areas admins' changes are recorded under.</summary>
    public static readonly IReadOnlyList<string> Areas = ["treaty", "country", "currency", "exchange-rate", "catalogue", "user"];

    private readonly IApplicationDbContext _db;
    private readonly ICurrentUser _user;

    public AdminQueries(IApplicationDbContext db, ICurrentUser user)
    {
        _db = db;
        _user = user;
    }

    /// <summary>Every recorded change to one thing (e.g. area "treaty", key "ca-fr"), newest first.</summary>
    public async Task<IReadOnlyList<AuditLine>> HistoryAsync(string area, string key, int limit, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        return await _db.AuditEntries.AsNoTracking()
            .Where(a => a.Area == area && a.EntityKey == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(limit)
            .Select(a => new AuditLine(a.At, a.UserName, a.Area, a.EntityKey, a.Action, a.Field, a.OldValue, a.NewValue))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The latest changes to reference data and users, newest first.</summary>
    public async Task<IReadOnlyList<AuditLine>> RecentAsync(string? area, int limit, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        var areas = area is null ? Areas.ToList() : [area];
        return await _db.AuditEntries.AsNoTracking()
            .Where(a => areas.Contains(a.Area))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(limit)
            .Select(a => new AuditLine(a.At, a.UserName, a.Area, a.EntityKey, a.Action, a.Field, a.OldValue, a.NewValue))
            .ToListAsync(cancellationToken);
    }
}
