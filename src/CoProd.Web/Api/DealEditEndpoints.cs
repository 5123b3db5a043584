using CoProd.Application.Deals;
using CoProd.Web.Security;

namespace CoProd.Web.Api;

/// <summary>
/// Drafting a deal through the API: the project, partners, contributions, overages, key people and places, the
/// recorded eligibility check, decision rights, milestones, legal terms and distribution rights — the same services,
/// validators and rules as the workspace pages. Every change sends
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
                TypedResults.Ok(new DealEndpoints.ChangedDeal(await deals.RemovePartnerAsync(id, DealEndpoints.RequiredVersion(version), partnerId, cancellationToken)))),
            "RemoveDealPartner", "Remove a partner with its contributions");

        Change<ContributionInputForm>(group.MapPost("/{id:guid}/contributions", (Guid id, HttpRequest request, DealService deals, CancellationToken cancellationToken) =>
                WithVersionAsync<ContributionInputForm>(request, (version, body) => deals.AddContributionAsync(id, version, body, cancellationToken))),
            "AddDealContribution", "Add a cash or in-kind item: partner, amount and currency, the rate to the deal currency locked on a date, where it is spent");
        Change<ContributionInputForm>(group.MapPut("/{id:guid}/contributions/{contributionId:guid}", (Guid id, Guid contributionId, HttpRequest request, DealService deals, CancellationToken cancellationToken) =>
                WithVersionAsync<ContributionInputForm>(request, (version, body) => deals.UpdateContributionAsync(id, version, contributionId, body, cancellationToken))),
            "UpdateDealContribution", "Change a contribution");
        Removal(group.MapDelete("/{id:guid}/contributions/{contributionId:guid}", async (Guid id, Guid contributionId, string? version, DealService deals, CancellationToken cancellationToken) =>
                TypedResults.Ok(new DealEndpoints.ChangedDeal(await deals.RemoveContributionAsync(id, DealEndpoints.RequiredVersion(version), contributionId, cancellationToken)))),
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
                TypedResults.Ok(new DealEndpoints.ChangedDeal(await deals.RemoveKeyPersonAsync(id, DealEndpoints.RequiredVersion(version), personId, cancellationToken)))),
            "RemoveDealKeyPerson", "Remove a key person");

        Change<LocationInputForm>(group.MapPost("/{id:guid}/places", (Guid id, HttpRequest request, DealService deals, CancellationToken cancellationToken) =>
                WithVersionAsync<LocationInputForm>(request, (version, body) => deals.AddLocationAsync(id, version, body, cancellationToken))),
            "AddDealPlace", "Add a place of work: kind (shooting, postProduction or visualEffects), country, place");
        Removal(group.MapDelete("/{id:guid}/places/{index:int}", async (Guid id, int index, string? version, DealService deals, CancellationToken cancellationToken) =>
                TypedResults.Ok(new DealEndpoints.ChangedDeal(await deals.RemoveLocationAsync(id, DealEndpoints.RequiredVersion(version), index, cancellationToken)))),
            "RemoveDealPlace", "Remove the place at this position of the deal's list (0 is the first)");

        Change<VersionOnly>(group.MapPost("/{id:guid}/eligibility/record", (Guid id, HttpRequest request, DealService deals, CancellationToken cancellationToken) =>
                WithVersionAsync<VersionOnly>(request, (version, _) => deals.RecordEligibilityAsync(id, version, cancellationToken))),
            "RecordDealEligibility", "Record the check against the deal's treaty with today's rules: it stays on the deal, whatever rules are published later");

        MapSections(group);
        MapRights(group);
        return app;
    }

    private static void MapSections(RouteGroupBuilder group)
    {
        Change<DecisionRuleInput>(group.MapPut("/{id:guid}/decisions", (Guid id, HttpRequest request, DealSectionsService sections, CancellationToken cancellationToken) =>
                WithVersionAsync<DecisionRuleInput>(request, (version, body) => sections.SetDecisionRuleAsync(id, version, body, cancellationToken))),
            "SetDealDecisionRule", "Who decides a domain (domainCode): soleAuthority, joint, or approveWithin N days with deemed approval; tie-break and escalation");
        Removal(group.MapDelete("/{id:guid}/decisions/{domainCode}", async (Guid id, string domainCode, string? version, DealSectionsService sections, CancellationToken cancellationToken) =>
                TypedResults.Ok(new DealEndpoints.ChangedDeal(await sections.ClearDecisionRuleAsync(id, DealEndpoints.RequiredVersion(version), domainCode, cancellationToken)))),
            "ClearDealDecisionRule", "Leave a domain without an owner again");

        Change<MilestoneInput>(group.MapPost("/{id:guid}/milestones", (Guid id, HttpRequest request, DealSectionsService sections, CancellationToken cancellationToken) =>
                WithVersionAsync<MilestoneInput>(request, (version, body) => sections.AddMilestoneAsync(id, version, body, cancellationToken))),
            "AddDealMilestone", "Add a milestone or approval gate: name, due date, status, buffer days, the decision domain whose owner approves it");
        Change<MilestoneInput>(group.MapPut("/{id:guid}/milestones/{milestoneId:guid}", (Guid id, Guid milestoneId, HttpRequest request, DealSectionsService sections, CancellationToken cancellationToken) =>
                WithVersionAsync<MilestoneInput>(request, (version, body) => sections.UpdateMilestoneAsync(id, version, milestoneId, body, cancellationToken))),
            "UpdateDealMilestone", "Change a milestone");
        Removal(group.MapDelete("/{id:guid}/milestones/{milestoneId:guid}", async (Guid id, Guid milestoneId, string? version, DealSectionsService sections, CancellationToken cancellationToken) =>
                TypedResults.Ok(new DealEndpoints.ChangedDeal(await sections.RemoveMilestoneAsync(id, DealEndpoints.RequiredVersion(version), milestoneId, cancellationToken)))),
            "RemoveDealMilestone", "Remove a milestone");

        Change<LegalTermsInput>(group.MapPut("/{id:guid}/legal", (Guid id, HttpRequest request, DealSectionsService sections, CancellationToken cancellationToken) =>
                WithVersionAsync<LegalTermsInput>(request, (version, body) => sections.SetLegalTermsAsync(id, version, body, cancellationToken))),
            "SetDealLegalTerms", "The legal terms as a whole: governing law, disputes, domicile, IP ownership and split, exit, credits, insurance, collection account");
        Change<TaxIncentiveInput>(group.MapPost("/{id:guid}/legal/incentives", (Guid id, HttpRequest request, DealSectionsService sections, CancellationToken cancellationToken) =>
                WithVersionAsync<TaxIncentiveInput>(request, (version, body) => sections.AddTaxIncentiveAsync(id, version, body, cancellationToken))),
            "AddDealTaxIncentive", "Say which partner claims which tax incentive");
        Removal(group.MapDelete("/{id:guid}/legal/incentives/{index:int}", async (Guid id, int index, string? version, DealSectionsService sections, CancellationToken cancellationToken) =>
                TypedResults.Ok(new DealEndpoints.ChangedDeal(await sections.RemoveTaxIncentiveAsync(id, DealEndpoints.RequiredVersion(version), index, cancellationToken)))),
            "RemoveDealTaxIncentive", "Remove the incentive at this position (0 is the first)");
    }

    private static void MapRights(RouteGroupBuilder group)
    {
        Change<GrantInput>(group.MapPost("/{id:guid}/rights/grants", (Guid id, HttpRequest request, DealRightsService rights, CancellationToken cancellationToken) =>
                WithVersionAsync<GrantInput>(request, (version, body) => rights.AddGrantAsync(id, version, body, cancellationToken))),
            "AddDealRightsGrant", "Grant a partner territories (groups and countries) × media × term, exclusive or not, with approvals and holdbacks");
        Change<GrantInput>(group.MapPut("/{id:guid}/rights/grants/{grantId:guid}", (Guid id, Guid grantId, HttpRequest request, DealRightsService rights, CancellationToken cancellationToken) =>
                WithVersionAsync<GrantInput>(request, (version, body) => rights.UpdateGrantAsync(id, version, grantId, body, cancellationToken))),
            "UpdateDealRightsGrant", "Change a grant");
        Removal(group.MapDelete("/{id:guid}/rights/grants/{grantId:guid}", async (Guid id, Guid grantId, string? version, DealRightsService rights, CancellationToken cancellationToken) =>
                TypedResults.Ok(new DealEndpoints.ChangedDeal(await rights.RemoveGrantAsync(id, DealEndpoints.RequiredVersion(version), grantId, cancellationToken)))),
            "RemoveDealRightsGrant", "Remove a grant");

        Change<TerritorySplitInput>(group.MapPost("/{id:guid}/rights/territory-split", (Guid id, HttpRequest request, DealRightsService rights, CancellationToken cancellationToken) =>
                WithVersionAsync<TerritorySplitInput>(request, (version, body) => rights.ApplyTerritorySplitAsync(id, version, body, cancellationToken))),
            "ApplyDealTerritorySplit", "Replace the grants with a territory split: shares [{ partnerId, groups, countries }], media; confirmReplace when the deal has grants");
        Change<PlatformSplitInput>(group.MapPost("/{id:guid}/rights/platform-split", (Guid id, HttpRequest request, DealRightsService rights, CancellationToken cancellationToken) =>
                WithVersionAsync<PlatformSplitInput>(request, (version, body) => rights.ApplyPlatformSplitAsync(id, version, body, cancellationToken))),
            "ApplyDealPlatformSplit", "Replace the grants with a platform split: shares [{ partnerId, media }]; confirmReplace when the deal has grants");
        Change<JointControlInput>(group.MapPost("/{id:guid}/rights/joint-control", (Guid id, HttpRequest request, DealRightsService rights, CancellationToken cancellationToken) =>
                WithVersionAsync<JointControlInput>(request, (version, body) => rights.ApplyJointControlAsync(id, version, body, cancellationToken))),
            "ApplyDealJointControl", "Replace the grants with joint control: every partner holds everything, each deal approved by the others");

        Change<BuyoutInput>(group.MapPost("/{id:guid}/rights/buyouts", (Guid id, HttpRequest request, DealRightsService rights, CancellationToken cancellationToken) =>
                WithVersionAsync<BuyoutInput>(request, (version, body) => rights.AddBuyoutAsync(id, version, body, cancellationToken))),
            "AddDealBuyout", "Who may buy out whom, when, and at what price basis");
        Removal(group.MapDelete("/{id:guid}/rights/buyouts/{buyoutId:guid}", async (Guid id, Guid buyoutId, string? version, DealRightsService rights, CancellationToken cancellationToken) =>
                TypedResults.Ok(new DealEndpoints.ChangedDeal(await rights.RemoveBuyoutAsync(id, DealEndpoints.RequiredVersion(version), buyoutId, cancellationToken)))),
            "RemoveDealBuyout", "Remove a buyout right");
        Change<GuaranteeInput>(group.MapPost("/{id:guid}/rights/guarantees", (Guid id, HttpRequest request, DealRightsService rights, CancellationToken cancellationToken) =>
                WithVersionAsync<GuaranteeInput>(request, (version, body) => rights.AddGuaranteeAsync(id, version, body, cancellationToken))),
            "AddDealGuarantee", "A partner's minimum guarantee (financial: not lawyers)");
        Removal(group.MapDelete("/{id:guid}/rights/guarantees/{guaranteeId:guid}", async (Guid id, Guid guaranteeId, string? version, DealRightsService rights, CancellationToken cancellationToken) =>
                TypedResults.Ok(new DealEndpoints.ChangedDeal(await rights.RemoveGuaranteeAsync(id, DealEndpoints.RequiredVersion(version), guaranteeId, cancellationToken)))),
            "RemoveDealGuarantee", "Remove a minimum guarantee");
        Change<RightsTermsInput>(group.MapPut("/{id:guid}/rights/terms", (Guid id, HttpRequest request, DealRightsService rights, CancellationToken cancellationToken) =>
                WithVersionAsync<RightsTermsInput>(request, (version, body) => rights.SetTermsAsync(id, version, body, cancellationToken))),
            "SetDealRightsTerms", "The structure's label and the revenue-sharing terms (revenue sharing is financial: not lawyers)");
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<DealEndpoints.ChangedDeal>> WithVersionAsync<T>(HttpRequest request, Func<uint, T, Task<uint>> change)
        where T : class
    {
        var (version, body) = await JsonBody.ReadWithVersionAsync<T>(request);
        return TypedResults.Ok(new DealEndpoints.ChangedDeal(await change(DealEndpoints.RequiredVersion(version), body)));
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
}
