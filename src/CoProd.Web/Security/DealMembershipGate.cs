using CoProd.Application.Common;
using CoProd.Application.Deals;
using Microsoft.AspNetCore.Antiforgery;

namespace CoProd.Web.Security;

/// <summary>
/// Answers 404 to anyone who is not a member of the deal a page or fragment route names (/deals/{id}/…), before
/// the page, a form post or a fragment runs. Pages check membership themselves when they load, but a form post to
/// a page would otherwise come back as "no such form" (400), and a fragment as whatever its code does; a non-member
/// must always get "not found", never a hint that the deal exists. Runs after authentication and authorization, so
/// an anonymous caller is still sent to sign in and an administrator still gets 403. The JSON API answers 404 from
/// its services in the same way.
/// </summary>
internal sealed class DealMembershipGate
{
    private const string DealRoutePrefix = "/deals/{id:guid}";

    private readonly RequestDelegate _next;

    public DealMembershipGate(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext context, DealStore deals)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern }
            && pattern.StartsWith(DealRoutePrefix, StringComparison.OrdinalIgnoreCase)
            && Guid.TryParse(context.Request.RouteValues["id"]?.ToString(), out var dealId))
        {
            try
            {
                await deals.RoleAsync(dealId, context.RequestAborted);
            }
            catch (NotFoundException)
            {
                // The friendly 404 page is rendered by re-executing the request; a forged post's failed antiforgery
                // check would make that page refuse too (400). The request is refused either way: nothing reads its form.
                context.Features.Set<IAntiforgeryValidationFeature>(null);
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }

        await _next(context);
    }
}
