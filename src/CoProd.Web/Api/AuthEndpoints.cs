using CoProd.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoProd.Web.Api;

/// <summary>Bearer tokens for API clients: sign in with e-mail and password (lockout applies), refresh before expiry.</summary>
internal static class AuthEndpoints
{
    public sealed record TokenRequest(string Email, string Password);

    public sealed record RefreshRequest(string RefreshToken);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Authentication").AllowAnonymous();

        group.MapPost("/token", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (HttpRequest request, SignInManager<AppUser> signIn) =>
            {
                var body = await JsonBody.ReadAsync<TokenRequest>(request);
                signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
                var user = await signIn.UserManager.FindByNameAsync(body.Email ?? string.Empty);
                var result = user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, body.Password ?? string.Empty, lockoutOnFailure: true);
                if (result.Succeeded && user!.MustChangePassword)
                {
                    return TypedResults.Problem(
                        $"An admin chose this account's password. Sign in on the web and change it at {Security.ActiveUserCheck.PasswordPage}, then ask for a token.",
                        statusCode: StatusCodes.Status403Forbidden, title: "Change your password first.");
                }

                if (result.Succeeded)
                {
                    await signIn.SignInAsync(user!, isPersistent: false);
                    return TypedResults.Empty;
                }

                var detail = result.IsLockedOut
                    ? "This account is locked after repeated failed sign-ins, or disabled. Try again later or ask an admin."
                    : "The e-mail or password is wrong.";
                return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.");
            })
            .WithName("CreateToken")
            .WithSummary("Exchange an e-mail and password for a bearer token (send it as 'Authorization: Bearer …')")
            .Accepts<TokenRequest>("application/json")
            .Produces<AccessTokenResponse>();

        group.MapPost("/refresh", async Task<Results<SignInHttpResult, UnauthorizedHttpResult>> (
                HttpRequest request, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> options, TimeProvider time) =>
            {
                var body = await JsonBody.ReadAsync<RefreshRequest>(request);
                var ticket = options.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.RefreshToken);
                if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
                    || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { DisabledAt: null } user)
                {
                    return TypedResults.Unauthorized();
                }

                return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
            })
            .WithName("RefreshToken")
            .WithSummary("Exchange a refresh token for a new bearer token")
            .Accepts<RefreshRequest>("application/json")
            .Produces<AccessTokenResponse>();
        return app;
    }
}
