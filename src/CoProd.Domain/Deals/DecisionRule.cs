namespace CoProd.Domain.Deals;

/// <summary>
/// Who decides one decision domain (final cut, key casting, budget sign-off …): a partner alone, the partners
/// jointly, or one partner subject to the others' approval within a number of days, with what breaks a deadlock
/// and where it escalates.
/// </summary>
public sealed record DecisionRule(
    string DomainCode,
    DecisionMode Mode,
    Guid? DeciderPartnerId,
    IReadOnlyList<Guid> ApproverPartnerIds,
    int? ApprovalDays = null,
    bool DeemedApproval = false,
    TieBreak TieBreak = TieBreak.None,
    Guid? TieBreakPartnerId = null,
    string? Escalation = null)
{
    public const int EscalationMaxLength = 1000;
    public const int MaxApprovalDays = 365;

    /// <summary>Everyone with a say: the decider and the approvers (or all joint partners).</summary>
    public IEnumerable<Guid> Participants =>
        (DeciderPartnerId is { } decider ? [decider] : Enumerable.Empty<Guid>()).Concat(ApproverPartnerIds).Distinct();
}

/// <summary>A development milestone or approval gate.</summary>
public sealed record Milestone(
    Guid Id,
    string Name,
    DateOnly? DueDate,
    MilestoneStatus Status,
    int BufferDays,
    string? ApprovalDomainCode = null,
    DateOnly? CompletedOn = null,
    string? Notes = null)
{
    public const int NameMaxLength = 200;
    public const int NotesMaxLength = 2000;

    /// <summary>Past due (buffer included) and not finished.</summary>
    public bool IsOverdue(DateOnly today) =>
        DueDate is { } due && Status is not (MilestoneStatus.Done or MilestoneStatus.Approved) && today > due.AddDays(BufferDays);

    /// <summary>Past the due date but still within the buffer.</summary>
    public bool IsInBuffer(DateOnly today) =>
        DueDate is { } due && Status is not (MilestoneStatus.Done or MilestoneStatus.Approved) && today > due && today <= due.AddDays(BufferDays);
}
