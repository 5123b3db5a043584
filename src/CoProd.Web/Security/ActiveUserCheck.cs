using System.Security.Claims;
using CoProd.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CoProd.Web.Security;

/// <summary>
/// Ends the sessions of a disabled user within a minute, whether they hold a cookie or a bearer token: each
/// authenticated request checks the account (cached for 30 seconds per user and instance). A disabled user's cookie
/// is removed and the request treated as anonymous.
/// </summary>
internal sealed class ActiveUserCheck
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly RequestDelegate _next;

    public ActiveUserCheck(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext context, IMemoryCache cache, CoProdDbContext db)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            var active = await cache.GetOrCreateAsync($"active-user:{userId}", entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = CacheFor;
                return db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.DisabledAt == null, context.RequestAborted);
            });
            if (!active)
            {
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
        }

        await _next(context);
    }
}
