using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Application.Users;
using CoProd.Domain.Audit;

namespace CoProd.Application.Audit;

/// <summary>
/// Writes audit entries in the same unit of work as the change they describe: who (the current user), when, what,
/// old and new value. Infrastructure refuses to save a change to audited data that brings no audit entry.
/// </summary>
public sealed class AuditTrail
{
    private readonly IApplicationDbContext _db;
    private readonly ICurrentUser _user;
    private readonly TimeProvider _time;

    public AuditTrail(IApplicationDbContext db, ICurrentUser user, TimeProvider time)
    {
        _db = db;
        _user = user;
        _time = time;
    }

    public int Record(string area, string entityKey, Guid? dealId, string action, IEnumerable<FieldChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var count = 0;
        foreach (var change in changes)
        {
            Record(area, entityKey, dealId, action, change.Field, change.Old, change.New);
            count++;
        }

        return count;
    }

    /// <summary>
    /// Records changes made by the system itself rather than a signed-in person (seeding demo data, for example),
    /// under a name that says so: "system (demo data)".
    /// </summary>
    public int RecordBySystem(string systemName, string area, string entityKey, Guid? dealId, string action, IEnumerable<FieldChange> changes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemName);
        ArgumentNullException.ThrowIfNull(changes);
        var now = _time.GetUtcNow();
        var count = 0;
        foreach (var change in changes)
        {
            _db.AuditEntries.Add(new AuditEntry(now, null, systemName, area, entityKey, dealId, action, change.Field, change.Old, change.New));
            count++;
        }

        return count;
    }

    public void Record(string area, string entityKey, Guid? dealId, string action, string field, string? oldValue, string? newValue) =>
        _db.AuditEntries.Add(new AuditEntry(_time.GetUtcNow(), _user.Id, _user.IsAuthenticated ? _user.DisplayName : "system", area, entityKey, dealId, action, field, oldValue, newValue));
}
