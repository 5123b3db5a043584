using CoProd.Application.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace CoProd.Infrastructure.Identity;

/// <summary>
/// Sign-ins for local use, one per role (and a second producer to invite), documented in the README. Created in
/// Development only; in any other environment accounts with these addresses are disabled at start-up, so a
/// database copied from a developer's machine cannot be entered with the published passwords.
/// </summary>
public sealed partial class DevelopmentUsers
{
    public static readonly IReadOnlyList<(string Email, string DisplayName, string Role, string Password)> All =
    [
        ("producer@coprod.local", "Paula Producer", Roles.Producer, "paper lantern harbour"),
        ("producer2@coprod.local", "Kenji Partner", Roles.Producer, "quiet river orchard"),
        ("lawyer@coprod.local", "Laura Lawyer", Roles.Lawyer, "amber meadow compass"),
        ("admin@coprod.local", "Adam Admin", Roles.Admin, "silver kettle morning"),
    ];

    private readonly UserManager<AppUser> _users;
    private readonly TimeProvider _time;
    private readonly ILogger<DevelopmentUsers> _logger;

    public DevelopmentUsers(UserManager<AppUser> users, TimeProvider time, ILogger<DevelopmentUsers> logger)
    {
        _users = users;
        _time = time;
        _logger = logger;
    }

    public async Task EnsureAsync()
    {
        foreach (var (email, displayName, role, password) in All)
        {
            if (await _users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = _time.GetUtcNow(), LockoutEnabled = true };
            var created = await _users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not create the development user {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }

            await _users.AddToRoleAsync(user, role);
            LogCreated(email, role);
        }
    }

    public async Task DisableAsync()
    {
        foreach (var (email, _, _, _) in All)
        {
            if (await _users.FindByEmailAsync(email) is { DisabledAt: null } user)
            {
                user.DisabledAt = _time.GetUtcNow();
                await _users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
                await _users.UpdateSecurityStampAsync(user);
                LogDisabled(email);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created development user {Email} ({Role})")]
    private partial void LogCreated(string email, string role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disabled development user {Email}: development sign-ins are for local use only")]
    private partial void LogDisabled(string email);
}
