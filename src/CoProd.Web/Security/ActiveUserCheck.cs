using System.Security.Claims;
using CoProd.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CoProd.Web.Security;

/// <summary>
/// Checks the signed-in account on each request (cached for 30 seconds per user and instance):
/// <list type="bullet">
/// <item>A disabled user's sessions end within a minute, whether they hold a cookie or a bearer token: the cookie is
/// removed and the request treated as anonymous.</item>
/// <item>A user whose password an admin chose (an invitation or a reset) must change it first: pages redirect to the
/// password page, the API answers 403 with a ProblemDetails saying so (and no token is issued: see AuthEndpoints).</item>
/// </list>
/// </summary>
internal sealed class ActiveUserCheck
{
    public const string PasswordPage = "/account/password";

    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    // What a user who must change the password can still reach: the account pages (sign-out, the password page),
    // the error and status pages, health checks and the static assets the pages use.
    private static readonly PathString[] Reachable = ["/account", "/error", "/status", "/health", "/lib", "/css", "/_content"];

    private readonly RequestDelegate _next;

    public ActiveUserCheck(RequestDelegate next) => _next = next;

    /// <summary>Forgets the cached state of the account, after a change that must show at once (a password changed).</summary>
    public static void Forget(IMemoryCache cache, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(cache);
        cache.Remove(Key(userId));
    }

    public async Task InvokeAsync(HttpContext context, IMemoryCache cache, CoProdDbContext db, IProblemDetailsService problems)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            var account = await cache.GetOrCreateAsync(Key(userId), async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = CacheFor;
                return await db.Users.AsNoTracking()
                    .Where(u => u.Id == userId && u.DisabledAt == null)
                    .Select(u => new AccountState(u.MustChangePassword))
                    .FirstOrDefaultAsync(context.RequestAborted);
            });
            if (account is null)
            {
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else if (account.MustChangePassword && !IsReachable(context.Request))
            {
                await RefuseAsync(context, problems);
                return;
            }
        }

        await _next(context);
    }

    private static async Task RefuseAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Change your password first.",
                    Detail = $"An admin chose this account's password. Sign in on the web and change it at {PasswordPage}, then use the API.",
                },
            });
            return;
        }

        var target = $"{PasswordPage}?required=true";
        if (context.Request.Headers.ContainsKey("HX-Request"))
        {
            // htmx follows a redirect inside the fragment it asked for; this makes it load the whole page instead.
            context.Response.Headers["HX-Redirect"] = target;
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        context.Response.Redirect(target);
    }

    private static bool IsReachable(HttpRequest request) =>
        (!request.Path.StartsWithSegments("/api") && Path.HasExtension(request.Path.Value))
        || Reachable.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    private static string Key(Guid userId) => $"active-user:{userId}";

    private sealed record AccountState(bool MustChangePassword);
}
