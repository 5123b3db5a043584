using CoProd.Application.Common;
using CoProd.Application.Users;
using CoProd.Domain.Deals;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.Deals;

/// <summary>A member of a deal as the members page and the API show them.</summary>
public sealed record MemberView(Guid UserId, string Name, string Email, MemberRole Role, PersonKind Kind, DateTimeOffset AddedAt, bool IsMe, IReadOnlyList<MemberRole> PossibleRoles);

/// <summary>Invite an existing user, by e-mail, with a role.</summary>
public sealed class InviteInput
{
    public string? Email { get; set; }

    public string? Role { get; set; }
}

public sealed class InviteInputValidator : AbstractValidator<InviteInput>
{
    public InviteInputValidator()
    {
        RuleFor(i => i.Email).NotEmpty().WithMessage("Enter the e-mail address of the person to invite.")
            .EmailAddress().WithMessage("Enter an e-mail address.");
        RuleFor(i => i.Role).Must(r => Enums.TryParse<MemberRole>(r, out _)).WithMessage($"Choose a role: {Enums.Names<MemberRole>()}.");
    }
}

/// <summary>
/// Who is on a deal: the owner invites existing users by e-mail, changes their roles and removes them. The domain
/// says which roles fit whom (lawyers review, producers own) and keeps an owner (and, in review, a reviewer);
/// every change is audited with the person's name.
/// </summary>
public sealed class MemberService
{
    private readonly IApplicationDbContext _db;
    private readonly DealStore _store;
    private readonly IUserDirectory _users;

    public MemberService(IApplicationDbContext db, DealStore store, IUserDirectory users)
    {
        _db = db;
        _store = store;
        _users = users;
    }

    /// <summary>The kind of person a user is for a deal's rules; null for someone who works on no deals (an admin only).</summary>
    public static PersonKind? KindOf(UserSummary user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Roles.Contains(Roles.Lawyer) ? PersonKind.Lawyer : user.Roles.Contains(Roles.Producer) ? PersonKind.Producer : null;
    }

    /// <summary>The members, owners first, then by name.</summary>
    public async Task<IReadOnlyList<MemberView>> ListAsync(Guid dealId, CancellationToken cancellationToken)
    {
        await _store.RoleAsync(dealId, cancellationToken);
        var members = await _db.DealMembers.AsNoTracking().Where(m => m.DealId == dealId).ToListAsync(cancellationToken);
        var users = await _users.GetAsync(members.Select(m => m.UserId), cancellationToken);
        var me = _store.UserId;
        return [.. members
            .Select(m =>
            {
                var user = users.GetValueOrDefault(m.UserId);
                var kind = user is null ? PersonKind.Producer : KindOf(user) ?? PersonKind.Producer;
                return new MemberView(m.UserId, user?.DisplayName ?? "(removed user)", user?.Email ?? string.Empty, m.Role, kind, m.AddedAt, m.UserId == me, Deal.RolesFor(kind));
            })
            .OrderBy(m => m.Role)
            .ThenBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<uint> InviteAsync(Guid dealId, uint version, InviteInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await DealStore.ValidateAsync(new InviteInputValidator(), input, cancellationToken);
        var role = Enums.Parse<MemberRole>(input.Role);

        // Only the owner may look people up: otherwise anyone on a deal could probe which e-mails have accounts.
        var deal = await _store.LoadAsync(dealId, tracking: false, cancellationToken);
        deal.Demand(_store.UserId, _store.IsLawyer, DealAction.ManageMembers);
        var user = await _users.FindByEmailAsync(input.Email!, cancellationToken);
        if (user is null || user.IsDisabled)
        {
            throw new RequestValidationException("email", "No active CoProd user has this e-mail address. Ask an administrator to create the account first.");
        }

        if (KindOf(user) is not { } kind)
        {
            throw new RequestValidationException("email", $"{user.DisplayName} is an administrator, not a producer or a lawyer: administrators keep the reference data and do not join deals.");
        }

        if (!Deal.RolesFor(kind).Contains(role))
        {
            throw new RequestValidationException("role", kind == PersonKind.Lawyer
                ? $"{user.DisplayName} is a lawyer: invite them as reviewer, editor or viewer."
                : $"{user.DisplayName} is a producer: invite them as owner, editor or viewer (reviewers are lawyers).");
        }

        return await _store.ChangeDescribedAsync(dealId, version, DealAction.ManageMembers, "invited member", d =>
        {
            d.AddMember(user.Id, kind, role, _store.UserId, _store.Now);
            return [new FieldChange("Members", $"{user.DisplayName} ({user.Email})", null, Deal.Describe(role))];
        }, cancellationToken);
    }

    public async Task<uint> ChangeRoleAsync(Guid dealId, uint version, Guid userId, string? role, CancellationToken cancellationToken)
    {
        if (!Enums.TryParse<MemberRole>(role, out var newRole))
        {
            throw new RequestValidationException("role", $"Choose a role: {Enums.Names<MemberRole>()}.");
        }

        var (user, kind) = await MemberAsync(dealId, userId, cancellationToken);
        return await _store.ChangeDescribedAsync(dealId, version, DealAction.ManageMembers, "changed member role", d =>
        {
            var old = d.RoleOf(userId) ?? throw new Domain.Common.DomainException("That person is not a member of this deal.");
            d.ChangeMemberRole(userId, kind, newRole);
            return old == newRole ? [] : [new FieldChange("Members", $"{user.DisplayName} ({user.Email})", Deal.Describe(old), Deal.Describe(newRole))];
        }, cancellationToken);
    }

    public async Task<uint> RemoveAsync(Guid dealId, uint version, Guid userId, CancellationToken cancellationToken)
    {
        var (user, _) = await MemberAsync(dealId, userId, cancellationToken);
        return await _store.ChangeDescribedAsync(dealId, version, DealAction.ManageMembers, "removed member", d =>
        {
            var old = d.RoleOf(userId) ?? throw new Domain.Common.DomainException("That person is not a member of this deal.");
            d.RemoveMember(userId);
            return [new FieldChange("Members", $"{user.DisplayName} ({user.Email})", Deal.Describe(old), null)];
        }, cancellationToken);
    }

    private async Task<(UserSummary User, PersonKind Kind)> MemberAsync(Guid dealId, Guid userId, CancellationToken cancellationToken)
    {
        var deal = await _store.LoadAsync(dealId, tracking: false, cancellationToken);
        deal.Demand(_store.UserId, _store.IsLawyer, DealAction.ManageMembers);
        if (deal.RoleOf(userId) is null)
        {
            throw new NotFoundException("That person is not a member of this deal.");
        }

        var user = (await _users.GetAsync([userId], cancellationToken)).GetValueOrDefault(userId)
            ?? new UserSummary(userId, string.Empty, "(removed user)", [], true);
        return (user, KindOf(user) ?? PersonKind.Producer);
    }
}
