using CoProd.Domain.Deals;

namespace CoProd.Application.Deals;

/// <summary>What a partner has to do with one decision domain.</summary>
public enum DecisionPart
{
    None,

    /// <summary>Decides alone (sole authority).</summary>
    DecidesAlone,

    /// <summary>One of the partners deciding by consensus.</summary>
    DecidesJointly,

    /// <summary>Decides, subject to the others' approval within the days given.</summary>
    Decides,

    /// <summary>Approves the decider's decision within the days given.</summary>
    Approves,
}

/// <summary>One partner's part in one domain, in words ("approves within 10 days, deemed after").</summary>
public sealed record DecisionCell(Guid PartnerId, DecisionPart Part, bool HasCastingVote, string Text);

/// <summary>One row of the decision matrix: a catalogue domain and who decides it, if anyone does yet.</summary>
public sealed record DecisionRow(
    string Code,
    string Name,
    string? Description,
    bool IsCritical,
    bool InCatalogue,
    DecisionRule? Rule,
    IReadOnlyList<DecisionCell> Cells,
    string Summary,
    string TieBreak,
    string? Escalation)
{
    /// <summary>A critical domain nobody owns: the contract must settle it.</summary>
    public bool NeedsOwner => IsCritical && Rule is null;
}

/// <summary>
/// The decision matrix of a deal: the active catalogue domains (critical first in the catalogue's order) by the
/// partners, saying for each domain who decides and how. Rules for domains since taken out of the catalogue are kept
/// at the end, so nothing the deal holds is hidden.
/// </summary>
public static class DecisionMatrix
{
    public static IReadOnlyList<DecisionRow> For(DealWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var deal = workspace.Deal;
        var rows = workspace.DecisionDomains
            .Select(d => Row(deal, d.Code, d.Name, d.Description, d.IsCritical, true, deal.DecisionRules.FirstOrDefault(r => r.DomainCode == d.Code)))
            .ToList();
        rows.AddRange(deal.DecisionRules
            .Where(r => !workspace.DecisionDomains.Any(d => d.Code == r.DomainCode))
            .Select(r => Row(deal, r.DomainCode, r.DomainCode, "No longer in the catalogue of decision domains.", false, false, r)));
        return rows;
    }

    /// <summary>"Tokyo Anima alone", "jointly: A, B", "A decides; B approve(s) within 10 days (deemed approved after)".</summary>
    public static string Describe(DecisionRule? rule, DealDocument deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return rule?.Mode switch
        {
            null => "No one decides this yet.",
            DecisionMode.SoleAuthority => $"{deal.PartnerName(rule.DeciderPartnerId)} alone",
            DecisionMode.Joint => $"jointly: {Names(rule.ApproverPartnerIds, deal)}",
            _ => $"{deal.PartnerName(rule.DeciderPartnerId)} decides; {Names(rule.ApproverPartnerIds, deal)} approve{(rule.ApproverPartnerIds.Count == 1 ? "s" : string.Empty)} within {rule.ApprovalDays} days{(rule.DeemedApproval ? " (deemed approved after)" : string.Empty)}",
        };
    }

    private static DecisionRow Row(DealDocument deal, string code, string name, string? description, bool critical, bool inCatalogue, DecisionRule? rule) =>
        new(code, name, description, critical, inCatalogue, rule,
            [.. deal.Partners.Select(p => Cell(rule, p.Id))],
            Describe(rule, deal),
            rule?.TieBreak switch
            {
                TieBreak.CastingVote => $"casting vote: {deal.PartnerName(rule.TieBreakPartnerId)}",
                TieBreak.DeciderPrevails => "the decider prevails",
                TieBreak.Escalate => "escalates",
                _ => "—",
            },
            rule?.Escalation);

    private static DecisionCell Cell(DecisionRule? rule, Guid partner)
    {
        var casting = rule?.TieBreakPartnerId == partner;
        var part = rule switch
        {
            null => DecisionPart.None,
            { Mode: DecisionMode.SoleAuthority } when rule.DeciderPartnerId == partner => DecisionPart.DecidesAlone,
            { Mode: DecisionMode.Joint } when rule.ApproverPartnerIds.Contains(partner) => DecisionPart.DecidesJointly,
            { Mode: DecisionMode.ApproveWithin } when rule.DeciderPartnerId == partner => DecisionPart.Decides,
            { Mode: DecisionMode.ApproveWithin } when rule.ApproverPartnerIds.Contains(partner) => DecisionPart.Approves,
            _ => DecisionPart.None,
        };
        var text = part switch
        {
            DecisionPart.DecidesAlone => "decides alone",
            DecisionPart.DecidesJointly => "decides jointly",
            DecisionPart.Decides => "decides",
            DecisionPart.Approves => $"approves within {rule!.ApprovalDays} days{(rule.DeemedApproval ? ", deemed after" : string.Empty)}",
            _ => "—",
        };
        return new DecisionCell(partner, part, casting, casting ? $"{text}; casting vote" : text);
    }

    private static string Names(IEnumerable<Guid> ids, DealDocument deal) => string.Join(", ", ids.Select(id => deal.PartnerName(id)));
}

/// <summary>One milestone as the plan shows it: who approves the gate, and whether it is late.</summary>
public sealed record MilestoneRow(
    Milestone Milestone,
    string? DomainName,
    IReadOnlyList<string> Approvers,
    string? ApprovalRule,
    bool Overdue,
    bool InBuffer,
    int DaysOverdue,
    int BufferDaysLeft)
{
    /// <summary>The gate names a domain nobody decides yet, so nobody can approve it.</summary>
    public bool GateWithoutDeciders => Milestone.ApprovalDomainCode is not null && Approvers.Count == 0;
}

/// <summary>
/// The milestones of a deal by due date (undated ones last), each with the partners who approve its gate (those
/// who decide its approval domain) and whether it is in its buffer or overdue on the workspace's date.
/// </summary>
public static class MilestonePlan
{
    public static IReadOnlyList<MilestoneRow> For(DealWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var deal = workspace.Deal;
        var today = workspace.Today;
        return [.. deal.Milestones
            .OrderBy(m => m.DueDate is null)
            .ThenBy(m => m.DueDate)
            .ThenBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(m =>
            {
                var rule = m.ApprovalDomainCode is null ? null : deal.DecisionRules.FirstOrDefault(r => r.DomainCode == m.ApprovalDomainCode);
                var domain = m.ApprovalDomainCode is null ? null : workspace.DecisionDomains.FirstOrDefault(d => d.Code == m.ApprovalDomainCode)?.Name ?? m.ApprovalDomainCode;
                return new MilestoneRow(
                    m,
                    domain,
                    [.. rule?.Participants.Select(id => deal.PartnerName(id)) ?? []],
                    rule is null ? null : DecisionMatrix.Describe(rule, deal),
                    m.IsOverdue(today),
                    m.IsInBuffer(today),
                    m.DaysOverdue(today),
                    m.BufferDaysLeft(today));
            })];
    }
}
