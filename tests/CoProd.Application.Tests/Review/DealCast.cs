using CoProd.Application.Deals;
using CoProd.Application.Review;
using CoProd.Application.Users;
using CoProd.Domain.Deals;
using CoProd.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoProd.Application.Tests.Review;

/// <summary>
/// The people of a deal, created once per test class: an owner and an editor (producers), a reviewer (a lawyer),
/// a viewer, and two outsiders. Each test gets a new deal with them as members, set up through the services.
/// </summary>
public sealed class DealCast
{
    private readonly ServiceHarness _app;

    private DealCast(ServiceHarness app, TestUser owner, TestUser editor, TestUser reviewer, TestUser viewer, TestUser outsider, TestUser secondLawyer)
    {
        _app = app;
        Owner = owner;
        Editor = editor;
        Reviewer = reviewer;
        Viewer = viewer;
        Outsider = outsider;
        SecondLawyer = secondLawyer;
    }

    public TestUser Owner { get; }

    public TestUser Editor { get; }

    public TestUser Reviewer { get; }

    public TestUser Viewer { get; }

    /// <summary>A producer who is not on the deal.</summary>
    public TestUser Outsider { get; }

    /// <summary>A lawyer who is not on the deal (until a test invites them).</summary>
    public TestUser SecondLawyer { get; }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ServiceHarness, Task<DealCast>> Casts = [];

    /// <summary>The cast of the test class's harness (xUnit makes a class instance per test; the people are made once).</summary>
    public static Task<DealCast> ForAsync(ServiceHarness app)
    {
        ArgumentNullException.ThrowIfNull(app);
        lock (Casts)
        {
            return Casts.GetValue(app, CreateAsync);
        }
    }

    private static async Task<DealCast> CreateAsync(ServiceHarness app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new DealCast(app,
            await app.CreateUserAsync(Roles.Producer, "Olivia Owner"),
            await app.CreateUserAsync(Roles.Producer, "Eddie Editor"),
            await app.CreateUserAsync(Roles.Lawyer, "Rita Reviewer"),
            await app.CreateUserAsync(Roles.Producer, "Vera Viewer"),
            await app.CreateUserAsync(Roles.Producer, "Otto Outsider"),
            await app.CreateUserAsync(Roles.Lawyer, "Larry Lawyer"));
    }

    public TestUser Get(MemberRole role) => role switch
    {
        MemberRole.Owner => Owner,
        MemberRole.Editor => Editor,
        MemberRole.Reviewer => Reviewer,
        _ => Viewer,
    };

    /// <summary>A new deal owned by <see cref="Owner"/> with one partner, and (unless told otherwise) every member of the cast.</summary>
    public async Task<Guid> NewDealAsync(bool withReviewer = true, ProjectInput? project = null)
    {
        _app.User.ActAs(Owner);
        var id = await _app.InScopeAsync(s => s.GetRequiredService<DealService>().CreateAsync(
            project ?? new ProjectInput { Title = "Starlight Courier", Format = "animation", Currency = "USD", Budget = 20_000_000m, Kind = "unofficial" }, CancellationToken.None));
        var version = await VersionAsync(id);
        version = await InScope<DealService, uint>(s => s.AddPartnerAsync(id, version, new PartnerInputForm { Company = "Tokyo Anima", Country = "JP", Role = "majorityDelegate" }, CancellationToken.None));
        version = await InScope<MemberService, uint>(s => s.InviteAsync(id, version, new InviteInput { Email = Editor.Email, Role = "editor" }, CancellationToken.None));
        version = await InScope<MemberService, uint>(s => s.InviteAsync(id, version, new InviteInput { Email = Viewer.Email, Role = "viewer" }, CancellationToken.None));
        if (withReviewer)
        {
            await InScope<MemberService, uint>(s => s.InviteAsync(id, version, new InviteInput { Email = Reviewer.Email, Role = "reviewer" }, CancellationToken.None));
        }

        return id;
    }

    /// <summary>The deal's current concurrency version, read as <paramref name="as"/> (default: the owner), who then is the current user.</summary>
    public async Task<uint> VersionAsync(Guid dealId, TestUser? @as = null)
    {
        _app.User.ActAs(@as ?? Owner);
        return (await _app.InScopeAsync(s => s.GetRequiredService<DealQueries>().GetAsync(dealId, CancellationToken.None))).Version;
    }

    /// <summary>Takes a workflow step as <paramref name="actor"/>, with the deal's current version.</summary>
    public async Task<TransitionResult> StepAsync(Guid dealId, TestUser actor, DealAction action, string? note = null)
    {
        var version = await VersionAsync(dealId, actor);
        _app.User.ActAs(actor);
        return await InScope<DealWorkflowService, TransitionResult>(s => s.TransitionAsync(dealId, version, action, note, CancellationToken.None));
    }

    /// <summary>Brings a new deal to <paramref name="status"/> through the real workflow.</summary>
    public async Task<Guid> DealInAsync(DealStatus status)
    {
        var id = await NewDealAsync();
        if (status == DealStatus.Draft)
        {
            return id;
        }

        await StepAsync(id, Owner, DealAction.SubmitForReview);
        switch (status)
        {
            case DealStatus.ChangesRequested:
                await StepAsync(id, Reviewer, DealAction.RequestChanges, "Name the escrow bank.");
                break;
            case DealStatus.Approved:
                await StepAsync(id, Reviewer, DealAction.Approve);
                break;
            case DealStatus.Signed:
                await StepAsync(id, Reviewer, DealAction.Approve);
                await StepAsync(id, Owner, DealAction.Sign);
                break;
            case DealStatus.Archived:
                await StepAsync(id, Reviewer, DealAction.Approve);
                await StepAsync(id, Owner, DealAction.Sign);
                await StepAsync(id, Owner, DealAction.Archive);
                break;
        }

        return id;
    }

    public Task<TResult> InScope<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull =>
        _app.InScopeAsync(s => work(s.GetRequiredService<TService>()));
}
