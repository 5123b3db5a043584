using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Deals;

public sealed class DealMembershipTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Owner = Guid.NewGuid();

    private static CoProd.Domain.Deals.Deal NewDeal() => CoProd.Domain.Deals.Deal.Create(Guid.NewGuid(), "Test film", ProductionFormat.FictionFeature, Cur("EUR"), 1_000_000m, Owner, Now);

    [Theory]
    [InlineData(PersonKind.Producer, MemberRole.Owner, true)]
    [InlineData(PersonKind.Producer, MemberRole.Editor, true)]
    [InlineData(PersonKind.Producer, MemberRole.Viewer, true)]
    [InlineData(PersonKind.Producer, MemberRole.Reviewer, false)]
    [InlineData(PersonKind.Lawyer, MemberRole.Reviewer, true)]
    [InlineData(PersonKind.Lawyer, MemberRole.Editor, true)]
    [InlineData(PersonKind.Lawyer, MemberRole.Viewer, true)]
    [InlineData(PersonKind.Lawyer, MemberRole.Owner, false)]
    public void Producers_own_and_lawyers_review(PersonKind kind, MemberRole role, bool fits)
    {
        var deal = NewDeal();
        var add = () => deal.AddMember(Guid.NewGuid(), kind, role, Owner, Now);

        if (fits)
        {
            Assert.Equal(role, add().Role);
        }
        else
        {
            Assert.Throws<DomainException>(add);
            Assert.Single(deal.Members);
        }
    }

    [Fact]
    public void A_role_change_must_fit_the_person_too()
    {
        var deal = NewDeal();
        var lawyer = Guid.NewGuid();
        deal.AddMember(lawyer, PersonKind.Lawyer, MemberRole.Viewer, Owner, Now);

        Assert.Throws<DomainException>(() => deal.ChangeMemberRole(lawyer, PersonKind.Lawyer, MemberRole.Owner));
        deal.ChangeMemberRole(lawyer, PersonKind.Lawyer, MemberRole.Reviewer);

        Assert.Equal(MemberRole.Reviewer, deal.RoleOf(lawyer));
    }

    [Fact]
    public void The_only_reviewer_of_a_deal_in_review_stays_until_another_joins()
    {
        var deal = NewDeal();
        var reviewer = Guid.NewGuid();
        deal.AddMember(reviewer, PersonKind.Lawyer, MemberRole.Reviewer, Owner, Now);
        deal.Transition(DealAction.SubmitForReview, Owner, isLawyer: false, openChangeRequests: 0, note: null);

        Assert.Throws<DomainException>(() => deal.RemoveMember(reviewer));
        Assert.Throws<DomainException>(() => deal.ChangeMemberRole(reviewer, PersonKind.Lawyer, MemberRole.Viewer));
        deal.AddMember(Guid.NewGuid(), PersonKind.Lawyer, MemberRole.Reviewer, Owner, Now);
        deal.RemoveMember(reviewer);

        Assert.Null(deal.RoleOf(reviewer));
    }

    [Theory]
    [InlineData(MemberRole.Owner, false, false, true)]
    [InlineData(MemberRole.Owner, true, false, false)]
    [InlineData(MemberRole.Reviewer, false, false, true)]
    [InlineData(MemberRole.Reviewer, true, false, true)]
    [InlineData(MemberRole.Editor, false, false, false)]
    [InlineData(MemberRole.Editor, false, true, true)]
    [InlineData(MemberRole.Editor, true, true, false)]
    [InlineData(MemberRole.Viewer, false, false, false)]
    public void Who_settles_a_thread(MemberRole role, bool changeRequest, bool isAuthor, bool may)
    {
        var deal = NewDeal();
        var user = role == MemberRole.Owner ? Owner : Guid.NewGuid();
        if (role != MemberRole.Owner)
        {
            deal.AddMember(user, role == MemberRole.Reviewer ? PersonKind.Lawyer : PersonKind.Producer, role, Owner, Now);
        }

        var author = isAuthor ? user : Guid.NewGuid();

        Assert.Equal(may, deal.CanSettle(author, changeRequest, user));
        Assert.False(deal.CanSettle(author, changeRequest, Guid.NewGuid()));
    }

    [Theory]
    [InlineData(DealStatus.Draft, false)]
    [InlineData(DealStatus.InLegalReview, true)]
    [InlineData(DealStatus.ChangesRequested, true)]
    [InlineData(DealStatus.Approved, false)]
    public void Reviewers_mark_requested_changes_while_the_deal_is_under_review(DealStatus status, bool may)
    {
        var deal = NewDeal();
        var reviewer = Guid.NewGuid();
        deal.AddMember(reviewer, PersonKind.Lawyer, MemberRole.Reviewer, Owner, Now);
        if (status != DealStatus.Draft)
        {
            deal.Transition(DealAction.SubmitForReview, Owner, false, 0, null);
        }

        if (status == DealStatus.ChangesRequested)
        {
            deal.Transition(DealAction.RequestChanges, reviewer, true, 0, "Fix the credits.");
        }
        else if (status == DealStatus.Approved)
        {
            deal.Transition(DealAction.Approve, reviewer, true, 0, null);
        }

        Assert.Equal(may, deal.Can(reviewer, isLawyer: true, DealAction.MarkChangeRequest));
        Assert.False(deal.Can(Owner, isLawyer: false, DealAction.MarkChangeRequest));
    }
}
