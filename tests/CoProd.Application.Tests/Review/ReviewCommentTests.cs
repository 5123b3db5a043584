using CoProd.Application.Common;
using CoProd.Application.Review;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Infrastructure.Persistence;
using CoProd.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProd.Application.Tests.Review;

public sealed class ReviewCommentTests : IClassFixture<ServiceHarness>, IAsyncLifetime
{
    private readonly ServiceHarness _app;
    private DealCast _cast = null!;

    public ReviewCommentTests(ServiceHarness app) => _app = app;

    public async Task InitializeAsync() => _cast = await DealCast.ForAsync(_app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_comment_is_anchored_to_a_term_and_replies_join_its_thread_oldest_first()
    {
        var id = await _cast.DealInAsync(DealStatus.InLegalReview);

        var thread = await Comment(_cast.Reviewer, id, new CommentInput { Anchor = "decisions:final-cut", Body = "Who breaks a deadlock on the cut?" });
        var reply = await Comment(_cast.Owner, id, new CommentInput { ParentId = thread, Body = "Tokyo Anima has the casting vote." });
        await Comment(_cast.Reviewer, id, new CommentInput { ParentId = reply, Body = "Then say so in the rule." });

        var threads = await Threads(_cast.Viewer, id, includeResolved: false);
        var only = Assert.Single(threads);
        Assert.Equal(("decisions:final-cut", "Decision rights › Final cut", "Rita Reviewer"), (only.Anchor, only.AnchorLabel, only.AuthorName));
        Assert.Equal(["Tokyo Anima has the casting vote.", "Then say so in the rule."], only.Replies.Select(r => r.Body));
        Assert.False(only.IsChangeRequest);
    }

    [Fact]
    public async Task Viewers_read_the_discussion_but_do_not_comment()
    {
        var id = await _cast.NewDealAsync();

        var error = await Assert.ThrowsAsync<DealAccessException>(() => Comment(_cast.Viewer, id, new CommentInput { Anchor = "deal", Body = "Looks good." }));

        Assert.Contains("Viewers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_is_not_a_member_gets_not_found_for_the_discussion()
    {
        var id = await _cast.NewDealAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => Threads(_cast.Outsider, id, includeResolved: true));
        await Assert.ThrowsAsync<NotFoundException>(() => Comment(_cast.Outsider, id, new CommentInput { Anchor = "deal", Body = "Hello" }));
    }

    [Theory]
    [InlineData(null, "Write it", "anchor")]
    [InlineData("somewhere", "Write it", "anchor")]
    [InlineData("decisions:no-such-domain", "Write it", "anchor")]
    [InlineData("legal:law", "", "body")]
    [InlineData("legal:law", null, "body")]
    public async Task A_comment_needs_a_known_anchor_and_a_body(string? anchor, string? body, string field)
    {
        var id = await _cast.NewDealAsync();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => Comment(_cast.Owner, id, new CommentInput { Anchor = anchor, Body = body }));

        Assert.Contains(field, error.Errors.Keys);
    }

    [Fact]
    public async Task Only_a_reviewer_marks_a_requested_change_and_only_while_the_deal_is_in_review()
    {
        var draft = await _cast.NewDealAsync();
        var inReview = await _cast.DealInAsync(DealStatus.InLegalReview);

        await Assert.ThrowsAsync<DealAccessException>(() => Comment(_cast.Owner, inReview, new CommentInput { Anchor = "partners", Body = "Change it", ChangeRequest = true }));
        await Assert.ThrowsAsync<DealAccessException>(() => Comment(_cast.Reviewer, draft, new CommentInput { Anchor = "partners", Body = "Change it", ChangeRequest = true }));
        await Comment(_cast.Reviewer, inReview, new CommentInput { Anchor = "legal:law", Body = "Choose a governing law.", ChangeRequest = true });

        _app.User.ActAs(_cast.Owner);
        var open = await _cast.InScope<ReviewService, IReadOnlyList<CommentThread>>(s => s.OpenChangeRequestsAsync(inReview, CancellationToken.None));
        Assert.Equal("Legal terms › Governing law: Choose a governing law.", Assert.Single(open) is var r ? $"{r.AnchorLabel}: {r.Body}" : null);
    }

    [Fact]
    public async Task A_requested_change_is_resolved_and_reopened_by_a_reviewer_not_by_the_producers()
    {
        var id = await _cast.DealInAsync(DealStatus.InLegalReview);
        var request = await Comment(_cast.Reviewer, id, new CommentInput { Anchor = "legal:law", Body = "Choose a governing law.", ChangeRequest = true });

        await Assert.ThrowsAsync<DealAccessException>(() => Settle(_cast.Owner, id, request, resolve: true));
        await Settle(_cast.Reviewer, id, request, resolve: true);
        var resolved = Assert.Single(await Threads(_cast.Owner, id, includeResolved: true));
        Assert.Equal((true, "Rita Reviewer", false), (resolved.Resolved, resolved.ResolvedBy, resolved.CanSettle));
        Assert.Empty(await Threads(_cast.Owner, id, includeResolved: false));

        await Settle(_cast.Reviewer, id, request, resolve: false);
        Assert.False(Assert.Single(await Threads(_cast.Owner, id, includeResolved: false)).Resolved);
        var again = await Assert.ThrowsAsync<DomainException>(() => Settle(_cast.Reviewer, id, request, resolve: false));
        Assert.Contains("already open", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ordinary_comment_is_settled_by_its_author_an_owner_or_a_reviewer()
    {
        var id = await _cast.NewDealAsync();
        var byEditor = await Comment(_cast.Editor, id, new CommentInput { Anchor = "people", Body = "Do we have a composer?" });

        Assert.True(Assert.Single(await Threads(_cast.Editor, id, includeResolved: false)).CanSettle);
        Assert.False(Assert.Single(await Threads(_cast.Viewer, id, includeResolved: false)).CanSettle);
        await Assert.ThrowsAsync<DealAccessException>(() => Settle(_cast.Viewer, id, byEditor, resolve: true));
        await Settle(_cast.Owner, id, byEditor, resolve: true);
        await Settle(_cast.Editor, id, byEditor, resolve: false);
        await Settle(_cast.Reviewer, id, byEditor, resolve: true);

        Assert.True(Assert.Single(await Threads(_cast.Owner, id, includeResolved: true)).Resolved);
    }

    [Fact]
    public async Task Comments_and_their_resolution_are_audited()
    {
        var id = await _cast.DealInAsync(DealStatus.InLegalReview);

        var request = await Comment(_cast.Reviewer, id, new CommentInput { Anchor = "legal:credits", Body = "Add the credits clause.", ChangeRequest = true });
        await Comment(_cast.Owner, id, new CommentInput { ParentId = request, Body = "On it." });
        await Settle(_cast.Reviewer, id, request, resolve: true);

        var rows = await _app.InScopeAsync(s => s.GetRequiredService<CoProdDbContext>().AuditEntries.Where(a => a.DealId == id && a.Field.StartsWith("Review")).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(
            [
                ("requested a change", "Review › Legal terms › Credits", null, "Add the credits clause.", "Rita Reviewer"),
                ("replied to a comment", "Review › Legal terms › Credits", null, "On it.", "Olivia Owner"),
                ("resolved requested change", "Review › Legal terms › Credits › “Add the credits clause.”", "open", "resolved", "Rita Reviewer"),
            ],
            rows.Select(r => (r.Action, r.Field, r.OldValue, r.NewValue, r.UserName)));
    }

    private async Task<Guid> Comment(TestUser user, Guid dealId, CommentInput input)
    {
        _app.User.ActAs(user);
        return await _cast.InScope<ReviewService, Guid>(s => s.AddAsync(dealId, input, CancellationToken.None));
    }

    private async Task<IReadOnlyList<CommentThread>> Threads(TestUser user, Guid dealId, bool includeResolved)
    {
        _app.User.ActAs(user);
        return await _cast.InScope<ReviewService, IReadOnlyList<CommentThread>>(s => s.ThreadsAsync(dealId, includeResolved, CancellationToken.None));
    }

    private async Task Settle(TestUser user, Guid dealId, Guid threadId, bool resolve)
    {
        _app.User.ActAs(user);
        await _app.InScopeAsync(s => resolve
            ? s.GetRequiredService<ReviewService>().ResolveAsync(dealId, threadId, CancellationToken.None)
            : s.GetRequiredService<ReviewService>().ReopenAsync(dealId, threadId, CancellationToken.None));
    }
}
