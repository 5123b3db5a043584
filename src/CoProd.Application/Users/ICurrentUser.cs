namespace CoProd.Application.Users;

/// <summary>Who is asking: the signed-in user of the current request (or nobody).</summary>
public interface ICurrentUser
{
    Guid? Id { get; }

    string? Email { get; }

    /// <summary>Name to show and to record in the audit trail.</summary>
    string DisplayName { get; }

    bool IsAuthenticated { get; }

    bool IsInRole(string role);
}

public static class CurrentUserExtensions
{
    /// <summary>The user's id, or an exception when nobody is signed in (services behind authorization only).</summary>
    public static Guid RequiredId(this ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Id ?? throw new UnauthorizedAccessException("Sign in first.");
    }
}
