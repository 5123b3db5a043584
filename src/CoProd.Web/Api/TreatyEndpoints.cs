using CoProd.Application.Eligibility;
using CoProd.Application.Treaties;

namespace CoProd.Web.Api;

internal static class TreatyEndpoints
{
    public static IEndpointRouteBuilder MapTreatyApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/treaties").WithTags("Treaties");

        group.MapGet("/", async (DateOnly? date, TreatyQueries queries, EligibilityService eligibility, CancellationToken cancellationToken) =>
                TypedResults.Ok(await queries.ListAsync(date ?? eligibility.Today, cancellationToken)))
            .WithName("ListTreaties")
            .WithSummary("List treaties and conventions, with the rule version in effect on a date (default today)");

        group.MapGet("/{code}", async (string code, DateOnly? date, TreatyQueries queries, EligibilityService eligibility, CancellationToken cancellationToken) =>
                TypedResults.Ok(await queries.GetAsync(code, date ?? eligibility.Today, cancellationToken)))
            .WithName("GetTreaty")
            .WithSummary("A treaty with its parties, dates, sources and every rule version, in the treaty interchange format")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
