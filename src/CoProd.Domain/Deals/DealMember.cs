namespace CoProd.Domain.Deals;

/// <summary>A user's access to one deal. Users are known to the domain by id only.</summary>
public sealed class DealMember
{
    private DealMember()
    {
    }

    internal DealMember(Guid dealId, Guid userId, MemberRole role, DateTimeOffset addedAt, Guid? addedBy)
    {
        DealId = dealId;
        UserId = userId;
        Role = role;
        AddedAt = addedAt;
        AddedBy = addedBy;
    }

    public Guid DealId { get; private set; }

    public Guid UserId { get; private set; }

    public MemberRole Role { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public Guid? AddedBy { get; private set; }

    internal void ChangeRole(MemberRole role) => Role = role;
}
