using CoProd.Domain.Common;

namespace CoProd.Domain.Review;

/// <summary>
/// A comment on a deal, anchored to a section or a term ("legal", "decisions:final-cut"), with threaded replies.
/// A reviewer's comment may be a requested change, which stays open until resolved.
/// </summary>
public sealed class ReviewComment
{
    public const int BodyMaxLength = 4000;
    public const int AnchorMaxLength = 100;

    private ReviewComment()
    {
        Anchor = null!;
        Body = null!;
        AuthorName = null!;
    }

    public ReviewComment(Guid id, Guid dealId, Guid? parentId, string anchor, string body, bool isChangeRequest, Guid authorId, string authorName, DateTimeOffset createdAt)
    {
        var trimmedAnchor = anchor?.Trim().ToLowerInvariant() ?? string.Empty;
        if (trimmedAnchor.Length is 0 or > AnchorMaxLength)
        {
            throw new DomainException("Say which part of the deal the comment is about.");
        }

        var trimmed = body?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > BodyMaxLength)
        {
            throw new DomainException($"A comment needs 1 to {BodyMaxLength} characters.");
        }

        Id = id;
        DealId = dealId;
        ParentId = parentId;
        Anchor = trimmedAnchor;
        Body = trimmed;
        IsChangeRequest = isChangeRequest && parentId is null;
        AuthorId = authorId;
        AuthorName = authorName;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid DealId { get; private set; }

    /// <summary>The comment this one replies to; replies share their thread's resolution.</summary>
    public Guid? ParentId { get; private set; }

    public string Anchor { get; private set; }

    public string Body { get; private set; }

    public bool IsChangeRequest { get; private set; }

    public Guid AuthorId { get; private set; }

    public string AuthorName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? ResolvedByName { get; private set; }

    public bool IsResolved => ResolvedAt is not null;

    public uint Version { get; private set; }

    public void Resolve(string byName, DateTimeOffset at)
    {
        if (ParentId is not null)
        {
            throw new DomainException("Resolve the thread, not a reply.");
        }

        ResolvedAt = at;
        ResolvedByName = byName;
    }

    public void Reopen()
    {
        ResolvedAt = null;
        ResolvedByName = null;
    }
}
