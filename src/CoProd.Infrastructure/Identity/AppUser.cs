using Microsoft.AspNetCore.Identity;

namespace CoProd.Infrastructure.Identity;

/// <summary>A person who signs in to CoProd. Kept by ASP.NET Core Identity; the domain knows users by id only.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 200;

    public string DisplayName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when an admin disables the account: sign-in refused, sessions end at the next check.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>
    /// Set when an admin chose the password (an invitation or a reset): until the person changes it, every page sends
    /// them to the password page and the API refuses with 403.
    /// </summary>
    public bool MustChangePassword { get; set; }
}
