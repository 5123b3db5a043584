using CoProd.Application.Audit;
using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Application.Users;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.Review;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.Review;

/// <summary>A comment or a reply, with what the current user may do with it.</summary>
public sealed record CommentReply(Guid Id, string Body, Guid AuthorId, string AuthorName, DateTimeOffset CreatedAt);

/// <summary>A thread: the comment anchored to a part of the deal, its replies (oldest first), and whether it is settled.</summary>
public sealed record CommentThread(
    Guid Id,
    string Anchor,
    string AnchorLabel,
    string Body,
    bool IsChangeRequest,
    Guid AuthorId,
    string AuthorName,
    DateTimeOffset CreatedAt,
    bool Resolved,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    bool CanSettle,
    IReadOnlyList<CommentReply> Replies);

/// <summary>A new comment, or a reply when <see cref="ParentId"/> names the thread.</summary>
public sealed class CommentInput
{
    public string? Anchor { get; set; }

    public string? Body { get; set; }

    public Guid? ParentId { get; set; }

    /// <summary>A reviewer's requested change: it stays open until resolved, and blocks approval meanwhile.</summary>
    public bool ChangeRequest { get; set; }
}

public sealed class CommentInputValidator : AbstractValidator<CommentInput>
{
    public CommentInputValidator(CatalogueNames names)
    {
        RuleFor(c => c.Body).NotEmpty().WithMessage("Write the comment.")
            .MaximumLength(ReviewComment.BodyMaxLength).WithMessage($"A comment has at most {ReviewComment.BodyMaxLength} characters.");
        RuleFor(c => c.Anchor).Must(a => ReviewAnchors.IsValid(a, names)).When(c => c.ParentId is null)
            .WithMessage("Choose the part of the deal the comment is about.");
    }
}

/// <summary>
/// The discussion of a deal: comments anchored to a section or term, threaded replies, resolve and reopen, and a
/// reviewer's requested changes. Comments are business data: each one, and each change of state, is audited.
/// </summary>
public sealed class ReviewService
{
    private readonly IApplicationDbContext _db;
    private readonly DealStore _store;
    private readonly ICurrentUser _user;
    private readonly AuditTrail _audit;

    public ReviewService(IApplicationDbContext db, DealStore store, ICurrentUser user, AuditTrail audit)
    {
        _db = db;
        _store = store;
        _user = user;
        _audit = audit;
    }

    /// <summary>The deal's threads, newest first: open ones only unless <paramref name="includeResolved"/>.</summary>
    public async Task<IReadOnlyList<CommentThread>> ThreadsAsync(Guid dealId, bool includeResolved, CancellationToken cancellationToken)
    {
        var deal = await _store.LoadAsync(dealId, tracking: false, cancellationToken);
        var names = await _store.CatalogueNamesAsync(cancellationToken);
        var roots = _db.ReviewComments.AsNoTracking().Where(c => c.DealId == dealId && c.ParentId == null);
        if (!includeResolved)
        {
            roots = roots.Where(c => c.ResolvedAt == null);
        }

        var threads = await roots.OrderByDescending(c => c.CreatedAt).ToListAsync(cancellationToken);
        var ids = threads.Select(t => t.Id).ToList();
        var replies = (await _db.ReviewComments.AsNoTracking().Where(c => c.ParentId != null && ids.Contains(c.ParentId.Value)).ToListAsync(cancellationToken))
            .OrderBy(r => r.CreatedAt)
            .ToLookup(r => r.ParentId!.Value);
        var me = _store.UserId;
        return [.. threads.Select(t => new CommentThread(
            t.Id, t.Anchor, ReviewAnchors.Label(t.Anchor, names), t.Body, t.IsChangeRequest, t.AuthorId, t.AuthorName, t.CreatedAt,
            t.IsResolved, t.ResolvedAt, t.ResolvedByName, deal.CanSettle(t.AuthorId, t.IsChangeRequest, me),
            [.. replies[t.Id].Select(r => new CommentReply(r.Id, r.Body, r.AuthorId, r.AuthorName, r.CreatedAt))]))];
    }

    /// <summary>Requested changes not resolved yet, oldest first: what the deal still has to do before approval.</summary>
    public async Task<IReadOnlyList<CommentThread>> OpenChangeRequestsAsync(Guid dealId, CancellationToken cancellationToken) =>
        [.. (await ThreadsAsync(dealId, includeResolved: false, cancellationToken)).Where(t => t.IsChangeRequest).OrderBy(t => t.CreatedAt)];

    /// <summary>Adds a comment (or a reply); returns its id.</summary>
    public async Task<Guid> AddAsync(Guid dealId, CommentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var deal = await _store.LoadAsync(dealId, tracking: false, cancellationToken);
        var names = await _store.CatalogueNamesAsync(cancellationToken);
        await DealStore.ValidateAsync(new CommentInputValidator(names), input, cancellationToken);
        deal.Demand(_store.UserId, _store.IsLawyer, DealAction.Comment);

        var anchor = input.Anchor?.Trim().ToLowerInvariant() ?? string.Empty;
        string action;
        if (input.ParentId is { } parentId)
        {
            var parent = await _db.ReviewComments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId && c.DealId == dealId, cancellationToken)
                ?? throw new RequestValidationException("parentId", "The comment you reply to is not in this deal.");

            // Replies join their thread, never another reply: the discussion stays one level deep.
            parentId = parent.ParentId ?? parent.Id;
            input.ParentId = parentId;
            anchor = parent.Anchor;
            action = "replied to a comment";
        }
        else if (input.ChangeRequest)
        {
            deal.Demand(_store.UserId, _store.IsLawyer, DealAction.MarkChangeRequest);
            action = "requested a change";
        }
        else
        {
            action = "commented";
        }

        var comment = new ReviewComment(Guid.NewGuid(), dealId, input.ParentId, anchor, input.Body!, input.ChangeRequest && input.ParentId is null,
            _store.UserId, _user.DisplayName, _store.Now);
        _db.ReviewComments.Add(comment);
        _audit.Record("deal", dealId.ToString(), dealId, action, $"Review › {ReviewAnchors.Label(anchor, names)}", null, comment.Body);
        await _store.SaveAsync(cancellationToken);
        return comment.Id;
    }

    public Task ResolveAsync(Guid dealId, Guid threadId, CancellationToken cancellationToken) =>
        SettleAsync(dealId, threadId, resolve: true, cancellationToken);

    public Task ReopenAsync(Guid dealId, Guid threadId, CancellationToken cancellationToken) =>
        SettleAsync(dealId, threadId, resolve: false, cancellationToken);

    private async Task SettleAsync(Guid dealId, Guid threadId, bool resolve, CancellationToken cancellationToken)
    {
        var deal = await _store.LoadAsync(dealId, tracking: false, cancellationToken);
        var thread = await _db.ReviewComments.FirstOrDefaultAsync(c => c.Id == threadId && c.DealId == dealId, cancellationToken)
            ?? throw new NotFoundException("There is no such comment on this deal.");
        deal.DemandSettle(thread.AuthorId, thread.IsChangeRequest, _store.UserId);
        if (thread.IsResolved == resolve)
        {
            throw new DomainException(resolve ? "That comment is already resolved." : "That comment is already open.");
        }

        if (resolve)
        {
            thread.Resolve(_user.DisplayName, _store.Now);
        }
        else
        {
            thread.Reopen();
        }

        var names = await _store.CatalogueNamesAsync(cancellationToken);
        var what = thread.IsChangeRequest ? "requested change" : "comment";
        _audit.Record("deal", dealId.ToString(), dealId, resolve ? $"resolved {what}" : $"reopened {what}",
            $"Review › {ReviewAnchors.Label(thread.Anchor, names)} › “{Excerpt(thread.Body)}”", resolve ? "open" : "resolved", resolve ? "resolved" : "open");
        await _store.SaveAsync(cancellationToken);
    }

    private static string Excerpt(string body) => body.Length <= 80 ? body : body[..79] + "…";
}
