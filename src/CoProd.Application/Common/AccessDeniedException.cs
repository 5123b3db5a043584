using CoProd.Application.Users;

namespace CoProd.Application.Common;

/// <summary>The signed-in user may not do this at all (403), as opposed to a thing that is not shared with them (404).</summary>
public sealed class AccessDeniedException : Exception
{
    public AccessDeniedException(string message)
        : base(message)
    {
    }

    public AccessDeniedException()
        : base("You may not do this.")
    {
    }

    public AccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Reference data and users are kept by admins; the pages and the API check it too, this is the last guard.</summary>
    public static void UnlessAdmin(ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsAuthenticated || !user.IsInRole(Roles.Admin))
        {
            throw new AccessDeniedException("Only admins maintain reference data and users.");
        }
    }
}
