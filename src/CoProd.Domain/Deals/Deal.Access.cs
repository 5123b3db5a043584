using CoProd.Domain.Common;

namespace CoProd.Domain.Deals;

/// <summary>Things a person may want to do with a deal.</summary>
public enum DealAction
{
    View,
    Comment,

    /// <summary>Title, format, schedule, people, places, decisions, milestones, rights, legal terms.</summary>
    EditStructure,

    /// <summary>Budget, currency, contributions, overage policy: never lawyers.</summary>
    EditFinancials,
    ManageMembers,
    SubmitForReview,
    WithdrawFromReview,
    RequestChanges,
    Approve,
    Reopen,
    Sign,
    Archive,

    /// <summary>Marks a comment as a change the deal must make before it can be approved: reviewers only.</summary>
    MarkChangeRequest,
}

/// <summary>What kind of person a member is, as far as a deal's rules care (from the user's application role).</summary>
public enum PersonKind
{
    Producer,
    Lawyer,
}

// Who may do what with a deal, and the workflow Draft → In legal review → Changes requested → Approved → Signed
// → Archived. Permissions come from the member role, the deal's status and whether the person is a lawyer.
public sealed partial class Deal
{
    public DealStatus Status { get; private set; } = DealStatus.Draft;

    /// <summary>Edits happen while drafting or answering requested changes; review, approval and signature freeze the deal.</summary>
    public bool IsEditable => Status is DealStatus.Draft or DealStatus.ChangesRequested;

    public MemberRole? RoleOf(Guid userId) => _members.Find(m => m.UserId == userId)?.Role;

    public bool Can(Guid userId, bool isLawyer, DealAction action)
    {
        if (RoleOf(userId) is not { } role)
        {
            return false;
        }

        var writer = role is MemberRole.Owner or MemberRole.Editor;
        return action switch
        {
            DealAction.View => true,
            DealAction.Comment => role != MemberRole.Viewer && Status != DealStatus.Archived,
            DealAction.EditStructure => writer && IsEditable,
            DealAction.EditFinancials => writer && IsEditable && !isLawyer,
            DealAction.ManageMembers => role == MemberRole.Owner && Status != DealStatus.Archived,
            DealAction.SubmitForReview => writer && IsEditable && !isLawyer,
            DealAction.WithdrawFromReview => role == MemberRole.Owner && Status == DealStatus.InLegalReview,
            DealAction.RequestChanges or DealAction.Approve => role == MemberRole.Reviewer && Status == DealStatus.InLegalReview,
            DealAction.Reopen => role == MemberRole.Reviewer && Status == DealStatus.Approved,
            DealAction.Sign => role == MemberRole.Owner && Status == DealStatus.Approved,
            DealAction.Archive => role == MemberRole.Owner && Status is DealStatus.Signed or DealStatus.Draft,
            DealAction.MarkChangeRequest => role == MemberRole.Reviewer && Status is DealStatus.InLegalReview or DealStatus.ChangesRequested,
            _ => false,
        };
    }

    /// <summary>Throws when the person may not do it, with a message that says why.</summary>
    public void Demand(Guid userId, bool isLawyer, DealAction action)
    {
        if (Can(userId, isLawyer, action))
        {
            return;
        }

        var role = RoleOf(userId);
        throw new DealAccessException(action switch
        {
            _ when role is null => "You are not a member of this deal.",
            DealAction.EditFinancials when isLawyer => "Lawyers review the terms but do not change financial figures.",
            DealAction.EditStructure or DealAction.EditFinancials when !IsEditable =>
                $"The deal is {Describe(Status)}: it can be changed only while it is a draft or changes have been requested.",
            DealAction.EditStructure or DealAction.EditFinancials => "Your role on this deal lets you read it, not change it.",
            DealAction.ManageMembers => "Only the deal's owner invites and removes members.",
            DealAction.RequestChanges or DealAction.Approve => "Only a reviewing lawyer can do this, while the deal is in legal review.",
            DealAction.Reopen => "Only a reviewing lawyer reopens a deal, once it is approved.",
            DealAction.MarkChangeRequest => "Only a reviewing lawyer asks for changes, while the deal is in legal review or waiting for changes.",
            DealAction.Comment when role == MemberRole.Viewer => "Viewers read the deal and its discussion but do not comment.",
            DealAction.SubmitForReview when isLawyer => "Producers submit a deal for legal review; lawyers review it.",
            _ => $"That is not possible while the deal is {Describe(Status)}, or not with your role.",
        });
    }

    /// <summary>
    /// The roles a person of this kind may hold on a deal. Owners and reviewers are the two sides of the review:
    /// producers own deals (and submit and sign them), lawyers review them. A lawyer may also be an editor, to draft
    /// terms directly (never financial figures); anyone may be a viewer.
    /// </summary>
    public static IReadOnlyList<MemberRole> RolesFor(PersonKind kind) => kind switch
    {
        PersonKind.Lawyer => [MemberRole.Reviewer, MemberRole.Editor, MemberRole.Viewer],
        _ => [MemberRole.Owner, MemberRole.Editor, MemberRole.Viewer],
    };

    public DealMember AddMember(Guid userId, PersonKind kind, MemberRole role, Guid addedBy, DateTimeOffset now)
    {
        if (_members.Exists(m => m.UserId == userId))
        {
            throw new DomainException("That person is already a member of this deal.");
        }

        EnsureFits(kind, role);
        var member = new DealMember(Id, userId, role, now, addedBy);
        _members.Add(member);
        return member;
    }

    public void ChangeMemberRole(Guid userId, PersonKind kind, MemberRole role)
    {
        var member = _members.Find(m => m.UserId == userId) ?? throw new DomainException("That person is not a member of this deal.");
        EnsureFits(kind, role);
        if (member.Role == MemberRole.Owner && role != MemberRole.Owner && _members.Count(m => m.Role == MemberRole.Owner) == 1)
        {
            throw new DomainException("A deal needs an owner: make someone else owner first.");
        }

        if (member.Role == MemberRole.Reviewer && role != MemberRole.Reviewer)
        {
            EnsureReviewerRemainsAfterLosing();
        }

        member.ChangeRole(role);
    }

    public void RemoveMember(Guid userId)
    {
        var member = _members.Find(m => m.UserId == userId) ?? throw new DomainException("That person is not a member of this deal.");
        if (member.Role == MemberRole.Owner && _members.Count(m => m.Role == MemberRole.Owner) == 1)
        {
            throw new DomainException("A deal needs an owner: make someone else owner before removing this one.");
        }

        if (member.Role == MemberRole.Reviewer)
        {
            EnsureReviewerRemainsAfterLosing();
        }

        _members.Remove(member);
    }

    private static void EnsureFits(PersonKind kind, MemberRole role)
    {
        if (!RolesFor(kind).Contains(role))
        {
            throw new DomainException(kind == PersonKind.Lawyer
                ? $"A lawyer can be a reviewer, an editor or a viewer of a deal, not its {Describe(role)}."
                : $"A producer can be an owner, an editor or a viewer of a deal, not its {Describe(role)}: reviewers are lawyers.");
        }
    }

    /// <summary>A deal in legal review keeps a reviewer: otherwise nobody could approve it or ask for changes.</summary>
    private void EnsureReviewerRemainsAfterLosing()
    {
        if (Status == DealStatus.InLegalReview && _members.Count(m => m.Role == MemberRole.Reviewer) == 1)
        {
            throw new DomainException("The deal is in legal review and this is its only reviewer: invite another reviewer, or withdraw the deal from review first.");
        }
    }

    /// <summary>
    /// Who may resolve or reopen a thread: a requested change is settled by a reviewer (the lawyers decide whether
    /// their request was met); any other thread by its author, an owner or a reviewer.
    /// </summary>
    public bool CanSettle(Guid threadAuthorId, bool isChangeRequest, Guid userId)
    {
        if (RoleOf(userId) is not { } role || Status == DealStatus.Archived)
        {
            return false;
        }

        return isChangeRequest
            ? role == MemberRole.Reviewer
            : threadAuthorId == userId || role is MemberRole.Owner or MemberRole.Reviewer;
    }

    public void DemandSettle(Guid threadAuthorId, bool isChangeRequest, Guid userId)
    {
        if (!CanSettle(threadAuthorId, isChangeRequest, userId))
        {
            throw new DealAccessException(isChangeRequest
                ? "Only a reviewing lawyer resolves or reopens a requested change."
                : "Only the comment's author, an owner or a reviewer resolves or reopens it.");
        }
    }

    /// <summary>The workflow steps, in the order a deal usually takes them.</summary>
    public static IReadOnlyList<DealAction> WorkflowActions { get; } =
    [
        DealAction.SubmitForReview, DealAction.WithdrawFromReview, DealAction.RequestChanges, DealAction.Approve,
        DealAction.Reopen, DealAction.Sign, DealAction.Archive,
    ];

    /// <summary>
    /// Moves the deal through its workflow; returns the status it left. Asking for changes needs something to
    /// change (an open requested change or a note saying what); approval needs every requested change resolved.
    /// </summary>
    public DealStatus Transition(DealAction action, Guid userId, bool isLawyer, int openChangeRequests, string? note)
    {
        if (!WorkflowActions.Contains(action))
        {
            throw new DomainException("That is not a workflow step.");
        }

        Demand(userId, isLawyer, action);
        var target = action switch
        {
            DealAction.SubmitForReview => DealStatus.InLegalReview,
            DealAction.WithdrawFromReview => DealStatus.Draft,
            DealAction.RequestChanges => DealStatus.ChangesRequested,
            DealAction.Approve => DealStatus.Approved,
            DealAction.Reopen => DealStatus.ChangesRequested,
            DealAction.Sign => DealStatus.Signed,
            _ => DealStatus.Archived,
        };
        if (action == DealAction.SubmitForReview && !_members.Exists(m => m.Role == MemberRole.Reviewer))
        {
            throw new DomainException("Invite a lawyer as reviewer before submitting the deal for legal review.");
        }

        if (action is DealAction.RequestChanges or DealAction.Reopen && openChangeRequests == 0 && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("Say what has to change: mark a comment as a requested change, or write it in the note.");
        }

        if (action == DealAction.Approve && openChangeRequests > 0)
        {
            throw new DomainException(openChangeRequests == 1
                ? "One requested change is still open: resolve it once the deal meets it, then approve."
                : $"{openChangeRequests} requested changes are still open: resolve them once the deal meets them, then approve.");
        }

        var from = Status;
        Status = target;
        return from;
    }

    /// <summary>"Submit for legal review", for buttons and the audit trail.</summary>
    public static string Describe(DealAction action) => action switch
    {
        DealAction.SubmitForReview => "submit for legal review",
        DealAction.WithdrawFromReview => "withdraw from review",
        DealAction.RequestChanges => "request changes",
        DealAction.Approve => "approve",
        DealAction.Reopen => "reopen the approved deal",
        DealAction.Sign => "record the signature",
        DealAction.Archive => "archive",
        _ => action.ToString(),
    };

    public static string Describe(MemberRole role) => role switch
    {
        MemberRole.Owner => "owner",
        MemberRole.Editor => "editor",
        MemberRole.Reviewer => "reviewer",
        _ => "viewer",
    };

    public static string Describe(DealStatus status) => status switch
    {
        DealStatus.Draft => "a draft",
        DealStatus.InLegalReview => "in legal review",
        DealStatus.ChangesRequested => "waiting for requested changes",
        DealStatus.Approved => "approved",
        DealStatus.Signed => "signed",
        DealStatus.Archived => "archived",
        _ => status.ToString(),
    };
}

/// <summary>The person may not do that with this deal; the message says why.</summary>
public sealed class DealAccessException : DomainException
{
    public DealAccessException(string message)
        : base(message)
    {
    }

    public DealAccessException()
    {
    }

    public DealAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
