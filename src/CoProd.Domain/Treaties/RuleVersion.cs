using CoProd.Domain.Common;

namespace CoProd.Domain.Treaties;

/// <summary>
/// A treaty's rules as they stand from <see cref="EffectiveFrom"/>. Drafts can be revised and previewed; once
/// published a version is immutable.
/// </summary>
public sealed class RuleVersion
{
    public const int ChangeNoteMaxLength = 2000;
    public const int AuthorMaxLength = 256;

    private RuleVersion()
    {
        Rules = null!;
    }

    internal RuleVersion(Guid id, Guid treatyId, int number, DateOnly? effectiveFrom, RuleSet rules, string? changeNote, DateTimeOffset createdAt, string? author)
    {
        Id = id;
        TreatyId = treatyId;
        Number = number;
        CreatedAt = createdAt;
        CreatedBy = author;
        Rules = null!;
        Revise(effectiveFrom, rules, changeNote);
    }

    public Guid Id { get; private set; }

    public Guid TreatyId { get; private set; }

    /// <summary>1, 2, 3 … in the order versions were created.</summary>
    public int Number { get; private set; }

    /// <summary>
    /// The date these rules take effect; null for rules in effect since the treaty began when that date is not on
    /// record (a version with a null date applies on any date until a dated version replaces it).
    /// </summary>
    public DateOnly? EffectiveFrom { get; private set; }

    public bool IsEffectiveOn(DateOnly date) => EffectiveFrom is null || EffectiveFrom <= date;

    public RuleSet Rules { get; private set; }

    public string? ChangeNote { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string? CreatedBy { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    public bool IsPublished => PublishedAt is not null;

    internal void Revise(DateOnly? effectiveFrom, RuleSet rules, string? changeNote)
    {
        if (IsPublished)
        {
            throw new DomainException("A published version cannot change; create a new version instead.");
        }

        if (changeNote?.Length > ChangeNoteMaxLength)
        {
            throw new DomainException($"A change note may have at most {ChangeNoteMaxLength} characters.");
        }

        EffectiveFrom = effectiveFrom;
        Rules = rules ?? throw new DomainException("A rule version needs its rules.");
        ChangeNote = string.IsNullOrWhiteSpace(changeNote) ? null : changeNote.Trim();
    }

    internal void Publish(DateTimeOffset now, string? publisher)
    {
        if (IsPublished)
        {
            throw new DomainException("This version is already published.");
        }

        PublishedAt = now;
        PublishedBy = publisher;
    }
}
