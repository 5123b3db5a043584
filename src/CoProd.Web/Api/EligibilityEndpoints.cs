using CoProd.Application.Eligibility;

namespace CoProd.Web.Api;

internal static class EligibilityEndpoints
{
    public static IEndpointRouteBuilder MapEligibilityApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/eligibility", async (HttpRequest request, EligibilityService service, CancellationToken cancellationToken) =>
                TypedResults.Ok(await service.EvaluateAsync(await JsonBody.ReadAsync<EvaluateDealRequest>(request), cancellationToken)))
            .WithName("EvaluateDeal")
            .WithTags("Eligibility")
            .WithSummary("Evaluate a deal against a treaty, or find the treaties that could apply")
            .WithDescription("With \"treaty\" set, the deal is checked against that treaty's rules in effect on \"date\" (default today): every rule's outcome, measured and required values, source and explanation, plus margins and currency stress. Without it, every treaty that could apply is evaluated and ranked.")
            .Accepts<EvaluateDealRequest>("application/json")
            .Produces<EligibilityResponse>()
            .ProducesValidationProblem();
        return app;
    }
}
