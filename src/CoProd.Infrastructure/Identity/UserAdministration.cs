using System.Security.Cryptography;
using CoProd.Application.Audit;
using CoProd.Application.Common;
using CoProd.Application.Users;
using CoProd.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Infrastructure.Identity;

/// <summary>
/// Accounts kept by ASP.NET Core Identity, changed through <see cref="UserManager{TUser}"/> so its rules apply
/// (unique e-mail, password validators, security stamp). Each change and its audit entry are saved in one
/// transaction.
/// </summary>
internal sealed class UserAdministration : IUserAdministration
{
    private const string Area = "user";

    /// <summary>No look-alike characters (0/o, 1/l/i): the password is read off a screen and typed.</summary>
    private const string PasswordAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    private readonly CoProdDbContext _db;
    private readonly UserManager<AppUser> _users;
    private readonly ICurrentUser _user;
    private readonly AuditTrail _audit;
    private readonly TimeProvider _time;

    public UserAdministration(CoProdDbContext db, UserManager<AppUser> users, ICurrentUser user, AuditTrail audit, TimeProvider time)
    {
        _db = db;
        _users = users;
        _user = user;
        _audit = audit;
        _time = time;
    }

    public async Task<IReadOnlyList<AdminUserRow>> ListAsync(string? search, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        var query = _db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(text) || u.DisplayName.ToUpper().Contains(text));
        }

        var users = await query.OrderBy(u => u.DisplayName).ThenBy(u => u.Email).Take(500).ToListAsync(cancellationToken);
        var roles = await RolesAsync(users.Select(u => u.Id).ToList(), cancellationToken);
        return [.. users.Select(u => Row(u, roles))];
    }

    public async Task<AdminUserRow> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        var user = await _db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken)
            ?? throw new NotFoundException("There is no such user.");
        return Row(user, await RolesAsync([id], cancellationToken));
    }

    public async Task<InviteResult> InviteAsync(InviteUserInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        AccessDeniedException.UnlessAdmin(_user);
        var validation = await new InviteUserInputValidator().ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            throw RequestValidationException.From(validation);
        }

        var email = input.Email!.Trim();
        var generated = string.IsNullOrEmpty(input.Password);
        var password = generated ? GeneratePassword() : input.Password!;
        var roles = Canonical(input.Roles!);
        var user = new AppUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = input.DisplayName!.Trim(),
            CreatedAt = _time.GetUtcNow(),
            LockoutEnabled = true,
            MustChangePassword = true,
        };

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        Check(await _users.CreateAsync(user, password));
        Check(await _users.AddToRolesAsync(user, roles));
        _audit.Record(Area, user.Id.ToString(), null, "invited", "Account", null, $"{user.DisplayName} <{email}>, {string.Join(", ", roles)}");
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new InviteResult(user.Id, email, password, generated);
    }

    public async Task SetRolesAsync(Guid id, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        AccessDeniedException.UnlessAdmin(_user);
        if (!InviteUserInputValidator.HaveKnownRoles(roles))
        {
            throw new RequestValidationException("roles", $"Choose at least one role: {string.Join(", ", Roles.All)}.");
        }

        var wanted = Canonical(roles);
        if (id == _user.Id && !wanted.Contains(Roles.Admin))
        {
            throw new RequestValidationException("roles", "You cannot take away your own admin role: ask another admin.");
        }

        var user = await FindAsync(id);
        var current = await _users.GetRolesAsync(user);
        var add = wanted.Except(current).ToList();
        var remove = current.Except(wanted).ToList();
        if (add.Count == 0 && remove.Count == 0)
        {
            return;
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        Check(await _users.AddToRolesAsync(user, add));
        Check(await _users.RemoveFromRolesAsync(user, remove));

        // A role change takes effect at the next sign-in or within a minute (the security stamp is checked then).
        Check(await _users.UpdateSecurityStampAsync(user));
        _audit.Record(Area, user.Id.ToString(), null, "changed roles", "Roles", string.Join(", ", current.Order(StringComparer.Ordinal)), string.Join(", ", wanted));
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<PasswordResetResult> ResetPasswordAsync(Guid id, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        if (id == _user.Id)
        {
            throw new RequestValidationException("id", "Change your own password on the password page (your name, then Change password).");
        }

        var user = await FindAsync(id);
        var password = GeneratePassword();
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        Check(await _users.RemovePasswordAsync(user));
        Check(await _users.AddPasswordAsync(user, password));
        user.MustChangePassword = true;
        if (user.DisabledAt is null)
        {
            // A person locked out by failed attempts gets in with the new password at once.
            Check(await _users.SetLockoutEndDateAsync(user, null));
            Check(await _users.ResetAccessFailedCountAsync(user));
        }

        // Ends the sessions opened with the old password (cookies at their next validation, refresh tokens at once).
        Check(await _users.UpdateSecurityStampAsync(user));
        _audit.Record(Area, user.Id.ToString(), null, "reset password", "Password", null, "temporary password, to be changed at the next sign-in");
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PasswordResetResult(user.Id, user.Email ?? string.Empty, password);
    }

    public async Task DisableAsync(Guid id, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        if (id == _user.Id)
        {
            throw new RequestValidationException("id", "You cannot disable your own account: ask another admin.");
        }

        var user = await FindAsync(id);
        if (user.DisabledAt is not null)
        {
            return;
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        user.DisabledAt = _time.GetUtcNow();
        Check(await _users.SetLockoutEnabledAsync(user, true));
        Check(await _users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));

        // Ends the cookie sessions at their next validation (within a minute); ActiveUserCheck ends them and bearer tokens too.
        Check(await _users.UpdateSecurityStampAsync(user));
        _audit.Record(Area, user.Id.ToString(), null, "disabled", "Account", "active", "disabled");
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task EnableAsync(Guid id, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        var user = await FindAsync(id);
        if (user.DisabledAt is null)
        {
            return;
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        user.DisabledAt = null;
        Check(await _users.SetLockoutEndDateAsync(user, null));
        Check(await _users.ResetAccessFailedCountAsync(user));
        _audit.Record(Area, user.Id.ToString(), null, "enabled", "Account", "disabled", "active");
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Four groups of five letters and digits (about 99 bits), e.g. "k7qmz-3xtah-w9epr-2rzbn".</summary>
    private static string GeneratePassword()
    {
        var chars = new char[23];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i % 6 == 5 ? '-' : PasswordAlphabet[RandomNumberGenerator.GetInt32(PasswordAlphabet.Length)];
        }

        return new string(chars);
    }

    private async Task<AppUser> FindAsync(Guid id) =>
        await _users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("There is no such user.");

    private async Task<Dictionary<Guid, List<string>>> RolesAsync(List<Guid> ids, CancellationToken cancellationToken) =>
        (await (from userRole in _db.UserRoles.AsNoTracking()
                join role in _db.Roles.AsNoTracking() on userRole.RoleId equals role.Id
                where ids.Contains(userRole.UserId)
                select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken))
            .GroupBy(r => r.UserId)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Name!).Order(StringComparer.Ordinal).ToList());

    private static AdminUserRow Row(AppUser user, Dictionary<Guid, List<string>> roles) =>
        new(user.Id, user.Email ?? string.Empty, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "(unnamed)" : user.DisplayName,
            roles.GetValueOrDefault(user.Id) ?? [], user.CreatedAt, user.DisabledAt, user.MustChangePassword);

    private static List<string> Canonical(IEnumerable<string> roles) =>
        [.. Roles.All.Where(r => roles.Contains(r, StringComparer.OrdinalIgnoreCase))];

    /// <summary>Identity's refusals as field messages: e-mail taken or invalid, password too weak.</summary>
    private static void Check(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        throw new RequestValidationException(result.Errors
            .GroupBy(e => e.Code is "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" ? "email" : "password")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).Distinct().ToArray()));
    }
}
