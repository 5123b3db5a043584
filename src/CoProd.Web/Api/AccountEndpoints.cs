using CoProd.Infrastructure.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace CoProd.Web.Api;

internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post (antiforgery-checked, since it binds a form), never a GET: a link must not sign anyone out.
        app.MapPost("/account/logout", async Task<IResult> (SignInManager<AppUser> signIn, HttpContext context) =>
            {
                // A post without a valid token (a cross-site form) is refused, not signed out, and not a 500.
                if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
                {
                    return TypedResults.Problem("The sign-out form was not valid: sign out with the button in the menu.", statusCode: StatusCodes.Status400BadRequest);
                }

                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("/account/login");
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        return app;
    }
}
