namespace CoProd.Domain.Deals;

/// <summary>
/// Who decides one decision domain (final cut, key casting, budget sign-off …): a partner alone, the partners
/// jointly, or one partner subject to the others' approval within a number of days, with what breaks a deadlock
/// and where it escalates.
/// </summary>
/// <remarks>
/// Joint partners are held in <see cref="ApproverPartnerIds"/> (there is no single decider); in approve-within the
/// decider is <see cref="DeciderPartnerId"/> and the others are the approvers. A rule is kept
/// <see cref="Normalized">normalized</see>: what does not apply to its mode is dropped.
/// </remarks>
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
    public const int DomainCodeMaxLength = 40;
    public const int EscalationMaxLength = 1000;
    public const int MaxApprovalDays = 365;

    /// <summary>Everyone with a say: the decider and the approvers (or all joint partners).</summary>
    public IEnumerable<Guid> Participants =>
        (DeciderPartnerId is { } decider ? [decider] : Enumerable.Empty<Guid>()).Concat(ApproverPartnerIds).Distinct();

    /// <summary>
    /// The rule as it is kept: the domain code in lower case, partners listed once, and what its mode does not use
    /// dropped (approvers and days for a sole decision, the decider for a joint one, the decider among its own
    /// approvers, a tie-break partner without a casting vote, a blank escalation route). See <see cref="Problem"/>
    /// for what still does not hold together.
    /// </summary>
    public DecisionRule Normalized()
    {
        var approvers = (ApproverPartnerIds ?? []).Where(p => p != Guid.Empty).Distinct().ToList();
        var decider = DeciderPartnerId == Guid.Empty ? null : DeciderPartnerId;
        var escalation = string.IsNullOrWhiteSpace(Escalation) ? null : Escalation.Trim();
        var rule = this with
        {
            DomainCode = DomainCode?.Trim().ToLowerInvariant() ?? string.Empty,
            Escalation = escalation,
            TieBreakPartnerId = TieBreak == TieBreak.CastingVote ? TieBreakPartnerId : null,
        };
        return Mode switch
        {
            DecisionMode.SoleAuthority => rule with { DeciderPartnerId = decider, ApproverPartnerIds = [], ApprovalDays = null, DeemedApproval = false },
            DecisionMode.Joint => rule with { DeciderPartnerId = null, ApproverPartnerIds = approvers, ApprovalDays = null, DeemedApproval = false },
            _ => rule with { DeciderPartnerId = decider, ApproverPartnerIds = [.. approvers.Where(p => p != decider)] },
        };
    }

    /// <summary>What is wrong with this (normalized) rule, in words for the person setting it; null when it holds.</summary>
    public string? Problem()
    {
        if (DomainCode.Length is 0 or > DomainCodeMaxLength)
        {
            return "Say which decision domain this is.";
        }

        if (!Enum.IsDefined(Mode))
        {
            return "Choose how the domain is decided.";
        }

        if (!Enum.IsDefined(TieBreak))
        {
            return "Choose what breaks a deadlock.";
        }

        var modeProblem = Mode switch
        {
            DecisionMode.SoleAuthority when DeciderPartnerId is null => "Sole authority needs the partner who decides.",
            DecisionMode.SoleAuthority when TieBreak != TieBreak.None => "A partner deciding alone has no deadlock to break: choose no tie-break.",
            DecisionMode.Joint when ApproverPartnerIds.Count < 2 => "A joint decision needs at least two partners.",
            DecisionMode.Joint when TieBreak == TieBreak.DeciderPrevails => "A joint decision has no single decider to prevail: choose a casting vote or escalation.",
            DecisionMode.ApproveWithin when DeciderPartnerId is null => "Approve-within needs the partner who decides.",
            DecisionMode.ApproveWithin when ApproverPartnerIds.Count == 0 => "Approve-within needs at least one partner, other than the decider, who approves.",
            DecisionMode.ApproveWithin when ApprovalDays is not (> 0 and <= MaxApprovalDays) =>
                $"Approve-within needs the number of days to approve (1 to {MaxApprovalDays}).",
            _ => null,
        };
        if (modeProblem is not null)
        {
            return modeProblem;
        }

        if (TieBreak == TieBreak.CastingVote && TieBreakPartnerId is null)
        {
            return "A casting vote needs the partner who holds it.";
        }

        if (TieBreakPartnerId is { } holder && !Participants.Contains(holder))
        {
            return "The casting vote must be held by one of the partners who take the decision.";
        }

        if (TieBreak == TieBreak.Escalate && Escalation is null)
        {
            return "Deadlocks escalate: say where to (the escalation route).";
        }

        return Escalation?.Length > EscalationMaxLength
            ? $"The escalation route may have at most {EscalationMaxLength} characters."
            : null;
    }
}

/// <summary>A development milestone or approval gate.</summary>
/// <remarks>The approvers of a gate are the partners who decide its <see cref="ApprovalDomainCode"/> domain.</remarks>
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
    public const int MaxBufferDays = 365;

    /// <summary>Approved or done: nothing is awaited any more.</summary>
    public bool IsFinished => Status is MilestoneStatus.Done or MilestoneStatus.Approved;

    /// <summary>The last day before it is overdue: the due date plus the buffer.</summary>
    public DateOnly? Deadline => DueDate?.AddDays(BufferDays);

    /// <summary>Past due (buffer included) and not finished.</summary>
    public bool IsOverdue(DateOnly today) =>
        Deadline is { } deadline && !IsFinished && today > deadline;

    /// <summary>Past the due date but still within the buffer.</summary>
    public bool IsInBuffer(DateOnly today) =>
        DueDate is { } due && !IsFinished && today > due && today <= due.AddDays(BufferDays);

    /// <summary>Days past the deadline (buffer included) when overdue, otherwise zero.</summary>
    public int DaysOverdue(DateOnly today) =>
        IsOverdue(today) ? today.DayNumber - Deadline!.Value.DayNumber : 0;

    /// <summary>Days of buffer left when in the buffer, otherwise zero.</summary>
    public int BufferDaysLeft(DateOnly today) =>
        IsInBuffer(today) ? Deadline!.Value.DayNumber - today.DayNumber : 0;
}
