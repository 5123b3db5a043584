using System.Security.Claims;
using CoProd.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoProd.Web.Security;

/// <summary>Adds the user's display name to the sign-in claims, so pages and the audit trail can show it.</summary>
internal sealed class DisplayNameClaims : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>
{
    public const string Type = "coprod:display_name";

    public DisplayNameClaims(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
        : base(users, roles, options)
    {
    }

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Type, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.UserName ?? "?" : user.DisplayName));
        return identity;
    }
}
