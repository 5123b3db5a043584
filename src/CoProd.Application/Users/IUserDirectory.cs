namespace CoProd.Application.Users;

public sealed record UserSummary(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled);

/// <summary>Looks up users (kept by ASP.NET Core Identity in Infrastructure) for invitations and for names on screen.</summary>
public interface IUserDirectory
{
    Task<UserSummary?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, UserSummary>> GetAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken);
}
