using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Application.Tests.Review;
using CoProd.Application.Users;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Infrastructure.Persistence;
using CoProd.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProd.Application.Tests.Deals;

public sealed class MemberServiceTests : IClassFixture<ServiceHarness>, IAsyncLifetime
{
    private readonly ServiceHarness _app;
    private DealCast _cast = null!;

    public MemberServiceTests(ServiceHarness app) => _app = app;

    public async Task InitializeAsync() => _cast = await DealCast.ForAsync(_app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_owner_invites_an_existing_user_by_email_and_the_invitation_is_audited()
    {
        var id = await _cast.NewDealAsync(withReviewer: false);

        await Invite(id, _cast.SecondLawyer.Email.ToUpperInvariant(), "reviewer");

        var members = await Members(id);
        Assert.Contains(members, m => m.UserId == _cast.SecondLawyer.Id && m.Role == MemberRole.Reviewer && m.Kind == PersonKind.Lawyer && m.Name == "Larry Lawyer");
        Assert.Equal([MemberRole.Owner, MemberRole.Editor, MemberRole.Reviewer, MemberRole.Viewer], members.Select(m => m.Role));
        var audit = await _app.InScopeAsync(s => s.GetRequiredService<CoProdDbContext>().AuditEntries.Where(a => a.DealId == id && a.Action == "invited member").ToListAsync());
        Assert.Contains(audit, a => a.Field == $"Members › Larry Lawyer ({_cast.SecondLawyer.Email})" && a.OldValue == null && a.NewValue == "reviewer" && a.UserName == "Olivia Owner");
    }

    [Theory]
    [InlineData("lawyer", "owner", "role")]
    [InlineData("producer", "reviewer", "role")]
    [InlineData("nobody", "viewer", "email")]
    [InlineData("admin", "viewer", "email")]
    [InlineData("not an e-mail", "viewer", "email")]
    [InlineData("lawyer", "boss", "role")]
    public async Task Invitations_that_do_not_fit_are_refused_naming_the_field(string who, string role, string field)
    {
        var id = await _cast.NewDealAsync(withReviewer: false);
        var email = who switch
        {
            "lawyer" => _cast.SecondLawyer.Email,
            "producer" => _cast.Outsider.Email,
            "admin" => (await _app.CreateUserAsync(Roles.Admin)).Email,
            "nobody" => "nobody-at-all@test.coprod.local",
            _ => who,
        };

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => Invite(id, email, role));

        Assert.Contains(field, error.Errors.Keys);
        Assert.Equal(3, (await Members(id)).Count);
    }

    [Fact]
    public async Task Inviting_someone_twice_is_refused()
    {
        var id = await _cast.NewDealAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => Invite(id, _cast.Reviewer.Email, "viewer"));

        Assert.Contains("already a member", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MemberRole.Editor)]
    [InlineData(MemberRole.Reviewer)]
    [InlineData(MemberRole.Viewer)]
    public async Task Only_owners_manage_members(MemberRole role)
    {
        var id = await _cast.NewDealAsync();
        var actor = _cast.Get(role);
        var version = await _cast.VersionAsync(id, actor);

        await Assert.ThrowsAsync<DealAccessException>(() => _cast.InScope<MemberService, uint>(s => s.InviteAsync(id, version, new InviteInput { Email = _cast.Outsider.Email, Role = "viewer" }, CancellationToken.None)));
        await Assert.ThrowsAsync<DealAccessException>(() => _cast.InScope<MemberService, uint>(s => s.ChangeRoleAsync(id, version, _cast.Viewer.Id, "editor", CancellationToken.None)));
        await Assert.ThrowsAsync<DealAccessException>(() => _cast.InScope<MemberService, uint>(s => s.RemoveAsync(id, version, _cast.Viewer.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task Someone_who_is_not_a_member_gets_not_found_for_the_members()
    {
        var id = await _cast.NewDealAsync();
        _app.User.ActAs(_cast.Outsider);

        await Assert.ThrowsAsync<NotFoundException>(() => _cast.InScope<MemberService, IReadOnlyList<MemberView>>(s => s.ListAsync(id, CancellationToken.None)));
    }

    [Fact]
    public async Task A_deal_keeps_an_owner()
    {
        var id = await _cast.NewDealAsync();

        var demote = await Assert.ThrowsAsync<DomainException>(() => ChangeRole(id, _cast.Owner.Id, "editor"));
        var remove = await Assert.ThrowsAsync<DomainException>(() => Remove(id, _cast.Owner.Id));

        Assert.Contains("needs an owner", demote.Message, StringComparison.Ordinal);
        Assert.Contains("needs an owner", remove.Message, StringComparison.Ordinal);
        await ChangeRole(id, _cast.Editor.Id, "owner");
        await ChangeRole(id, _cast.Owner.Id, "viewer");
        Assert.Equal(MemberRole.Owner, (await Members(id, _cast.Editor)).Single(m => m.UserId == _cast.Editor.Id).Role);
    }

    [Fact]
    public async Task A_deal_in_legal_review_keeps_its_reviewer()
    {
        var id = await _cast.DealInAsync(DealStatus.InLegalReview);

        var error = await Assert.ThrowsAsync<DomainException>(() => Remove(id, _cast.Reviewer.Id));
        Assert.Contains("only reviewer", error.Message, StringComparison.Ordinal);

        await Invite(id, _cast.SecondLawyer.Email, "reviewer");
        await Remove(id, _cast.Reviewer.Id);
        Assert.DoesNotContain(await Members(id), m => m.UserId == _cast.Reviewer.Id);
    }

    [Fact]
    public async Task Role_changes_and_removals_are_audited_with_old_and_new_role()
    {
        var id = await _cast.NewDealAsync();

        await ChangeRole(id, _cast.Viewer.Id, "editor");
        await Remove(id, _cast.Viewer.Id);

        var audit = await _app.InScopeAsync(s => s.GetRequiredService<CoProdDbContext>().AuditEntries
            .Where(a => a.DealId == id && (a.Action == "changed member role" || a.Action == "removed member")).OrderBy(a => a.Id).ToListAsync());
        var field = $"Members › Vera Viewer ({_cast.Viewer.Email})";
        Assert.Equal([("changed member role", field, "viewer", "editor"), ("removed member", field, "editor", null)], audit.Select(a => (a.Action, a.Field, a.OldValue, a.NewValue)));
    }

    [Fact]
    public async Task A_removed_member_no_longer_finds_the_deal()
    {
        var id = await _cast.NewDealAsync();

        await Remove(id, _cast.Viewer.Id);

        _app.User.ActAs(_cast.Viewer);
        await Assert.ThrowsAsync<NotFoundException>(() => _cast.InScope<DealQueries, DealWorkspace>(s => s.GetAsync(id, CancellationToken.None)));
    }

    private async Task<uint> Invite(Guid id, string email, string role)
    {
        var version = await _cast.VersionAsync(id);
        return await _cast.InScope<MemberService, uint>(s => s.InviteAsync(id, version, new InviteInput { Email = email, Role = role }, CancellationToken.None));
    }

    private async Task<uint> ChangeRole(Guid id, Guid userId, string role)
    {
        var version = await _cast.VersionAsync(id);
        return await _cast.InScope<MemberService, uint>(s => s.ChangeRoleAsync(id, version, userId, role, CancellationToken.None));
    }

    private async Task<uint> Remove(Guid id, Guid userId)
    {
        var version = await _cast.VersionAsync(id);
        return await _cast.InScope<MemberService, uint>(s => s.RemoveAsync(id, version, userId, CancellationToken.None));
    }

    private async Task<IReadOnlyList<MemberView>> Members(Guid id, TestUser? @as = null)
    {
        _app.User.ActAs(@as ?? _cast.Owner);
        return await _cast.InScope<MemberService, IReadOnlyList<MemberView>>(s => s.ListAsync(id, CancellationToken.None));
    }
}
