namespace CoProd.Domain.Deals;

/// <summary>Where a deal stands (design.md "Workflow"). Each move keeps an immutable version of the deal.</summary>
public enum DealStatus
{
    Draft,
    InLegalReview,
    ChangesRequested,
    Approved,
    Signed,
    Archived,
}

/// <summary>Official (treaty-based), unofficial (contract only), or not decided yet.</summary>
public enum DealKind
{
    Undecided,
    Official,
    Unofficial,
}

/// <summary>What a member may do with a deal.</summary>
public enum MemberRole
{
    /// <summary>Everything, including inviting members and moving the deal through its workflow.</summary>
    Owner,

    /// <summary>Edits the deal's structure (lawyers never its financial figures).</summary>
    Editor,

    /// <summary>A lawyer reviewing the terms: comments, requests changes, approves.</summary>
    Reviewer,

    /// <summary>Reads only.</summary>
    Viewer,
}

/// <summary>Who pays when the production costs more than its budget.</summary>
public enum OverageMode
{
    /// <summary>Every partner in proportion to its share.</summary>
    ProRata,

    /// <summary>Pro rata up to a cap; beyond it, the named partner (or a new agreement).</summary>
    Capped,

    /// <summary>One named partner bears all overages.</summary>
    BorneByPartner,
}

/// <summary>How a decision domain is decided.</summary>
public enum DecisionMode
{
    /// <summary>One partner decides alone.</summary>
    SoleAuthority,

    /// <summary>All listed partners must agree (consensus).</summary>
    Joint,

    /// <summary>One partner decides, others approve within N days; silence after that counts as approval if deemed approval applies.</summary>
    ApproveWithin,
}

/// <summary>What settles a deadlock in a joint decision.</summary>
public enum TieBreak
{
    None,

    /// <summary>A named partner has the casting vote.</summary>
    CastingVote,

    /// <summary>The deciding partner's view prevails.</summary>
    DeciderPrevails,

    /// <summary>The question goes up the escalation route.</summary>
    Escalate,
}

public enum MilestoneStatus
{
    Planned,
    InProgress,
    AwaitingApproval,
    Approved,
    Done,
    Blocked,
}

public enum DisputeResolution
{
    Court,
    Arbitration,
    Mediation,
}

/// <summary>How the copyright and other IP in the work is owned.</summary>
public enum IpOwnership
{
    /// <summary>In proportion to the partners' shares of the financing.</summary>
    ProportionalToShares,

    /// <summary>A negotiated split per partner.</summary>
    Negotiated,
}
