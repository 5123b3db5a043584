using CoProd.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace CoProd.Web.Api;

internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post (antiforgery-checked, since it binds a form), never a GET: a link must not sign anyone out.
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn, HttpContext context) =>
            {
                _ = await context.Request.ReadFormAsync();
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("/account/login");
            })
            .WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        return app;
    }
}
