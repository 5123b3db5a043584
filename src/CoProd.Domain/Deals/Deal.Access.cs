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
            DealAction.RequestChanges or DealAction.Approve or DealAction.Reopen => "Only a reviewing lawyer can do this, while the deal is in legal review.",
            _ => $"That is not possible while the deal is {Describe(Status)}, or not with your role.",
        });
    }

    public DealMember AddMember(Guid userId, MemberRole role, Guid addedBy, DateTimeOffset now)
    {
        if (_members.Exists(m => m.UserId == userId))
        {
            throw new DomainException("That person is already a member of this deal.");
        }

        var member = new DealMember(Id, userId, role, now, addedBy);
        _members.Add(member);
        return member;
    }

    public void ChangeMemberRole(Guid userId, MemberRole role)
    {
        var member = _members.Find(m => m.UserId == userId) ?? throw new DomainException("That person is not a member of this deal.");
        if (member.Role == MemberRole.Owner && role != MemberRole.Owner && _members.Count(m => m.Role == MemberRole.Owner) == 1)
        {
            throw new DomainException("A deal needs an owner: make someone else owner first.");
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

        _members.Remove(member);
    }

    /// <summary>Moves the deal through its workflow; returns the status it left.</summary>
    public DealStatus Transition(DealAction action, Guid userId, bool isLawyer)
    {
        Demand(userId, isLawyer, action);
        var target = action switch
        {
            DealAction.SubmitForReview => DealStatus.InLegalReview,
            DealAction.WithdrawFromReview => DealStatus.Draft,
            DealAction.RequestChanges => DealStatus.ChangesRequested,
            DealAction.Approve => DealStatus.Approved,
            DealAction.Reopen => DealStatus.ChangesRequested,
            DealAction.Sign => DealStatus.Signed,
            DealAction.Archive => DealStatus.Archived,
            _ => throw new DomainException("That is not a workflow step."),
        };
        if (action == DealAction.SubmitForReview && !_members.Exists(m => m.Role == MemberRole.Reviewer))
        {
            throw new DomainException("Invite a lawyer as reviewer before submitting the deal for legal review.");
        }

        var from = Status;
        Status = target;
        return from;
    }

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
