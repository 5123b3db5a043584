using CoProd.Domain.Deals;

namespace CoProd.Domain.Review;

/// <summary>
/// An immutable copy of a deal taken at a workflow step (submitted, changes requested, approved, signed …): the
/// basis of "what changed since my last review". The snapshot is the deal's JSON document.
/// </summary>
public sealed class DealVersion
{
    public const int NoteMaxLength = 2000;

    private DealVersion()
    {
        Snapshot = null!;
        CreatedByName = null!;
    }

    public DealVersion(Guid id, Guid dealId, int number, DealStatus fromStatus, DealStatus toStatus, string snapshot, DateTimeOffset createdAt, Guid createdBy, string createdByName, string? note)
    {
        Id = id;
        DealId = dealId;
        Number = number;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        Snapshot = snapshot;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
        CreatedByName = createdByName;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, NoteMaxLength)];
    }

    public Guid Id { get; private set; }

    public Guid DealId { get; private set; }

    public int Number { get; private set; }

    public DealStatus FromStatus { get; private set; }

    public DealStatus ToStatus { get; private set; }

    public string Snapshot { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public string CreatedByName { get; private set; }

    public string? Note { get; private set; }
}
