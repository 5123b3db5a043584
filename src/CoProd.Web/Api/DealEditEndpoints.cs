using System.Globalization;
using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Web.Security;

namespace CoProd.Web.Api;

/// <summary>
/// Drafting a deal through the API: the project, partners, contributions, overages, key people and places, and the
/// recorded eligibility check — the same services, validators and rules as the workspace pages. Every change sends
/// the deal's <c>version</c> as last read (in the body, or <c>?version=</c> for a DELETE) and answers the new one;
/// a stale version is 409, a change the caller's role does not allow 403 with the reason, bad input 400 naming the field.
/// </summary>
internal static class DealEditEndpoints
{
    public sealed record CreatedDeal(Guid Id);

    /// <summary>A body with nothing but the deal's version.</summary>
    public sealed record VersionOnly;

    public static IEndpointRouteBuilder MapDealEditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/deals").WithTags("Deals").RequireAuthorization(Policies.DealPeople);

        group.MapPost("/", async (HttpRequest request, DealService deals, CancellationToken cancellationToken) =>
            {
                var id = await deals.CreateAsync(await JsonBody.ReadAsync<ProjectInput>(request), cancellationToken);
                return TypedResults.Created($"/api/deals/{id}", new CreatedDeal(id));
            })
            .WithName("CreateDeal")
            .WithSummary("Start a deal (producers): title, format, currency, budget, kind (and treaty), schedule; you become its owner")
            .Accepts<ProjectInput>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        Change<ProjectInput>(group.MapPut("/{id:guid}/project", (Guid id, HttpRequest request, DealService deals, CancellationToken cancellationToken) =>
                WithVersionAsync<ProjectInput>(request, (version, body) => deals.UpdateProjectAsync(id, version, body, cancellationToken))),
            "UpdateDealProject", "Change the project: title, format, budget and currency (financial), synopsis, languages, kind and treaty, schedule");

        Change<PartnerInputForm>(group.MapPost("/{id:guid}/partners", (Guid id, HttpRequest request, DealService deals, CancellationToken cancellationToken) =>
                WithVersionAsync<PartnerInputForm>(request, (version, body) => deals.AddPartnerAsync(id, version, body, cancellationToken))),
            "AddDealPartner", "Add a partner: company, country of establishment, role (majorityDelegate, minority, financialOnly), contact");
        Change<PartnerInputForm>(group.MapPut("/{id:guid}/partners/{partnerId:guid}", (Guid id, Guid partnerId, HttpRequest request, DealService deals, CancellationToken cancellationToken) =>
                WithVersionAsync<PartnerInputForm>(request, (version, body) => deals.UpdatePartnerAsync(id, version, partnerId, body, cancellationToken))),
            "UpdateDealPartner", "Change a partner");
        Removal(group.MapDelete("/{id:guid}/partners/{partnerId:guid}", async (Guid id, Guid partnerId, string? version, DealService deals, CancellationToken cancellationToken) =>
                TypedResults.Ok(new DealEndpoints.ChangedDeal(await deals.RemovePartnerAsync(id, Version(version), partnerId, cancellationToken)))),
            "RemoveDealPartner", "Remove a partner with its contributions");

        Change<ContributionInputForm>(group.MapPost("/{id:guid}/contributions", (Guid id, HttpRequest request, DealService deals, CancellationToken cancellationToken) =>
                WithVersionAsync<ContributionInputForm>(request, (version, body) => deals.AddContributionAsync(id, version, body, cancellationToken))),
            "AddDealContribution", "Add a cash or in-kind item: partner, amount and currency, the rate to the deal currency locked on a date, where it is spent");
        Change<ContributionInputForm>(group.MapPut("/{id:guid}/contributions/{contributionId:guid}", (Guid id, Guid contributionId, HttpRequest request, DealService deals, CancellationToken cancellationToken) =>
                WithVersionAsync<ContributionInputForm>(request, (version, body) => deals.UpdateContributionAsync(id, version, contributionId, body, cancellationToken))),
            "UpdateDealContribution", "Change a contribution");
        Removal(group.MapDelete("/{id:guid}/contributions/{contributionId:guid}", async (Guid id, Guid contributionId, string? version, DealService deals, CancellationToken cancellationToken) =>
                TypedResults.Ok(new DealEndpoints.ChangedDeal(await deals.RemoveContributionAsync(id, Version(version), contributionId, cancellationToken)))),
            "RemoveDealContribution", "Remove a contribution");

        Change<OverageInputForm>(group.MapPut("/{id:guid}/overages", (Guid id, HttpRequest request, DealService deals, CancellationToken cancellationToken) =>
                WithVersionAsync<OverageInputForm>(request, (version, body) => deals.SetOveragesAsync(id, version, body, cancellationToken))),
            "SetDealOverages", "Who pays costs above the budget: proRata, capped (with cap and responsible partner) or borneByPartner");

        Change<KeyPersonInputForm>(group.MapPost("/{id:guid}/people", (Guid id, HttpRequest request, DealService deals, CancellationToken cancellationToken) =>
                WithVersionAsync<KeyPersonInputForm>(request, (version, body) => deals.AddKeyPersonAsync(id, version, body, cancellationToken))),
            "AddDealKeyPerson", "Add a key creative or crew member with nationality (and residence)");
        Change<KeyPersonInputForm>(group.MapPut("/{id:guid}/people/{personId:guid}", (Guid id, Guid personId, HttpRequest request, DealService deals, CancellationToken cancellationToken) =>
                WithVersionAsync<KeyPersonInputForm>(request, (version, body) => deals.UpdateKeyPersonAsync(id, version, personId, body, cancellationToken))),
            "UpdateDealKeyPerson", "Change a key person");
        Removal(group.MapDelete("/{id:guid}/people/{personId:guid}", async (Guid id, Guid personId, string? version, DealService deals, CancellationToken cancellationToken) =>
                TypedResults.Ok(new DealEndpoints.ChangedDeal(await deals.RemoveKeyPersonAsync(id, Version(version), personId, cancellationToken)))),
            "RemoveDealKeyPerson", "Remove a key person");

        Change<LocationInputForm>(group.MapPost("/{id:guid}/places", (Guid id, HttpRequest request, DealService deals, CancellationToken cancellationToken) =>
                WithVersionAsync<LocationInputForm>(request, (version, body) => deals.AddLocationAsync(id, version, body, cancellationToken))),
            "AddDealPlace", "Add a place of work: kind (shooting, postProduction or visualEffects), country, place");
        Removal(group.MapDelete("/{id:guid}/places/{index:int}", async (Guid id, int index, string? version, DealService deals, CancellationToken cancellationToken) =>
                TypedResults.Ok(new DealEndpoints.ChangedDeal(await deals.RemoveLocationAsync(id, Version(version), index, cancellationToken)))),
            "RemoveDealPlace", "Remove the place at this position of the deal's list (0 is the first)");

        Change<VersionOnly>(group.MapPost("/{id:guid}/eligibility/record", (Guid id, HttpRequest request, DealService deals, CancellationToken cancellationToken) =>
                WithVersionAsync<VersionOnly>(request, (version, _) => deals.RecordEligibilityAsync(id, version, cancellationToken))),
            "RecordDealEligibility", "Record the check against the deal's treaty with today's rules: it stays on the deal, whatever rules are published later");
        return app;
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<DealEndpoints.ChangedDeal>> WithVersionAsync<T>(HttpRequest request, Func<uint, T, Task<uint>> change)
        where T : class
    {
        var (version, body) = await JsonBody.ReadWithVersionAsync<T>(request);
        return TypedResults.Ok(new DealEndpoints.ChangedDeal(await change(Required(version), body)));
    }

    private static void Change<T>(RouteHandlerBuilder route, string name, string summary)
        where T : notnull =>
        route.WithName(name)
            .WithSummary(summary + " (send the deal's \"version\" beside the fields)")
            .Accepts<T>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static void Removal(RouteHandlerBuilder route, string name, string summary) =>
        route.WithName(name)
            .WithSummary(summary + " (?version= the deal's version)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static uint Version(string? text) =>
        Required(uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null);

    private static uint Required(uint? version) =>
        version ?? throw new RequestValidationException("version", "Send the deal's version as you last read it (GET /api/deals/{id} gives it), so nobody's change is overwritten.");
}
