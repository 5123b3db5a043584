using System.Text.Json;
using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Application.Review;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Infrastructure.Persistence;
using CoProd.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoProd.Application.Tests.Review;

public sealed class DealWorkflowTests : IClassFixture<ServiceHarness>, IAsyncLifetime
{
    private readonly ServiceHarness _app;
    private DealCast _cast = null!;

    public DealWorkflowTests(ServiceHarness app) => _app = app;

    public async Task InitializeAsync() => _cast = await DealCast.ForAsync(_app);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Who may move a deal where: every (status, step) pair that anyone may take, and who.</summary>
    private static readonly Dictionary<(DealStatus, DealAction), MemberRole[]> Allowed = new()
    {
        [(DealStatus.Draft, DealAction.SubmitForReview)] = [MemberRole.Owner, MemberRole.Editor],
        [(DealStatus.Draft, DealAction.Archive)] = [MemberRole.Owner],
        [(DealStatus.InLegalReview, DealAction.WithdrawFromReview)] = [MemberRole.Owner],
        [(DealStatus.InLegalReview, DealAction.RequestChanges)] = [MemberRole.Reviewer],
        [(DealStatus.InLegalReview, DealAction.Approve)] = [MemberRole.Reviewer],
        [(DealStatus.ChangesRequested, DealAction.SubmitForReview)] = [MemberRole.Owner, MemberRole.Editor],
        [(DealStatus.Approved, DealAction.Reopen)] = [MemberRole.Reviewer],
        [(DealStatus.Approved, DealAction.Sign)] = [MemberRole.Owner],
        [(DealStatus.Signed, DealAction.Archive)] = [MemberRole.Owner],
    };

    private static readonly Dictionary<DealAction, DealStatus> Target = new()
    {
        [DealAction.SubmitForReview] = DealStatus.InLegalReview,
        [DealAction.WithdrawFromReview] = DealStatus.Draft,
        [DealAction.RequestChanges] = DealStatus.ChangesRequested,
        [DealAction.Approve] = DealStatus.Approved,
        [DealAction.Reopen] = DealStatus.ChangesRequested,
        [DealAction.Sign] = DealStatus.Signed,
        [DealAction.Archive] = DealStatus.Archived,
    };

    public static TheoryData<DealStatus, DealAction> EveryStep()
    {
        var data = new TheoryData<DealStatus, DealAction>();
        foreach (var status in Enum.GetValues<DealStatus>())
        {
            foreach (var action in Deal.WorkflowActions)
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStep))]
    public async Task Each_member_may_take_exactly_the_steps_their_role_allows_from_each_status(DealStatus status, DealAction action)
    {
        var allowed = Allowed.GetValueOrDefault((status, action), []);
        var note = action is DealAction.RequestChanges or DealAction.Reopen ? "The credits clause is missing." : null;

        // A refusal changes nothing, so the refused members all try on one deal; each allowed member on a deal of their own.
        var shared = await _cast.DealInAsync(status);
        foreach (var role in Enum.GetValues<MemberRole>().Where(r => !allowed.Contains(r)))
        {
            var error = await Assert.ThrowsAsync<DealAccessException>(() => _cast.StepAsync(shared, _cast.Get(role), action, note));
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            Assert.Equal(status, (await DealAsync(shared)).Status);
        }

        foreach (var role in allowed)
        {
            var id = await _cast.DealInAsync(status);
            var result = await _cast.StepAsync(id, _cast.Get(role), action, note);
            Assert.Equal(Target[action], result.Status);
            Assert.Equal(Target[action], (await DealAsync(id)).Status);
        }
    }

    [Fact]
    public async Task Someone_who_is_not_a_member_cannot_find_the_deal_to_move_it()
    {
        var id = await _cast.NewDealAsync();
        var version = await _cast.VersionAsync(id);
        _app.User.ActAs(_cast.Outsider);

        await Assert.ThrowsAsync<NotFoundException>(() => _cast.InScope<DealWorkflowService, TransitionResult>(s => s.TransitionAsync(id, version, DealAction.SubmitForReview, null, CancellationToken.None)));
    }

    [Fact]
    public async Task Submitting_needs_a_reviewer_on_the_deal()
    {
        var id = await _cast.NewDealAsync(withReviewer: false);

        var error = await Assert.ThrowsAsync<DomainException>(() => _cast.StepAsync(id, _cast.Owner, DealAction.SubmitForReview));

        Assert.Contains("Invite a lawyer as reviewer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_changes_needs_a_requested_change_or_a_note_and_approval_needs_them_resolved()
    {
        var id = await _cast.DealInAsync(DealStatus.InLegalReview);

        var empty = await Assert.ThrowsAsync<DomainException>(() => _cast.StepAsync(id, _cast.Reviewer, DealAction.RequestChanges));
        Assert.Contains("Say what has to change", empty.Message, StringComparison.Ordinal);

        _app.User.ActAs(_cast.Reviewer);
        var request = await _cast.InScope<ReviewService, Guid>(s => s.AddAsync(id, new CommentInput { Anchor = "legal:credits", Body = "Add the credits clause.", ChangeRequest = true }, CancellationToken.None));
        var blocked = await Assert.ThrowsAsync<DomainException>(() => _cast.StepAsync(id, _cast.Reviewer, DealAction.Approve));
        Assert.Contains("One requested change is still open", blocked.Message, StringComparison.Ordinal);

        await _cast.StepAsync(id, _cast.Reviewer, DealAction.RequestChanges);
        await _cast.StepAsync(id, _cast.Owner, DealAction.SubmitForReview);
        _app.User.ActAs(_cast.Reviewer);
        await _cast.InScope<ReviewService, bool>(async s =>
        {
            await s.ResolveAsync(id, request, CancellationToken.None);
            return true;
        });
        var approved = await _cast.StepAsync(id, _cast.Reviewer, DealAction.Approve);

        Assert.Equal(DealStatus.Approved, approved.Status);
    }

    [Fact]
    public async Task A_lawyer_who_edits_the_deal_still_cannot_submit_it()
    {
        var id = await _cast.NewDealAsync();
        var version = await _cast.VersionAsync(id);
        await _cast.InScope<MemberService, uint>(s => s.InviteAsync(id, version, new InviteInput { Email = _cast.SecondLawyer.Email, Role = "editor" }, CancellationToken.None));

        var error = await Assert.ThrowsAsync<DealAccessException>(() => _cast.StepAsync(id, _cast.SecondLawyer, DealAction.SubmitForReview));

        Assert.Contains("lawyers review it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_step_keeps_a_numbered_snapshot_of_the_whole_deal_with_who_when_and_the_note()
    {
        var id = await _cast.NewDealAsync();

        var first = await _cast.StepAsync(id, _cast.Owner, DealAction.SubmitForReview, "Ready for review.");
        var second = await _cast.StepAsync(id, _cast.Reviewer, DealAction.RequestChanges, "Name the escrow bank.");

        Assert.Equal(1, first.VersionNumber);
        Assert.Equal(2, second.VersionNumber);
        _app.User.ActAs(_cast.Viewer);
        var versions = await _cast.InScope<VersionQueries, IReadOnlyList<VersionSummary>>(s => s.ListAsync(id, CancellationToken.None));
        Assert.Equal([2, 1], versions.Select(v => v.Number));
        Assert.Equal((DealStatus.Draft, DealStatus.InLegalReview, "Olivia Owner", "Ready for review."), (versions[1].FromStatus, versions[1].ToStatus, versions[1].CreatedByName, versions[1].Note));
        Assert.Equal((DealStatus.InLegalReview, DealStatus.ChangesRequested, "Rita Reviewer"), (versions[0].FromStatus, versions[0].ToStatus, versions[0].CreatedByName));

        var snapshot = await _cast.InScope<VersionQueries, DealDocument>(s => s.SnapshotAsync(id, 1, CancellationToken.None));
        Assert.Equal("Starlight Courier", snapshot.Title);
        Assert.Equal("inLegalReview", snapshot.Status);
        Assert.Equal("Tokyo Anima", Assert.Single(snapshot.Partners).Company);
        Assert.Equal(JsonSerializer.Serialize(snapshot, Json.Options), JsonSerializer.Serialize(JsonSerializer.Deserialize<DealDocument>(JsonSerializer.Serialize(snapshot, Json.Options), Json.Options), Json.Options));
    }

    [Fact]
    public async Task The_database_refuses_to_change_a_kept_version()
    {
        var id = await _cast.DealInAsync(DealStatus.InLegalReview);

        var error = await Assert.ThrowsAsync<PostgresException>(() => _app.InScopeAsync(s =>
            s.GetRequiredService<CoProdDbContext>().Database.ExecuteSqlInterpolatedAsync($"UPDATE deal_versions SET note = 'rewritten' WHERE deal_id = {id}")));

        Assert.Contains("deal versions are immutable", error.MessageText, StringComparison.Ordinal);
        _app.User.ActAs(_cast.Owner);
        var versions = await _cast.InScope<VersionQueries, IReadOnlyList<VersionSummary>>(s => s.ListAsync(id, CancellationToken.None));
        Assert.Null(Assert.Single(versions).Note);
    }

    [Fact]
    public async Task Each_step_is_audited_with_the_status_change_and_the_version_it_kept()
    {
        var id = await _cast.NewDealAsync();

        await _cast.StepAsync(id, _cast.Owner, DealAction.SubmitForReview, "Please look at the rights.");

        var rows = await _app.InScopeAsync(s => s.GetRequiredService<CoProdDbContext>().AuditEntries.Where(a => a.DealId == id && a.Action == "submitted for legal review").ToListAsync());
        Assert.Contains(rows, r => r.Field == "Project › Status" && r.OldValue == "draft" && r.NewValue == "in legal review" && r.UserName == "Olivia Owner");
        Assert.Contains(rows, r => r.Field == "Versions › Version 1" && r.NewValue == "draft → in legal review: Please look at the rights.");
    }

    [Fact]
    public async Task Submitting_an_official_deal_records_its_eligibility_check_in_the_deal_and_its_version()
    {
        var id = await _cast.NewDealAsync(project: new ProjectInput { Title = "Northern Lights", Format = "fictionFeature", Currency = "CAD", Budget = 5_000_000m, Kind = "official", TreatyCode = "ca-gb" });

        await _cast.StepAsync(id, _cast.Owner, DealAction.SubmitForReview);

        var deal = await DealAsync(id);
        Assert.NotNull(deal.Eligibility);
        Assert.Equal("ca-gb", deal.Eligibility!.TreatyCode);
        Assert.Equal("Olivia Owner", deal.Eligibility.RecordedBy);
        _app.User.ActAs(_cast.Reviewer);
        var snapshot = await _cast.InScope<VersionQueries, DealDocument>(s => s.SnapshotAsync(id, 1, CancellationToken.None));
        Assert.Equal(deal.Eligibility, snapshot.Eligibility);
    }

    [Fact]
    public async Task A_step_taken_on_a_stale_version_is_refused_as_a_conflict()
    {
        var id = await _cast.NewDealAsync();
        var stale = await _cast.VersionAsync(id);
        await _cast.InScope<DealService, uint>(s => s.UpdateProjectAsync(id, stale, new ProjectInput { Title = "Renamed", Format = "animation", Currency = "USD", Budget = 20_000_000m, Kind = "unofficial" }, CancellationToken.None));

        await Assert.ThrowsAsync<ConflictException>(() => _cast.InScope<DealWorkflowService, TransitionResult>(s => s.TransitionAsync(id, stale, DealAction.SubmitForReview, null, CancellationToken.None)));
        Assert.Equal(DealStatus.Draft, (await DealAsync(id)).Status);
    }

    [Fact]
    public async Task An_action_that_is_not_a_workflow_step_is_refused_naming_the_field()
    {
        var id = await _cast.NewDealAsync();
        var version = await _cast.VersionAsync(id);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => _cast.InScope<DealWorkflowService, TransitionResult>(s => s.TransitionAsync(id, version, DealAction.EditFinancials, null, CancellationToken.None)));

        Assert.Contains("action", error.Errors.Keys);
    }

    private Task<Deal> DealAsync(Guid id) =>
        _app.InScopeAsync(s => s.GetRequiredService<CoProdDbContext>().Deals.AsNoTracking().SingleAsync(d => d.Id == id));
}
