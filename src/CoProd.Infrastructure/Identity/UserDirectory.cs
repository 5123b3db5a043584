using CoProd.Application.Users;
using CoProd.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Infrastructure.Identity;

internal sealed class UserDirectory : IUserDirectory
{
    private readonly CoProdDbContext _db;

    public UserDirectory(CoProdDbContext db) => _db = db;

    public async Task<UserSummary?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email?.Trim().ToUpperInvariant() ?? string.Empty;
        var id = await _db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : (await GetAsync([id.Value], cancellationToken)).GetValueOrDefault(id.Value);
    }

    public async Task<IReadOnlyDictionary<Guid, UserSummary>> GetAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var users = await _db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.DisabledAt })
            .ToListAsync(cancellationToken);
        var roles = await (from userRole in _db.UserRoles.AsNoTracking()
                           join role in _db.Roles.AsNoTracking() on userRole.RoleId equals role.Id
                           where wanted.Contains(userRole.UserId)
                           select new { userRole.UserId, role.Name })
            .ToListAsync(cancellationToken);
        return users.ToDictionary(
            u => u.Id,
            u => new UserSummary(u.Id, u.Email ?? string.Empty, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? "(unnamed)" : u.DisplayName,
                [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal)], u.DisabledAt is not null));
    }
}
