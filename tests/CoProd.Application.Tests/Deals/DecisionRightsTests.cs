using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Application.Users;
using CoProd.Domain.Deals;
using CoProd.Testing;

namespace CoProd.Application.Tests.Deals;

public sealed class DecisionRightsTests : IClassFixture<ServiceHarness>
{
    private readonly ServiceHarness _app;

    public DecisionRightsTests(ServiceHarness app) => _app = app;

    [Fact]
    public async Task Setting_and_clearing_who_decides_a_domain_is_audited_in_words()
    {
        var deal = await SectionsTestDeal.CreateAsync(_app);
        var version = await deal.VersionAsync();

        version = await deal.SectionsAsync(s => s.SetDecisionRuleAsync(deal.Id, version, new DecisionRuleInput
        {
            DomainCode = "final-cut",
            Mode = "joint",
            ApproverPartnerIds = [deal.Tokyo, deal.Pacific],
            TieBreak = "escalate",
            Escalation = "Chief executives within 10 days, then mediation in Honolulu",
        }, CancellationToken.None));
        var set = await deal.WorkspaceAsync();
        await deal.SectionsAsync(s => s.ClearDecisionRuleAsync(deal.Id, version, "final-cut", CancellationToken.None));
        var cleared = await deal.WorkspaceAsync();

        var rule = Assert.Single(set.Deal.DecisionRules);
        Assert.Equal([deal.Tokyo, deal.Pacific], rule.ApproverPartnerIds);
        Assert.Equal(TieBreak.Escalate, rule.TieBreak);
        Assert.Empty(cleared.Deal.DecisionRules);
        var audit = await deal.AuditAsync();
        var added = Assert.Single(audit, a => a.Action == "set decision rights");
        Assert.Equal("Decision rights › Final cut", added.Field);
        Assert.Null(added.OldValue);
        Assert.Equal("joint (Tokyo Anima, Pacific Pictures); deadlocks escalate; escalation: Chief executives within 10 days, then mediation in Honolulu", added.NewValue);
        Assert.Equal("Paula Producer", added.UserName);
        var removed = Assert.Single(audit, a => a.Action == "cleared decision rights");
        Assert.Equal("Decision rights › Final cut", removed.Field);
        Assert.Null(removed.NewValue);
    }

    [Fact]
    public async Task The_matrix_shows_each_partners_part_and_the_checklist_names_critical_domains_still_without_an_owner()
    {
        var deal = await SectionsTestDeal.CreateAsync(_app);
        var version = await deal.VersionAsync();
        version = await deal.SectionsAsync(s => s.SetDecisionRuleAsync(deal.Id, version, new DecisionRuleInput
        {
            DomainCode = "character-design",
            Mode = "soleAuthority",
            DeciderPartnerId = deal.Tokyo,
            ApproverPartnerIds = [deal.Pacific],
        }, CancellationToken.None));
        await deal.SectionsAsync(s => s.SetDecisionRuleAsync(deal.Id, version, new DecisionRuleInput
        {
            DomainCode = "script-approval",
            Mode = "approveWithin",
            DeciderPartnerId = deal.Tokyo,
            ApproverPartnerIds = [deal.Pacific],
            ApprovalDays = 15,
            DeemedApproval = true,
        }, CancellationToken.None));

        var workspace = await deal.WorkspaceAsync();
        var matrix = DecisionMatrix.For(workspace);

        var design = Assert.Single(matrix, r => r.Code == "character-design");
        Assert.False(design.IsCritical);
        Assert.Equal([DecisionPart.DecidesAlone, DecisionPart.None], design.Cells.Select(c => c.Part));
        var script = Assert.Single(matrix, r => r.Code == "script-approval");
        Assert.Equal(["decides", "approves within 15 days, deemed after"], script.Cells.Select(c => c.Text));
        Assert.False(script.NeedsOwner);
        Assert.True(Assert.Single(matrix, r => r.Code == "final-cut").NeedsOwner);
        var checklist = Assert.Single(workspace.Checklist, c => c.Key == "decisions");
        Assert.False(checklist.Settled);
        Assert.StartsWith("no owner yet for: Final cut, Choice of director", checklist.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Script approval", checklist.Detail, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> InvalidRules => new()
    {
        { "unknown-domain", "domainCode" },
        { "blank-domain", "domainCode" },
        { "no-mode", "mode" },
        { "sole-without-decider", "deciderPartnerId" },
        { "joint-with-one", "approverPartnerIds" },
        { "approve-without-days", "approvalDays" },
        { "approve-decider-approves-itself", "approverPartnerIds" },
        { "casting-vote-without-holder", "tieBreakPartnerId" },
        { "escalate-without-route", "escalation" },
        { "sole-with-tie-break", "tieBreak" },
        { "stranger-decides", "deciderPartnerId" },
    };

    [Theory]
    [MemberData(nameof(InvalidRules))]
    public async Task Invalid_input_is_refused_naming_the_field_and_nothing_changes(string name, string field)
    {
        var deal = await SectionsTestDeal.CreateAsync(_app);
        var version = await deal.VersionAsync();
        var input = name switch
        {
            "unknown-domain" => new DecisionRuleInput { DomainCode = "catering", Mode = "soleAuthority", DeciderPartnerId = deal.Tokyo },
            "blank-domain" => new DecisionRuleInput { DomainCode = " ", Mode = "soleAuthority", DeciderPartnerId = deal.Tokyo },
            "no-mode" => new DecisionRuleInput { DomainCode = "final-cut", DeciderPartnerId = deal.Tokyo },
            "sole-without-decider" => new DecisionRuleInput { DomainCode = "final-cut", Mode = "soleAuthority" },
            "joint-with-one" => new DecisionRuleInput { DomainCode = "final-cut", Mode = "joint", ApproverPartnerIds = [deal.Tokyo, deal.Tokyo] },
            "approve-without-days" => new DecisionRuleInput { DomainCode = "final-cut", Mode = "approveWithin", DeciderPartnerId = deal.Tokyo, ApproverPartnerIds = [deal.Pacific] },
            "approve-decider-approves-itself" => new DecisionRuleInput { DomainCode = "final-cut", Mode = "approveWithin", DeciderPartnerId = deal.Tokyo, ApproverPartnerIds = [deal.Tokyo], ApprovalDays = 5 },
            "casting-vote-without-holder" => new DecisionRuleInput { DomainCode = "final-cut", Mode = "joint", ApproverPartnerIds = [deal.Tokyo, deal.Pacific], TieBreak = "castingVote" },
            "escalate-without-route" => new DecisionRuleInput { DomainCode = "final-cut", Mode = "joint", ApproverPartnerIds = [deal.Tokyo, deal.Pacific], TieBreak = "escalate" },
            "sole-with-tie-break" => new DecisionRuleInput { DomainCode = "final-cut", Mode = "soleAuthority", DeciderPartnerId = deal.Tokyo, TieBreak = "deciderPrevails" },
            _ => new DecisionRuleInput { DomainCode = "final-cut", Mode = "soleAuthority", DeciderPartnerId = Guid.NewGuid() },
        };

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => deal.SectionsAsync(s => s.SetDecisionRuleAsync(deal.Id, version, input, CancellationToken.None)));

        Assert.Equal([field], error.Errors.Keys);
        Assert.Empty((await deal.WorkspaceAsync()).Deal.DecisionRules);
        Assert.Equal(version, await deal.VersionAsync());
    }

    [Theory]
    [InlineData(Roles.Lawyer, MemberRole.Reviewer)]
    [InlineData(Roles.Producer, MemberRole.Viewer)]
    public async Task Reviewers_and_viewers_read_the_decisions_but_are_refused_changing_them(string role, MemberRole membership)
    {
        var deal = await SectionsTestDeal.CreateAsync(_app);
        var version = await deal.VersionAsync();
        version = await deal.SectionsAsync(s => s.SetDecisionRuleAsync(deal.Id, version, new DecisionRuleInput { DomainCode = "budget", Mode = "soleAuthority", DeciderPartnerId = deal.Tokyo }, CancellationToken.None));
        var reader = await deal.MemberAsync(role, membership);
        version = await deal.VersionAsync();

        _app.User.ActAs(reader);
        var workspace = await deal.WorkspaceAsync();
        var set = await Assert.ThrowsAsync<DealAccessException>(() => deal.SectionsAsync(s => s.SetDecisionRuleAsync(deal.Id, version,
            new DecisionRuleInput { DomainCode = "final-cut", Mode = "soleAuthority", DeciderPartnerId = deal.Pacific }, CancellationToken.None)));
        var clear = await Assert.ThrowsAsync<DealAccessException>(() => deal.SectionsAsync(s => s.ClearDecisionRuleAsync(deal.Id, version, "budget", CancellationToken.None)));

        Assert.False(workspace.Can(DealAction.EditStructure));
        Assert.Equal("Your role on this deal lets you read it, not change it.", set.Message);
        Assert.Equal(set.Message, clear.Message);
        Assert.Single(workspace.Deal.DecisionRules);
    }

    [Fact]
    public async Task Someone_who_is_not_a_member_gets_not_found()
    {
        var deal = await SectionsTestDeal.CreateAsync(_app);
        var version = await deal.VersionAsync();
        _app.User.ActAs(await _app.CreateUserAsync(Roles.Producer));

        await Assert.ThrowsAsync<NotFoundException>(() => deal.SectionsAsync(s => s.SetDecisionRuleAsync(deal.Id, version,
            new DecisionRuleInput { DomainCode = "final-cut", Mode = "soleAuthority", DeciderPartnerId = deal.Tokyo }, CancellationToken.None)));
    }

    [Fact]
    public async Task Saving_a_rule_over_a_newer_change_is_refused_and_the_newer_one_stays()
    {
        var deal = await SectionsTestDeal.CreateAsync(_app);
        var loaded = await deal.VersionAsync();
        await deal.SectionsAsync(s => s.SetDecisionRuleAsync(deal.Id, loaded, new DecisionRuleInput { DomainCode = "final-cut", Mode = "soleAuthority", DeciderPartnerId = deal.Tokyo }, CancellationToken.None));

        await Assert.ThrowsAsync<ConflictException>(() => deal.SectionsAsync(s => s.SetDecisionRuleAsync(deal.Id, loaded,
            new DecisionRuleInput { DomainCode = "final-cut", Mode = "soleAuthority", DeciderPartnerId = deal.Pacific }, CancellationToken.None)));
        await Assert.ThrowsAsync<ConflictException>(() => deal.SectionsAsync(s => s.ClearDecisionRuleAsync(deal.Id, loaded, "final-cut", CancellationToken.None)));

        Assert.Equal(deal.Tokyo, Assert.Single((await deal.WorkspaceAsync()).Deal.DecisionRules).DeciderPartnerId);
    }
}
