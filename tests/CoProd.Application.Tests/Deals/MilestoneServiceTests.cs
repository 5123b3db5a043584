using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Application.Users;
using CoProd.Domain.Deals;
using CoProd.Testing;

namespace CoProd.Application.Tests.Deals;

public sealed class MilestoneServiceTests : IClassFixture<ServiceHarness>
{
    private readonly ServiceHarness _app;

    public MilestoneServiceTests(ServiceHarness app) => _app = app;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Milestones_are_added_changed_and_removed_with_an_audit_entry_each()
    {
        var deal = await SectionsTestDeal.CreateAsync(_app);
        var version = await deal.VersionAsync();

        version = await deal.SectionsAsync(s => s.AddMilestoneAsync(deal.Id, version, new MilestoneInput
        {
            Name = "Character designs locked",
            DueDate = new DateOnly(2027, 3, 1),
            Status = "inProgress",
            BufferDays = 10,
            ApprovalDomainCode = "character-design",
        }, CancellationToken.None));
        var id = Assert.Single((await deal.WorkspaceAsync()).Deal.Milestones).Id;
        version = await deal.SectionsAsync(s => s.UpdateMilestoneAsync(deal.Id, version, id, new MilestoneInput
        {
            Name = "Character designs locked",
            DueDate = new DateOnly(2027, 3, 1),
            Status = "approved",
            BufferDays = 10,
            ApprovalDomainCode = "character-design",
            CompletedOn = Today,
            Notes = "Signed off in Tokyo",
        }, CancellationToken.None));
        var changed = Assert.Single((await deal.WorkspaceAsync()).Deal.Milestones);
        await deal.SectionsAsync(s => s.RemoveMilestoneAsync(deal.Id, version, id, CancellationToken.None));

        Assert.Equal(MilestoneStatus.Approved, changed.Status);
        Assert.Equal(Today, changed.CompletedOn);
        Assert.Empty((await deal.WorkspaceAsync()).Deal.Milestones);
        var audit = (await deal.AuditAsync()).Where(a => a.Field == "Milestones › Character designs locked").ToList();
        Assert.Equal(["added milestone", "changed milestone", "removed milestone"], audit.Select(a => a.Action));
        Assert.Equal("due 2027-03-01, in progress, buffer 10 day(s), approved as Character design", audit[0].NewValue);
        Assert.Equal($"due 2027-03-01, approved, buffer 10 day(s), approved as Character design, completed {Today:yyyy-MM-dd}; notes: Signed off in Tokyo", audit[1].NewValue);
        Assert.Null(audit[2].NewValue);
    }

    [Fact]
    public async Task The_plan_sorts_by_due_date_names_the_gates_approvers_and_flags_late_milestones()
    {
        var deal = await SectionsTestDeal.CreateAsync(_app);
        var version = await deal.VersionAsync();
        version = await deal.SectionsAsync(s => s.SetDecisionRuleAsync(deal.Id, version, new DecisionRuleInput
        {
            DomainCode = "script-approval",
            Mode = "approveWithin",
            DeciderPartnerId = deal.Tokyo,
            ApproverPartnerIds = [deal.Pacific],
            ApprovalDays = 15,
        }, CancellationToken.None));
        foreach (var (name, due, buffer, status, domain) in new[]
        {
            ("Budget sign-off", Today.AddDays(-20), 5, "awaitingApproval", "budget"),
            ("Screenplay second draft", Today.AddDays(-3), 10, "inProgress", "script-approval"),
            ("Story bible", Today.AddDays(-60), 0, "done", (string?)null),
            ("Voice cast confirmed", Today.AddDays(30), 7, "planned", null),
        })
        {
            version = await deal.SectionsAsync(s => s.AddMilestoneAsync(deal.Id, version,
                new MilestoneInput { Name = name, DueDate = due, BufferDays = buffer, Status = status, ApprovalDomainCode = domain }, CancellationToken.None));
        }

        var plan = MilestonePlan.For(await deal.WorkspaceAsync());

        Assert.Equal(["Story bible", "Budget sign-off", "Screenplay second draft", "Voice cast confirmed"], plan.Select(r => r.Milestone.Name));
        Assert.Equal([false, true, false, false], plan.Select(r => r.Overdue));
        Assert.Equal([false, false, true, false], plan.Select(r => r.InBuffer));
        Assert.Equal(15, plan[1].DaysOverdue);
        Assert.Equal(7, plan[2].BufferDaysLeft);
        Assert.Equal(["Tokyo Anima", "Pacific Pictures"], plan[2].Approvers);
        Assert.Equal("Script approval", plan[2].DomainName);
        Assert.True(plan[1].GateWithoutDeciders);
        Assert.False(plan[3].GateWithoutDeciders);
    }

    public static TheoryData<string, string[]> InvalidMilestones => new()
    {
        { "blank", ["name", "dueDate", "status"] },
        { "completed-while-planned", ["completedOn"] },
        { "completed-in-the-future", ["completedOn"] },
        { "unknown-domain", ["approvalDomainCode"] },
        { "negative-buffer", ["bufferDays"] },
    };

    [Theory]
    [MemberData(nameof(InvalidMilestones))]
    public async Task Invalid_milestones_are_refused_naming_the_fields(string name, string[] fields)
    {
        var deal = await SectionsTestDeal.CreateAsync(_app);
        var version = await deal.VersionAsync();
        var valid = new MilestoneInput { Name = "Animatic", DueDate = Today.AddDays(40), Status = "planned", BufferDays = 5 };
        var input = name switch
        {
            "blank" => new MilestoneInput(),
            "completed-while-planned" => new MilestoneInput { Name = valid.Name, DueDate = valid.DueDate, Status = "planned", CompletedOn = Today },
            "completed-in-the-future" => new MilestoneInput { Name = valid.Name, DueDate = valid.DueDate, Status = "done", CompletedOn = Today.AddDays(2) },
            "unknown-domain" => new MilestoneInput { Name = valid.Name, DueDate = valid.DueDate, Status = "planned", ApprovalDomainCode = "catering" },
            _ => new MilestoneInput { Name = valid.Name, DueDate = valid.DueDate, Status = "planned", BufferDays = -1 },
        };

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => deal.SectionsAsync(s => s.AddMilestoneAsync(deal.Id, version, input, CancellationToken.None)));

        Assert.Equal(fields.Order(), error.Errors.Keys.Order());
        Assert.Empty((await deal.WorkspaceAsync()).Deal.Milestones);
    }

    [Fact]
    public async Task A_viewer_is_refused_and_a_stale_version_is_a_conflict()
    {
        var deal = await SectionsTestDeal.CreateAsync(_app);
        var loaded = await deal.VersionAsync();
        var input = new MilestoneInput { Name = "Animatic", DueDate = Today.AddDays(40), Status = "planned", BufferDays = 5 };
        await deal.SectionsAsync(s => s.AddMilestoneAsync(deal.Id, loaded, input, CancellationToken.None));

        await Assert.ThrowsAsync<ConflictException>(() => deal.SectionsAsync(s => s.AddMilestoneAsync(deal.Id, loaded, input, CancellationToken.None)));
        var viewer = await deal.MemberAsync(Roles.Producer, MemberRole.Viewer);
        _app.User.ActAs(viewer);
        var current = await deal.VersionAsync();
        await Assert.ThrowsAsync<DealAccessException>(() => deal.SectionsAsync(s => s.AddMilestoneAsync(deal.Id, current, input, CancellationToken.None)));

        Assert.Single((await deal.WorkspaceAsync()).Deal.Milestones);
    }
}
