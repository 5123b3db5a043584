namespace CoProd.Domain.Audit;

/// <summary>
/// One recorded change: who, when, what (area, entity, field), old and new value. The table is append-only: the
/// app never updates or deletes a row, and the database refuses it.
/// </summary>
public sealed class AuditEntry
{
    public const int AreaMaxLength = 40;
    public const int KeyMaxLength = 100;
    public const int FieldMaxLength = 300;
    public const int ValueMaxLength = 4000;
    public const int ActionMaxLength = 40;
    public const int UserNameMaxLength = 200;

    private AuditEntry()
    {
        Area = null!;
        EntityKey = null!;
        Action = null!;
        Field = null!;
        UserName = null!;
    }

    public AuditEntry(DateTimeOffset at, Guid? userId, string userName, string area, string entityKey, Guid? dealId, string action, string field, string? oldValue, string? newValue)
    {
        At = at;
        UserId = userId;
        UserName = Cut(userName, UserNameMaxLength)!;
        Area = Cut(area, AreaMaxLength)!;
        EntityKey = Cut(entityKey, KeyMaxLength)!;
        DealId = dealId;
        Action = Cut(action, ActionMaxLength)!;
        Field = Cut(field, FieldMaxLength)!;
        OldValue = Cut(oldValue, ValueMaxLength);
        NewValue = Cut(newValue, ValueMaxLength);
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; }

    /// <summary>"deal", "treaty", "country", "currency", "exchange-rate", "catalogue", "user" …</summary>
    public string Area { get; private set; }

    /// <summary>The changed thing's key within its area (a deal id, a treaty code, a country code …).</summary>
    public string EntityKey { get; private set; }

    public Guid? DealId { get; private set; }

    /// <summary>"created", "changed", "removed", "submitted for review" …</summary>
    public string Action { get; private set; }

    /// <summary>What changed, in words ("Decision rights › Final cut").</summary>
    public string Field { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    private static string? Cut(string? value, int max) =>
        value is null ? null : value.Length <= max ? value : value[..(max - 1)] + "…";
}
