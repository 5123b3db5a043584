using CoProd.Application.Audit;
using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Application.Eligibility;
using CoProd.Application.Review;
using CoProd.Domain.Deals;
using CoProd.Web.Security;

namespace CoProd.Web.Api;

/// <summary>
/// The deal API: what the deal pages do, with the same rules. Producers and lawyers only (others get 403); a deal
/// the caller is not a member of answers 404 whatever the route; an action their role or the deal's status does
/// not allow answers 403 with the reason; a stale version 409; bad input 400 naming the field.
/// </summary>
internal static class DealEndpoints
{
    /// <summary>A deal with what the caller may do with it; <see cref="Version"/> goes back with every change.</summary>
    public sealed record DealResource(uint Version, string MyRole, IReadOnlyList<string> AllowedActions, DealDocument Deal);

    public sealed record EligibilityResource(EvaluationDto? Live, EligibilityRecord? Recorded, bool RecordedIsStale, IReadOnlyList<CandidateDto> Candidates);

    /// <summary>A workflow step: "submitForReview", "withdrawFromReview", "requestChanges", "approve", "reopen", "sign" or "archive".</summary>
    public sealed record TransitionRequest(string? Action, uint? Version, string? Note);

    public sealed record CommentRequest(string? Anchor, string? Body, Guid? ParentId, bool? ChangeRequest);

    public sealed record CreatedComment(Guid Id);

    public sealed record InviteRequest(string? Email, string? Role, uint? Version);

    public sealed record RoleRequest(string? Role, uint? Version);

    public sealed record ChangedDeal(uint Version);

    public static IEndpointRouteBuilder MapDealApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/deals").WithTags("Deals").RequireAuthorization(Policies.DealPeople);

        group.MapGet("/", async (string? search, string? status, string? country, string? treaty, string? sort, string? page, string? pageSize, DealQueries deals, CancellationToken cancellationToken) =>
            {
                DealStatus? wanted = null;
                if (!string.IsNullOrWhiteSpace(status))
                {
                    wanted = Enums.TryParse<DealStatus>(status, out var parsed) ? parsed : throw new RequestValidationException("status", $"Use one of {Enums.Names<DealStatus>()}.");
                }

                var (order, descending) = (sort ?? string.Empty).Trim() switch
                {
                    "" or "updated" => (DealSort.Updated, true),
                    "title" => (DealSort.Title, false),
                    "title-desc" => (DealSort.Title, true),
                    "status" => (DealSort.Status, false),
                    "budget" => (DealSort.Budget, false),
                    "budget-desc" => (DealSort.Budget, true),
                    _ => throw new RequestValidationException("sort", "Use updated, title, title-desc, status, budget or budget-desc."),
                };
                if (NullIfBlank(country) is { } code && !CoProd.Domain.ReferenceData.CountryCode.TryFrom(code, out _))
                {
                    throw new RequestValidationException("country", "Give a two-letter ISO country code, e.g. JP.");
                }

                var query = new DealListQuery(search, wanted, NullIfBlank(country), NullIfBlank(treaty), order, descending, Number(page, "page") ?? 1, Number(pageSize, "pageSize") ?? 20);
                return TypedResults.Ok(await deals.ListAsync(query, cancellationToken));
            })
            .WithName("ListDeals")
            .WithSummary("The deals I am a member of, paged (pageSize at most 100): search in titles, filter by status, a partner's country and treaty; sort by updated (newest first), title, status or budget")
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", async (Guid id, DealQueries deals, CancellationToken cancellationToken) =>
            {
                var workspace = await deals.GetAsync(id, cancellationToken);
                return TypedResults.Ok(new DealResource(workspace.Version, Enums.Name(workspace.MyRole),
                    [.. workspace.Allowed.Order().Select(a => Enums.Name(a))], workspace.Deal));
            })
            .WithName("GetDeal")
            .WithSummary("A deal as one document, with its version (send it back with changes) and what I may do with it")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/eligibility", async (Guid id, DealQueries deals, CancellationToken cancellationToken) =>
            {
                var view = (await deals.GetAsync(id, cancellationToken)).Eligibility;
                return TypedResults.Ok(new EligibilityResource(view.LiveDto, view.Recorded, view.RecordedIsStale, [.. view.Candidates.Select(EligibilityMapper.Candidate)]));
            })
            .WithName("GetDealEligibility")
            .WithSummary("The live check against the deal's treaty, the recorded check, and (for a deal not yet official) the treaties that could apply")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/transitions", async (Guid id, HttpRequest request, DealWorkflowService workflow, CancellationToken cancellationToken) =>
            {
                var body = await JsonBody.ReadAsync<TransitionRequest>(request);
                if (!Enums.TryParse<DealAction>(body.Action, out var action) || !Deal.WorkflowActions.Contains(action))
                {
                    throw new RequestValidationException("action", $"Use one of {string.Join(", ", Deal.WorkflowActions.Select(a => Enums.Name(a)))}.");
                }

                return TypedResults.Ok(await workflow.TransitionAsync(id, RequiredVersion(body.Version), action, body.Note, cancellationToken));
            })
            .WithName("TransitionDeal")
            .WithSummary("Move the deal through its workflow; each step keeps a numbered, immutable version of the deal")
            .Accepts<TransitionRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:guid}/versions", async (Guid id, VersionQueries versions, CancellationToken cancellationToken) =>
                TypedResults.Ok(await versions.ListAsync(id, cancellationToken)))
            .WithName("ListDealVersions")
            .WithSummary("The versions kept at each workflow step, newest first")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/versions/{number:int}", async (Guid id, int number, VersionQueries versions, CancellationToken cancellationToken) =>
                TypedResults.Ok(await versions.SnapshotAsync(id, number, cancellationToken)))
            .WithName("GetDealVersion")
            .WithSummary("The deal as it was kept in a version")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/versions/{from:int}/compare/{to}", async (Guid id, int from, string to, VersionQueries versions, CancellationToken cancellationToken) =>
            {
                int? target = null;
                if (!string.Equals(to, "current", StringComparison.OrdinalIgnoreCase))
                {
                    target = int.TryParse(to, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                        ? number
                        : throw new RequestValidationException("to", "Give a version number, or \"current\" for the deal as it stands.");
                }

                return TypedResults.Ok(await versions.CompareAsync(id, from, target, cancellationToken));
            })
            .WithName("CompareDealVersions")
            .WithSummary("What changed between two versions (or a version and \"current\"), field by field in plain words, grouped by section")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/comments", async (Guid id, string? all, ReviewService review, CancellationToken cancellationToken) =>
                TypedResults.Ok(await review.ThreadsAsync(id, Flag(all, "all"), cancellationToken)))
            .WithName("ListDealComments")
            .WithSummary("The discussion: open threads, or all with ?all=true, newest first, with replies")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/comments", async (Guid id, HttpRequest request, ReviewService review, CancellationToken cancellationToken) =>
            {
                var body = await JsonBody.ReadAsync<CommentRequest>(request);
                var commentId = await review.AddAsync(id, new CommentInput { Anchor = body.Anchor, Body = body.Body, ParentId = body.ParentId, ChangeRequest = body.ChangeRequest ?? false }, cancellationToken);
                return TypedResults.Created($"/api/deals/{id}/comments/{commentId}", new CreatedComment(commentId));
            })
            .WithName("AddDealComment")
            .WithSummary("Comment on a section or term (anchor: \"legal:law\", \"decisions:final-cut\", \"partners\" …), reply (parentId), or — as a reviewer — request a change (changeRequest)")
            .Accepts<CommentRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/comments/{commentId:guid}/resolve", async (Guid id, Guid commentId, ReviewService review, CancellationToken cancellationToken) =>
            {
                await review.ResolveAsync(id, commentId, cancellationToken);
                return TypedResults.NoContent();
            })
            .WithName("ResolveDealComment")
            .WithSummary("Resolve a thread (a requested change: reviewers only)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/comments/{commentId:guid}/reopen", async (Guid id, Guid commentId, ReviewService review, CancellationToken cancellationToken) =>
            {
                await review.ReopenAsync(id, commentId, cancellationToken);
                return TypedResults.NoContent();
            })
            .WithName("ReopenDealComment")
            .WithSummary("Reopen a resolved thread")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/members", async (Guid id, MemberService members, CancellationToken cancellationToken) =>
                TypedResults.Ok(await members.ListAsync(id, cancellationToken)))
            .WithName("ListDealMembers")
            .WithSummary("Who is on the deal, with their roles")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/members", async (Guid id, HttpRequest request, MemberService members, CancellationToken cancellationToken) =>
            {
                var body = await JsonBody.ReadAsync<InviteRequest>(request);
                var version = await members.InviteAsync(id, RequiredVersion(body.Version), new InviteInput { Email = body.Email, Role = body.Role }, cancellationToken);
                return TypedResults.Ok(new ChangedDeal(version));
            })
            .WithName("InviteDealMember")
            .WithSummary("Invite an existing user by e-mail (owners only): lawyers as reviewer, editor or viewer; producers as owner, editor or viewer")
            .Accepts<InviteRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:guid}/members/{userId:guid}", async (Guid id, Guid userId, HttpRequest request, MemberService members, CancellationToken cancellationToken) =>
            {
                var body = await JsonBody.ReadAsync<RoleRequest>(request);
                return TypedResults.Ok(new ChangedDeal(await members.ChangeRoleAsync(id, RequiredVersion(body.Version), userId, body.Role, cancellationToken)));
            })
            .WithName("ChangeDealMemberRole")
            .WithSummary("Change a member's role (owners only; a deal keeps an owner)")
            .Accepts<RoleRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete("/{id:guid}/members/{userId:guid}", async (Guid id, Guid userId, string? version, MemberService members, CancellationToken cancellationToken) =>
                TypedResults.Ok(new ChangedDeal(await members.RemoveAsync(id, RequiredVersion(version), userId, cancellationToken))))
            .WithName("RemoveDealMember")
            .WithSummary("Remove a member (owners only; ?version= the deal's version)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:guid}/audit", async (Guid id, string? text, string? person, string? from, string? to, string? page, string? pageSize, AuditQueries audit, CancellationToken cancellationToken) =>
                TypedResults.Ok(await audit.ForDealAsync(id, new AuditQuery(text, person, Date(from, "from"), Date(to, "to"), Number(page, "page") ?? 1, Number(pageSize, "pageSize") ?? 50), cancellationToken)))
            .WithName("GetDealAudit")
            .WithSummary("The deal's audit trail, newest first: filter by text in what changed, person, and dates (UTC, inclusive); paged (pageSize at most 200)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    // Query values are read as text and parsed here, so a malformed one gets a 400 that names it.
    private static int? Number(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new RequestValidationException(field, "Give a whole number from 1.");

    private static DateOnly? Date(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var value) ? value
        : throw new RequestValidationException(field, "Give a date as YYYY-MM-DD.");

    private static bool Flag(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? false
        : bool.TryParse(text, out var value) ? value
        : throw new RequestValidationException(field, "Give true or false.");

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The deal's version a change must carry (in the body), so nobody's change is overwritten.</summary>
    internal static uint RequiredVersion(uint? version) =>
        version ?? throw new RequestValidationException("version", "Send the deal's version as you last read it (GET /api/deals/{id} gives it), so nobody's change is overwritten.");

    /// <summary>The same, from <c>?version=</c> (a DELETE has no body).</summary>
    internal static uint RequiredVersion(string? query) =>
        RequiredVersion(uint.TryParse(query, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : null);
}
