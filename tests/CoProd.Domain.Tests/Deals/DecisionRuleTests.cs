using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Deals;

public sealed class DecisionRuleTests
{
    private readonly DealBuilder _builder = Deal("USD")
        .Partner("Tokyo Anima", "JP", 11_000_000m, PartnerRole.MajorityDelegate)
        .Partner("Pacific Pictures", "US", 9_000_000m)
        .Partner("Seoul Frames", "KR", 0m);

    private Guid Tokyo => _builder.Id("Tokyo Anima");

    private Guid Pacific => _builder.Id("Pacific Pictures");

    private Guid Seoul => _builder.Id("Seoul Frames");

    private Deal TheDeal => _builder.Build();

    public static TheoryData<string, string> BrokenRules => new()
    {
        { "sole-without-decider", "Sole authority needs the partner who decides." },
        { "sole-with-tie-break", "no deadlock to break" },
        { "joint-with-one-partner", "at least two partners" },
        { "joint-decider-prevails", "no single decider to prevail" },
        { "approve-without-decider", "needs the partner who decides" },
        { "approve-decider-only-approver", "at least one partner, other than the decider" },
        { "approve-without-days", "number of days to approve" },
        { "approve-too-many-days", "number of days to approve" },
        { "casting-without-holder", "needs the partner who holds it" },
        { "casting-held-by-outsider", "one of the partners who take the decision" },
        { "escalate-without-route", "say where to" },
        { "blank-domain", "Say which decision domain" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void A_rule_that_does_not_hold_together_is_refused_with_a_reason(string name, string reason)
    {
        var rule = name switch
        {
            "sole-without-decider" => new DecisionRule("final-cut", DecisionMode.SoleAuthority, null, []),
            "sole-with-tie-break" => new DecisionRule("final-cut", DecisionMode.SoleAuthority, Tokyo, [], TieBreak: TieBreak.Escalate, Escalation: "CEOs"),
            "joint-with-one-partner" => new DecisionRule("final-cut", DecisionMode.Joint, null, [Tokyo, Tokyo]),
            "joint-decider-prevails" => new DecisionRule("final-cut", DecisionMode.Joint, null, [Tokyo, Pacific], TieBreak: TieBreak.DeciderPrevails),
            "approve-without-decider" => new DecisionRule("final-cut", DecisionMode.ApproveWithin, null, [Pacific], 10),
            "approve-decider-only-approver" => new DecisionRule("final-cut", DecisionMode.ApproveWithin, Tokyo, [Tokyo], 10),
            "approve-without-days" => new DecisionRule("final-cut", DecisionMode.ApproveWithin, Tokyo, [Pacific]),
            "approve-too-many-days" => new DecisionRule("final-cut", DecisionMode.ApproveWithin, Tokyo, [Pacific], DecisionRule.MaxApprovalDays + 1),
            "casting-without-holder" => new DecisionRule("final-cut", DecisionMode.Joint, null, [Tokyo, Pacific], TieBreak: TieBreak.CastingVote),
            "casting-held-by-outsider" => new DecisionRule("final-cut", DecisionMode.Joint, null, [Tokyo, Pacific], TieBreak: TieBreak.CastingVote, TieBreakPartnerId: Seoul),
            "escalate-without-route" => new DecisionRule("final-cut", DecisionMode.Joint, null, [Tokyo, Pacific], TieBreak: TieBreak.Escalate, Escalation: "  "),
            _ => new DecisionRule("  ", DecisionMode.SoleAuthority, Tokyo, []),
        };

        var error = Assert.Throws<DomainException>(() => TheDeal.SetDecisionRule(rule));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Empty(TheDeal.DecisionRules);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(DecisionRule.MaxApprovalDays)]
    public void Approve_within_takes_one_day_up_to_the_maximum(int days)
    {
        TheDeal.SetDecisionRule(new DecisionRule("script-approval", DecisionMode.ApproveWithin, Tokyo, [Pacific], days, DeemedApproval: true));

        var rule = Assert.Single(TheDeal.DecisionRules);
        Assert.Equal(days, rule.ApprovalDays);
        Assert.True(rule.DeemedApproval);
    }

    [Fact]
    public void A_partner_who_is_not_in_the_deal_cannot_decide()
    {
        var error = Assert.Throws<DomainException>(() => TheDeal.SetDecisionRule(new DecisionRule("final-cut", DecisionMode.SoleAuthority, Guid.NewGuid(), [])));

        Assert.Contains("not in this deal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void What_a_mode_does_not_use_is_dropped()
    {
        TheDeal.SetDecisionRule(new DecisionRule(" Final-Cut ", DecisionMode.SoleAuthority, Tokyo, [Pacific, Seoul], 10, true, TieBreak.None, Pacific, "  "));
        TheDeal.SetDecisionRule(new DecisionRule("budget", DecisionMode.Joint, Seoul, [Tokyo, Pacific, Pacific], 5, true));
        TheDeal.SetDecisionRule(new DecisionRule("marketing", DecisionMode.ApproveWithin, Pacific, [Pacific, Tokyo], 7));

        var sole = TheDeal.DecisionRuleFor("final-cut")!;
        Assert.Equal("final-cut", sole.DomainCode);
        Assert.Equal(Tokyo, sole.DeciderPartnerId);
        Assert.Empty(sole.ApproverPartnerIds);
        Assert.Null(sole.ApprovalDays);
        Assert.Null(sole.TieBreakPartnerId);
        Assert.Null(sole.Escalation);
        var joint = TheDeal.DecisionRuleFor("budget")!;
        Assert.Null(joint.DeciderPartnerId);
        Assert.Equal([Tokyo, Pacific], joint.ApproverPartnerIds);
        Assert.Null(joint.ApprovalDays);
        Assert.False(joint.DeemedApproval);
        Assert.Equal([Tokyo], TheDeal.DecisionRuleFor("marketing")!.ApproverPartnerIds);
    }

    [Theory]
    [InlineData("final-cut")]
    [InlineData("FINAL-CUT")]
    [InlineData("  final-cut ")]
    public void Setting_a_domain_again_replaces_its_rule_in_place_whatever_the_case(string code)
    {
        TheDeal.SetDecisionRule(new DecisionRule("final-cut", DecisionMode.SoleAuthority, Tokyo, []));
        TheDeal.SetDecisionRule(new DecisionRule("budget", DecisionMode.SoleAuthority, Tokyo, []));

        TheDeal.SetDecisionRule(new DecisionRule(code, DecisionMode.Joint, null, [Tokyo, Pacific], TieBreak: TieBreak.CastingVote, TieBreakPartnerId: Pacific));

        Assert.Equal(["final-cut", "budget"], TheDeal.DecisionRules.Select(r => r.DomainCode));
        Assert.Equal(DecisionMode.Joint, TheDeal.DecisionRules[0].Mode);
        Assert.Equal(Pacific, TheDeal.DecisionRules[0].TieBreakPartnerId);
    }

    [Fact]
    public void Clearing_a_domain_removes_its_rule_and_clearing_one_without_a_rule_says_so()
    {
        TheDeal.SetDecisionRule(new DecisionRule("final-cut", DecisionMode.SoleAuthority, Tokyo, []));

        TheDeal.RemoveDecisionRule("FINAL-CUT");

        Assert.Empty(TheDeal.DecisionRules);
        Assert.Throws<DomainException>(() => TheDeal.RemoveDecisionRule("final-cut"));
    }

    [Fact]
    public void Removing_a_partner_drops_the_rules_that_no_longer_hold_and_keeps_the_others()
    {
        TheDeal.SetDecisionRule(new DecisionRule("final-cut", DecisionMode.SoleAuthority, Seoul, []));
        TheDeal.SetDecisionRule(new DecisionRule("budget", DecisionMode.Joint, null, [Seoul, Pacific]));
        TheDeal.SetDecisionRule(new DecisionRule("marketing", DecisionMode.Joint, null, [Tokyo, Pacific, Seoul], TieBreak: TieBreak.CastingVote, TieBreakPartnerId: Seoul));
        TheDeal.SetDecisionRule(new DecisionRule("music", DecisionMode.ApproveWithin, Tokyo, [Pacific, Seoul], 10));
        TheDeal.SetDecisionRule(new DecisionRule("delivery", DecisionMode.ApproveWithin, Seoul, [Tokyo], 10));

        TheDeal.RemovePartner(Seoul);

        Assert.Equal(["marketing", "music"], TheDeal.DecisionRules.Select(r => r.DomainCode));
        var marketing = TheDeal.DecisionRuleFor("marketing")!;
        Assert.Equal([Tokyo, Pacific], marketing.ApproverPartnerIds);
        Assert.Equal(TieBreak.None, marketing.TieBreak);
        Assert.Null(marketing.TieBreakPartnerId);
        Assert.Equal([Pacific], TheDeal.DecisionRuleFor("music")!.ApproverPartnerIds);
    }

    [Fact]
    public void Critical_domains_without_an_owner_are_named_in_the_contract_checklist()
    {
        TheDeal.SetDecisionRule(new DecisionRule("final-cut", DecisionMode.SoleAuthority, Tokyo, []));

        var item = ContractChecklist.For(TheDeal, ["final-cut", "budget", "key-casting"], null, ChecklistNames.None with { Domains = new Dictionary<string, string> { ["budget"] = "Budget sign-off" } })
            .Single(i => i.Key == "decisions");

        Assert.False(item.Settled);
        Assert.Equal("no owner yet for: Budget sign-off, key-casting", item.Detail);
    }
}
