using System.Net.Mail;
using FluentValidation;

namespace CoProd.Application.Users;

/// <summary>A user account as the admin pages list it.</summary>
public sealed record AdminUserRow(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt, bool MustChangePassword = false)
{
    public bool IsDisabled => DisabledAt is not null;
}

/// <summary>A new account: e-mail, name, roles, and an initial password (left empty, one is generated).</summary>
public sealed class InviteUserInput
{
    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    public List<string>? Roles { get; set; }

    /// <summary>Optional: when empty a password is generated. Either way it is shown to the admin once, never stored in clear.</summary>
    public string? Password { get; set; }
}

/// <summary>The account created and its initial password, to hand to the person by a channel of the admin's choosing.</summary>
public sealed record InviteResult(Guid Id, string Email, string InitialPassword, bool Generated);

/// <summary>A password an admin reset: the temporary password, shown once, that the person must change at sign-in.</summary>
public sealed record PasswordResetResult(Guid Id, string Email, string TemporaryPassword);

public sealed class InviteUserInputValidator : AbstractValidator<InviteUserInput>
{
    public const int EmailMaxLength = 256;
    public const int DisplayNameMaxLength = 200;

    public InviteUserInputValidator()
    {
        RuleFor(u => u.Email).NotEmpty().WithMessage("Give the person's e-mail address.")
            .MaximumLength(EmailMaxLength)
            .Must(BeAnEmail).WithMessage("This is not an e-mail address.");
        RuleFor(u => u.DisplayName).NotEmpty().WithMessage("Give the person's name as others will see it.").MaximumLength(DisplayNameMaxLength);
        RuleFor(u => u.Roles).Must(HaveKnownRoles).WithMessage($"Choose at least one role: {string.Join(", ", Users.Roles.All)}.");
    }

    public static bool HaveKnownRoles(IReadOnlyCollection<string>? roles) =>
        roles is { Count: > 0 } && roles.All(r => Users.Roles.All.Contains(r, StringComparer.OrdinalIgnoreCase));

    private static bool BeAnEmail(string? email) =>
        email is not null && MailAddress.TryCreate(email.Trim(), out var address) && address.Address == email.Trim() && address.Host.Contains('.', StringComparison.Ordinal);
}

/// <summary>
/// Admins managing accounts: invite (create with roles and an initial password), change roles, reset a forgotten
/// password, disable and enable. A password an admin chose (at invitation or reset) must be changed at the next
/// sign-in. A disabled account cannot sign in and its open sessions end within a minute. Admins cannot disable
/// themselves or take away their own admin role, so there is always an admin left. Every change is audited (area "user").
/// </summary>
public interface IUserAdministration
{
    Task<IReadOnlyList<AdminUserRow>> ListAsync(string? search, CancellationToken cancellationToken);

    Task<AdminUserRow> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<InviteResult> InviteAsync(InviteUserInput input, CancellationToken cancellationToken);

    Task SetRolesAsync(Guid id, IReadOnlyCollection<string> roles, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the password with a generated temporary one (shown once) that must be changed at the next sign-in;
    /// the account's open sessions end. Admins change their own password on the password page instead.
    /// </summary>
    Task<PasswordResetResult> ResetPasswordAsync(Guid id, CancellationToken cancellationToken);

    Task DisableAsync(Guid id, CancellationToken cancellationToken);

    Task EnableAsync(Guid id, CancellationToken cancellationToken);
}
