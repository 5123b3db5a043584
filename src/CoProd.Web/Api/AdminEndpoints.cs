using System.Globalization;
using System.Text;
using CoProd.Application.Catalogues;
using CoProd.Application.Common;
using CoProd.Application.Eligibility;
using CoProd.Application.ReferenceData;
using CoProd.Application.Treaties;
using CoProd.Application.Users;
using CoProd.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CoProd.Web.Api;

/// <summary>A treaty as the admin API returns it: the version to send back in If-Match, where it stands, and the treaty in the interchange format.</summary>
internal sealed record AdminTreatyResponse(uint Version, TreatySummary Summary, TreatyDto Treaty);

internal sealed record EndTreatyRequest(DateOnly? TerminatedOn, string? Note);

internal sealed record PublishRequest(DateOnly? EffectiveFrom);

internal sealed record ActiveRequest(bool? Active);

internal sealed record RolesRequest(List<string>? Roles);

/// <summary>
/// The admin API under <c>/api/admin</c>, for the Admin role only (others get 403). Changes to an existing treaty,
/// country, currency or catalogue entry need <c>If-Match</c> with the version (ETag) read before: a stale one
/// answers 409 and changes nothing; a missing one 428.
/// </summary>
internal static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        MapTreaties(admin.MapGroup("/treaties").WithTags("Admin: treaties"));
        MapReferenceData(admin);
        MapCatalogues(admin.MapGroup("/catalogues").WithTags("Admin: catalogues"));
        MapUsers(admin.MapGroup("/users").WithTags("Admin: users"));

        app.MapGet("/api/rates/suggestion", async Task<Results<Ok<RateSuggestion>, NotFound<ProblemDetails>>> (string from, string to, DateOnly date, ExchangeRateQueries rates, CancellationToken cancellationToken) =>
                await rates.RateOnAsync(from, to, date, cancellationToken) is { } suggestion
                    ? TypedResults.Ok(suggestion)
                    : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "No rate on record.", Detail = $"No {from}/{to} rate is on record on or before {date:yyyy-MM-dd}." }))
            .WithTags("Exchange rates")
            .WithName("SuggestRate")
            .WithSummary("The latest rate on record on or before a date, to suggest for a contribution (the contribution keeps the rate it locks)");
        return app;
    }

    private static void MapTreaties(RouteGroupBuilder treaties)
    {
        treaties.MapGet("/", (TreatyAdminService service, CancellationToken cancellationToken) => service.ListAsync(cancellationToken))
            .WithSummary("Every treaty with its status, current rule version and draft");

        treaties.MapGet("/export", async (string[]? code, TreatyAdminService service, CancellationToken cancellationToken) =>
                Results.File(Encoding.UTF8.GetBytes(TreatyAdminService.Serialize(await service.ExportAsync(code, cancellationToken))), "application/json",
                    $"coprod-treaties-{service.Today:yyyy-MM-dd}.json"))
            .WithName("ExportTreaties")
            .WithSummary("Every treaty (or those named by ?code=) as a treaty file in the interchange format");

        treaties.MapPost("/import", async (HttpRequest request, TreatyAdminService service, CancellationToken cancellationToken) =>
            {
                using var reader = new StreamReader(request.Body, Encoding.UTF8);
                var result = await service.ImportAsync(await reader.ReadToEndAsync(cancellationToken), cancellationToken);
                if (result.Succeeded)
                {
                    return Results.Ok(new { created = result.Created });
                }

                var problem = new HttpValidationProblemDetails(result.Errors
                    .GroupBy(e => e.Field)
                    .ToDictionary(g => g.Key, g => g.Select(e => $"line {e.Line}: {e.Message}").ToArray()))
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "The treaty file is not valid; nothing was imported.",
                    Detail = $"{result.Errors.Count} problem(s); each names its line and field.",
                };
                problem.Extensions["lines"] = result.Errors.Select(e => new { line = e.Line, field = e.Field, message = e.Message }).ToList();
                return Results.Problem(problem);
            })
            .Accepts<TreatyFileDto>("application/json")
            .WithName("ImportTreaties")
            .WithSummary("Import a treaty file: all of it, or nothing when anything is wrong (every error with its line and field)")
            .ProducesValidationProblem();

        treaties.MapGet("/{code}", async (string code, HttpContext context, TreatyAdminService service, CancellationToken cancellationToken) =>
                Treaty(context, await service.GetAsync(code, cancellationToken)))
            .WithName("GetAdminTreaty")
            .WithSummary("A treaty with its version (ETag) for changes")
            .ProducesProblem(StatusCodes.Status404NotFound);

        treaties.MapPost("/", async (HttpRequest request, HttpContext context, TreatyAdminService service, CancellationToken cancellationToken) =>
            {
                var code = await service.CreateAsync(await JsonBody.ReadAsync<TreatyDto>(request), cancellationToken);
                var treaty = Treaty(context, await service.GetAsync(code, cancellationToken));
                return TypedResults.Created($"/api/admin/treaties/{code}", treaty);
            })
            .Accepts<TreatyDto>("application/json")
            .WithName("CreateTreaty")
            .WithSummary("Create a treaty from a treaty in the interchange format (rule versions optional); used by the engine and the finder at once")
            .ProducesValidationProblem();

        treaties.MapPut("/{code}", async (string code, HttpRequest request, HttpContext context, TreatyAdminService service, CancellationToken cancellationToken) =>
            {
                await service.UpdateDetailsAsync(code, IfMatch.Read(request), await JsonBody.ReadAsync<TreatyDto>(request), cancellationToken);
                return Treaty(context, await service.GetAsync(code, cancellationToken));
            })
            .Accepts<TreatyDto>("application/json")
            .WithName("UpdateTreaty")
            .WithSummary("Change a treaty's name, parties, dates and sources (needs If-Match)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        treaties.MapPost("/{code}/end", async (string code, HttpRequest request, HttpContext context, TreatyAdminService service, CancellationToken cancellationToken) =>
            {
                var body = await JsonBody.ReadAsync<EndTreatyRequest>(request);
                await service.EndAsync(code, IfMatch.Read(request), body.TerminatedOn, body.Note, cancellationToken);
                return Treaty(context, await service.GetAsync(code, cancellationToken));
            })
            .Accepts<EndTreatyRequest>("application/json")
            .WithName("EndTreaty")
            .WithSummary("End a treaty on a date, with a note (needs If-Match)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        treaties.MapPost("/{code}/versions", async (string code, HttpRequest request, HttpContext context, TreatyAdminService service, CancellationToken cancellationToken) =>
            {
                var content = await OptionalAsync<RuleVersionDto>(request);
                var (_, number) = await service.CreateDraftAsync(code, IfMatch.Read(request), content, cancellationToken);
                var treaty = Treaty(context, await service.GetAsync(code, cancellationToken));
                return TypedResults.Created($"/api/admin/treaties/{code}/versions/{number}", treaty);
            })
            .Accepts<RuleVersionDto>("application/json")
            .WithName("CreateRuleVersion")
            .WithSummary("Add a draft rule version with the rules given (or, with no body, a copy of the latest version) (needs If-Match)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        treaties.MapPut("/{code}/versions/{number:int}", async (string code, int number, HttpRequest request, HttpContext context, TreatyAdminService service, CancellationToken cancellationToken) =>
            {
                await service.ReviseDraftAsync(code, IfMatch.Read(request), number, await JsonBody.ReadAsync<RuleVersionDto>(request), cancellationToken);
                return Treaty(context, await service.GetAsync(code, cancellationToken));
            })
            .Accepts<RuleVersionDto>("application/json")
            .WithName("ReviseRuleVersion")
            .WithSummary("Replace a draft's date, note and rules as a whole (a published version cannot change) (needs If-Match)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        treaties.MapPost("/{code}/versions/{number:int}/publish", async (string code, int number, HttpRequest request, HttpContext context, TreatyAdminService service, CancellationToken cancellationToken) =>
            {
                var body = await OptionalAsync<PublishRequest>(request);
                await service.PublishAsync(code, IfMatch.Read(request), number, body?.EffectiveFrom, cancellationToken);
                return Treaty(context, await service.GetAsync(code, cancellationToken));
            })
            .Accepts<PublishRequest>("application/json")
            .WithName("PublishRuleVersion")
            .WithSummary("Publish a draft from its effective date (a date already taken is refused) (needs If-Match)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        treaties.MapDelete("/{code}/versions/{number:int}", async (string code, int number, HttpRequest request, HttpContext context, TreatyAdminService service, CancellationToken cancellationToken) =>
            {
                await service.DiscardDraftAsync(code, IfMatch.Read(request), number, cancellationToken);
                return Treaty(context, await service.GetAsync(code, cancellationToken));
            })
            .WithName("DiscardRuleVersion")
            .WithSummary("Discard a draft (a published version is never deleted) (needs If-Match)")
            .ProducesProblem(StatusCodes.Status409Conflict);

        treaties.MapPost("/{code}/versions/{number:int}/preview", async (string code, int number, HttpRequest request, TreatyAdminService service, CancellationToken cancellationToken) =>
                TypedResults.Ok((await service.PreviewAsync(code, number, await JsonBody.ReadAsync<EvaluateDealRequest>(request), cancellationToken)).Evaluation))
            .Accepts<EvaluateDealRequest>("application/json")
            .WithName("PreviewRuleVersion")
            .WithSummary("Evaluate a deal (POST /api/eligibility format; \"treaty\" is ignored) against one rule version, draft or published")
            .ProducesValidationProblem();
    }

    private static void MapReferenceData(RouteGroupBuilder admin)
    {
        var countries = admin.MapGroup("/countries").WithTags("Admin: countries and currencies");
        countries.MapGet("/", (string? search, ReferenceDataAdminService service, CancellationToken cancellationToken) => service.CountriesAsync(search, cancellationToken));
        countries.MapPost("/", async (HttpRequest request, ReferenceDataAdminService service, CancellationToken cancellationToken) =>
                TypedResults.Created($"/api/admin/countries/{await service.AddCountryAsync(await JsonBody.ReadAsync<CountryInput>(request), cancellationToken)}"))
            .Accepts<CountryInput>("application/json").ProducesValidationProblem();
        countries.MapPut("/{code}", async (string code, HttpRequest request, ReferenceDataAdminService service, CancellationToken cancellationToken) =>
            {
                await service.RenameCountryAsync(code, IfMatch.Read(request), await JsonBody.ReadAsync<CountryInput>(request), cancellationToken);
                return TypedResults.NoContent();
            })
            .Accepts<CountryInput>("application/json").WithSummary("Rename a country (needs If-Match)").ProducesValidationProblem();
        countries.MapPut("/{code}/active", async (string code, HttpRequest request, ReferenceDataAdminService service, CancellationToken cancellationToken) =>
            {
                await service.SetCountryActiveAsync(code, IfMatch.Read(request), (await JsonBody.ReadAsync<ActiveRequest>(request)).Active ?? throw Missing("active"), cancellationToken);
                return TypedResults.NoContent();
            })
            .Accepts<ActiveRequest>("application/json").WithSummary("Activate or deactivate a country (needs If-Match)");

        var currencies = admin.MapGroup("/currencies").WithTags("Admin: countries and currencies");
        currencies.MapGet("/", (string? search, ReferenceDataAdminService service, CancellationToken cancellationToken) => service.CurrenciesAsync(search, cancellationToken));
        currencies.MapPost("/", async (HttpRequest request, ReferenceDataAdminService service, CancellationToken cancellationToken) =>
                TypedResults.Created($"/api/admin/currencies/{await service.AddCurrencyAsync(await JsonBody.ReadAsync<CurrencyInput>(request), cancellationToken)}"))
            .Accepts<CurrencyInput>("application/json").ProducesValidationProblem();
        currencies.MapPut("/{code}", async (string code, HttpRequest request, ReferenceDataAdminService service, CancellationToken cancellationToken) =>
            {
                await service.UpdateCurrencyAsync(code, IfMatch.Read(request), await JsonBody.ReadAsync<CurrencyInput>(request), cancellationToken);
                return TypedResults.NoContent();
            })
            .Accepts<CurrencyInput>("application/json").WithSummary("Change a currency's name and decimals (needs If-Match)").ProducesValidationProblem();
        currencies.MapPut("/{code}/active", async (string code, HttpRequest request, ReferenceDataAdminService service, CancellationToken cancellationToken) =>
            {
                await service.SetCurrencyActiveAsync(code, IfMatch.Read(request), (await JsonBody.ReadAsync<ActiveRequest>(request)).Active ?? throw Missing("active"), cancellationToken);
                return TypedResults.NoContent();
            })
            .Accepts<ActiveRequest>("application/json").WithSummary("Activate or deactivate a currency (needs If-Match)");

        var rates = admin.MapGroup("/rates").WithTags("Admin: exchange rates");
        rates.MapGet("/", (string? @base, string? quote, DateOnly? from, DateOnly? to, ExchangeRateQueries queries, CancellationToken cancellationToken) =>
                queries.ListAsync(new ExchangeRateFilter(@base, quote, from, to), cancellationToken))
            .WithSummary("Exchange rates, newest first, filtered by currencies and dates");
        rates.MapPost("/", async (HttpRequest request, ReferenceDataAdminService service, CancellationToken cancellationToken) =>
                TypedResults.Created($"/api/admin/rates/{await service.AddRateAsync(await JsonBody.ReadAsync<ExchangeRateInput>(request), cancellationToken)}"))
            .Accepts<ExchangeRateInput>("application/json").WithSummary("Record one rate with its date and source").ProducesValidationProblem();
        rates.MapDelete("/{id:guid}", async (Guid id, ReferenceDataAdminService service, CancellationToken cancellationToken) =>
            {
                await service.RemoveRateAsync(id, cancellationToken);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a wrong rate (deals keep the rates they locked)");
        rates.MapPost("/import", async (HttpRequest request, ReferenceDataAdminService service, CancellationToken cancellationToken) =>
            {
                using var reader = new StreamReader(request.Body, Encoding.UTF8);
                var result = await service.ImportRatesAsync(await reader.ReadToEndAsync(cancellationToken), cancellationToken);
                if (result.Succeeded)
                {
                    return Results.Ok(new { added = result.Added });
                }

                var problem = new HttpValidationProblemDetails(result.Errors
                    .GroupBy(e => $"line {e.Line.ToString(CultureInfo.InvariantCulture)}")
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "The rates file is not valid; nothing was imported.",
                    Detail = $"{result.Errors.Count} line(s) to fix.",
                };
                return Results.Problem(problem);
            })
            .Accepts<string>("text/csv")
            .WithName("ImportRates")
            .WithSummary("Import rates from CSV (header date,base,quote,rate,source): all lines, or none when any is wrong")
            .ProducesValidationProblem();
    }

    private static void MapCatalogues(RouteGroupBuilder catalogues)
    {
        catalogues.MapGet("/{kind}", (string kind, CatalogueAdminService service, CancellationToken cancellationToken) => service.ListAsync(Kind(kind), cancellationToken))
            .WithSummary("A catalogue: decision-domains, media or territory-groups");
        catalogues.MapPost("/{kind}", async (string kind, HttpRequest request, CatalogueAdminService service, CancellationToken cancellationToken) =>
                TypedResults.Created($"/api/admin/catalogues/{kind}/{await service.AddAsync(Kind(kind), await JsonBody.ReadAsync<CatalogueInput>(request), cancellationToken)}"))
            .Accepts<CatalogueInput>("application/json").ProducesValidationProblem();
        catalogues.MapPut("/{kind}/{code}", async (string kind, string code, HttpRequest request, CatalogueAdminService service, CancellationToken cancellationToken) =>
            {
                await service.UpdateAsync(Kind(kind), code, IfMatch.Read(request), await JsonBody.ReadAsync<CatalogueInput>(request), cancellationToken);
                return TypedResults.NoContent();
            })
            .Accepts<CatalogueInput>("application/json").WithSummary("Change an entry (needs If-Match)").ProducesValidationProblem();
        catalogues.MapPut("/{kind}/{code}/active", async (string kind, string code, HttpRequest request, CatalogueAdminService service, CancellationToken cancellationToken) =>
            {
                await service.SetActiveAsync(Kind(kind), code, IfMatch.Read(request), (await JsonBody.ReadAsync<ActiveRequest>(request)).Active ?? throw Missing("active"), cancellationToken);
                return TypedResults.NoContent();
            })
            .Accepts<ActiveRequest>("application/json").WithSummary("Activate or deactivate an entry (entries are never deleted) (needs If-Match)");
    }

    private static void MapUsers(RouteGroupBuilder users)
    {
        users.MapGet("/", (string? search, IUserAdministration service, CancellationToken cancellationToken) => service.ListAsync(search, cancellationToken));
        users.MapGet("/{id:guid}", (Guid id, IUserAdministration service, CancellationToken cancellationToken) => service.GetAsync(id, cancellationToken))
            .WithSummary("One account: roles, whether it is disabled, whether its password must be changed");
        users.MapPost("/", async (HttpRequest request, IUserAdministration service, CancellationToken cancellationToken) =>
            {
                var invited = await service.InviteAsync(await JsonBody.ReadAsync<InviteUserInput>(request), cancellationToken);
                return TypedResults.Created($"/api/admin/users/{invited.Id}", invited);
            })
            .Accepts<InviteUserInput>("application/json")
            .WithSummary("Create an account with roles; the answer carries the initial password, once")
            .ProducesValidationProblem();
        users.MapPut("/{id:guid}/roles", async (Guid id, HttpRequest request, IUserAdministration service, CancellationToken cancellationToken) =>
            {
                await service.SetRolesAsync(id, (await JsonBody.ReadAsync<RolesRequest>(request)).Roles ?? throw Missing("roles"), cancellationToken);
                return TypedResults.NoContent();
            })
            .Accepts<RolesRequest>("application/json").ProducesValidationProblem();
        users.MapPost("/{id:guid}/password-reset", async (Guid id, IUserAdministration service, CancellationToken cancellationToken) =>
                TypedResults.Ok(await service.ResetPasswordAsync(id, cancellationToken)))
            .WithSummary("Replace a forgotten password with a temporary one (in the answer, once) that must be changed at the next sign-in")
            .ProducesValidationProblem();
        users.MapPost("/{id:guid}/disable", async (Guid id, IUserAdministration service, CancellationToken cancellationToken) =>
            {
                await service.DisableAsync(id, cancellationToken);
                return TypedResults.NoContent();
            })
            .WithSummary("Disable an account: sign-in refused, open sessions and tokens end within a minute");
        users.MapPost("/{id:guid}/enable", async (Guid id, IUserAdministration service, CancellationToken cancellationToken) =>
            {
                await service.EnableAsync(id, cancellationToken);
                return TypedResults.NoContent();
            });
    }

    private static AdminTreatyResponse Treaty(HttpContext context, AdminTreaty treaty)
    {
        context.Response.Headers.ETag = IfMatch.Tag(treaty.Version);
        return new AdminTreatyResponse(treaty.Version, treaty.Summary, treaty.Treaty);
    }

    private static CatalogueKind Kind(string kind) => kind.ToLowerInvariant() switch
    {
        "decision-domains" => CatalogueKind.DecisionDomains,
        "media" => CatalogueKind.Media,
        "territory-groups" => CatalogueKind.TerritoryGroups,
        _ => throw new NotFoundException($"There is no catalogue '{kind}': decision-domains, media or territory-groups."),
    };

    /// <summary>A body that may be left out: no content at all means none.</summary>
    private static async Task<T?> OptionalAsync<T>(HttpRequest request)
        where T : class =>
        request.ContentLength == 0 || (request.ContentLength is null && string.IsNullOrEmpty(request.ContentType))
            ? null
            : await JsonBody.ReadAsync<T>(request);

    private static RequestValidationException Missing(string field) => new(field, $"Give {field}.");
}

/// <summary>The version a client read, sent back in <c>If-Match</c> (the ETag of the GET answer, e.g. <c>"7812"</c>).</summary>
internal static class IfMatch
{
    public static string Tag(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static uint Read(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            throw new PreconditionRequiredException();
        }

        return uint.TryParse(header.Trim('"').Replace("W/", string.Empty, StringComparison.Ordinal).Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new RequestValidationException("If-Match", "If-Match must be the ETag (version) from the last answer about this thing, e.g. \"7812\".");
    }
}

/// <summary>A change to an existing thing came without If-Match: 428, so no client overwrites changes it never saw.</summary>
internal sealed class PreconditionRequiredException : Exception
{
    public PreconditionRequiredException()
        : base("Send If-Match with the version (ETag) you read, so a change made meanwhile is not overwritten.")
    {
    }

    public PreconditionRequiredException(string message)
        : base(message)
    {
    }

    public PreconditionRequiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
