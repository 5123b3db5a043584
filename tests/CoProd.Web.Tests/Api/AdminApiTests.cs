using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CoProd.Application.Users;
using CoProd.Testing;

namespace CoProd.Web.Tests.Api;

public sealed class AdminApiTests : IClassFixture<WebAppFixture>
{
    private readonly WebAppFixture _app;

    public AdminApiTests(WebAppFixture app) => _app = app;

    private async Task<HttpClient> AdminAsync() => await _app.Factory.ApiClientAsync(await _app.Factory.CreateAsync(Roles.Admin));

    private static object Treaty(string code, bool withPublishedRules) => new
    {
        code,
        name = $"Testland – Japan ({code})",
        kind = "bilateral",
        parties = new[] { new { country = "NZ" }, new { country = "JP" } },
        inForceFrom = "2020-01-01",
        sources = new[] { new { article = "Agreement text", url = "https://example.org/nz-jp" } },
        ruleVersions = withPublishedRules
            ? new[] { new { effectiveFrom = "2020-01-01", status = "published", rules = Rules(20) } }
            : null,
    };

    private static object Rules(decimal minimum) => new
    {
        bilateralShares = new { minimum, maximum = 100 - minimum, source = new { article = "Art. 6", url = "https://example.org/nz-jp#art6" } },
    };

    private static object Deal(decimal japanShare) => new
    {
        title = "Kiwi Ghosts",
        format = "fictionFeature",
        currency = "NZD",
        budget = 1_000_000,
        partners = new object[]
        {
            new { company = "Aotearoa Films", country = "NZ", role = "majorityDelegate", contributions = new[] { new { kind = "cash", amount = 1_000_000 - (japanShare * 10_000) } } },
            new { company = "Osaka Pictures", country = "JP", role = "minority", contributions = new[] { new { kind = "cash", amount = japanShare * 10_000 } } },
        },
    };

    private static HttpRequestMessage Request(HttpMethod method, string path, string? etag, object? body = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    [Fact]
    public async Task An_admin_creates_a_treaty_adds_a_version_publishes_it_and_ends_the_treaty_through_the_API()
    {
        using var client = await AdminAsync();

        using var created = await client.PostAsJsonAsync("/api/admin/treaties", Treaty("nz-jp-api", withPublishedRules: false));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/admin/treaties/nz-jp-api", created.Headers.Location?.OriginalString);
        var etag = created.Headers.ETag!.Tag;

        using var draft = await client.SendAsync(Request(HttpMethod.Post, "/api/admin/treaties/nz-jp-api/versions", etag, new { effectiveFrom = "2021-01-01", changeNote = "First rules", rules = Rules(25) }));
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        Assert.Equal("draft", (string?)JsonNode.Parse(await draft.Content.ReadAsStringAsync())!["treaty"]!["ruleVersions"]![0]!["status"]);

        using var published = await client.SendAsync(Request(HttpMethod.Post, "/api/admin/treaties/nz-jp-api/versions/1/publish", draft.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var body = JsonNode.Parse(await published.Content.ReadAsStringAsync())!;
        Assert.Equal(1, (int)body["summary"]!["currentVersion"]!);

        using var ended = await client.SendAsync(Request(HttpMethod.Post, "/api/admin/treaties/nz-jp-api/end", published.Headers.ETag!.Tag, new { terminatedOn = "2031-01-01", note = "Denounced." }));
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal("2031-01-01", (string?)JsonNode.Parse(await ended.Content.ReadAsStringAsync())!["treaty"]!["terminatedOn"]);

        using var changed = await client.SendAsync(Request(HttpMethod.Put, "/api/admin/treaties/nz-jp-api", ended.Headers.ETag!.Tag, new
        {
            name = "New Zealand – Japan Film Co-production Agreement",
            parties = new[] { new { country = "NZ" }, new { country = "JP" } },
            inForceFrom = "2020-01-01",
            terminatedOn = "2031-01-01",
        }));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("New Zealand – Japan Film Co-production Agreement", (string?)JsonNode.Parse(await changed.Content.ReadAsStringAsync())!["treaty"]!["name"]);
    }

    [Fact]
    public async Task A_stale_or_missing_If_Match_changes_nothing()
    {
        using var client = await AdminAsync();
        using var created = await client.PostAsJsonAsync("/api/admin/treaties", Treaty("nz-jp-stale", withPublishedRules: true));
        var etag = created.Headers.ETag!.Tag;
        using var first = await client.SendAsync(Request(HttpMethod.Post, "/api/admin/treaties/nz-jp-stale/versions", etag, new { effectiveFrom = "2024-01-01", rules = Rules(10) }));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var stale = await client.SendAsync(Request(HttpMethod.Post, "/api/admin/treaties/nz-jp-stale/end", etag, new { terminatedOn = "2030-01-01" }));
        using var missing = await client.SendAsync(Request(HttpMethod.Post, "/api/admin/treaties/nz-jp-stale/end", null, new { terminatedOn = "2030-01-01" }));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        var treaty = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/admin/treaties/nz-jp-stale", UriKind.Relative)))!;
        Assert.Null(treaty["treaty"]!["terminatedOn"]);
    }

    [Fact]
    public async Task Publishing_on_a_taken_date_is_a_400_naming_the_field()
    {
        using var client = await AdminAsync();
        using var created = await client.PostAsJsonAsync("/api/admin/treaties", Treaty("nz-jp-taken", withPublishedRules: true));
        using var draft = await client.SendAsync(Request(HttpMethod.Post, "/api/admin/treaties/nz-jp-taken/versions", created.Headers.ETag!.Tag, new { rules = Rules(15) }));

        using var publish = await client.SendAsync(Request(HttpMethod.Post, "/api/admin/treaties/nz-jp-taken/versions/2/publish", draft.Headers.ETag!.Tag, new { effectiveFrom = "2020-01-01" }));

        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        var problem = JsonNode.Parse(await publish.Content.ReadAsStringAsync())!;
        Assert.Contains("already takes effect on 2020-01-01", (string?)problem["errors"]!["effectiveFrom"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_a_400_that_names_each_field()
    {
        using var client = await AdminAsync();

        using var response = await client.PostAsJsonAsync("/api/admin/treaties", new
        {
            code = "nz jp!",
            name = "",
            kind = "bilateral",
            parties = new[] { new { country = "NZ" }, new { country = "QQ" } },
            ruleVersions = new[] { new { rules = new { bilateralShares = new { minimum = 120 } } } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Contains("code", errors.Select(e => e.Key));
        Assert.Contains("name", errors.Select(e => e.Key));
        Assert.Contains("parties[1].country", errors.Select(e => e.Key));
        Assert.Contains("ruleVersions[0].rules.bilateralShares.minimum", errors.Select(e => e.Key));
        Assert.Contains("ruleVersions[0].rules.bilateralShares.source", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task Producers_get_403_from_the_admin_API()
    {
        using var client = await _app.Factory.ApiClientAsync(await _app.Factory.CreateAsync(Roles.Producer));

        using var create = await client.PostAsJsonAsync("/api/admin/treaties", Treaty("nz-jp-forbidden", withPublishedRules: true));
        using var list = await client.GetAsync(new Uri("/api/admin/users", UriKind.Relative));
        using var import = await client.PostAsync(new Uri("/api/admin/rates/import", UriKind.Relative), new StringContent("date,base,quote,rate,source\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        using var admin = await AdminAsync();
        using var missing = await admin.GetAsync(new Uri("/api/admin/treaties/nz-jp-forbidden", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_treaty_created_through_the_API_is_used_by_the_engine_and_the_finder_at_once()
    {
        using var admin = await AdminAsync();
        using var created = await admin.PostAsJsonAsync("/api/admin/treaties", Treaty("nz-jp-live", withPublishedRules: true));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var producer = await _app.Factory.ApiClientAsync(await _app.Factory.CreateAsync(Roles.Producer));

        using var evaluated = await producer.PostAsJsonAsync("/api/eligibility", new { treaty = "nz-jp-live", date = "2026-01-15", deal = Deal(japanShare: 15) });
        using var found = await producer.PostAsJsonAsync("/api/eligibility", new { date = "2026-01-15", deal = Deal(japanShare: 30) });

        Assert.Equal(HttpStatusCode.OK, evaluated.StatusCode);
        var evaluation = JsonNode.Parse(await evaluated.Content.ReadAsStringAsync())!["evaluation"]!;
        Assert.Equal("nz-jp-live", (string?)evaluation["treaty"]!["code"]);
        Assert.Equal("doesNotQualify", (string?)evaluation["verdict"]);
        Assert.Contains(evaluation["checks"]!.AsArray(), c => (string?)c!["ruleId"] == "share.minimum" && (string?)c["outcome"] == "fail" && (string?)c["partner"] == "Osaka Pictures");
        var candidates = JsonNode.Parse(await found.Content.ReadAsStringAsync())!["candidates"]!.AsArray();
        Assert.Contains(candidates, c => (string?)c!["treaty"]!["code"] == "nz-jp-live" && (string?)c["status"] != "noRulesInEffect");
    }

    [Fact]
    public async Task A_malformed_treaty_file_imports_nothing_and_every_error_names_its_line()
    {
        using var client = await AdminAsync();
        const string file = """
            {
              "format": "coprod-treaties/1",
              "treaties": [
                { "code": "nz-jp-file-ok", "name": "Fine", "kind": "bilateral", "parties": [ { "country": "NZ" }, { "country": "JP" } ],
                  "ruleVersions": [ { "rules": { "notes": "no numbers on record" } } ] },
                { "code": "nz-jp-file-bad", "name": "Broken", "kind": "trilateral", "parties": [ { "country": "NZ" } ],
                  "ruleVersions": [ { "rules": { "financialOnly": { "minimum": 5 } } } ] }
              ]
            }
            """;

        using var response = await client.PostAsync(new Uri("/api/admin/treaties/import", UriKind.Relative), new StringContent(file, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var lines = problem["lines"]!.AsArray();
        Assert.Contains(lines, l => (string?)l!["field"] == "treaties[1].kind" && (int)l["line"]! == 6);
        Assert.Contains(lines, l => (string?)l!["field"] == "treaties[1].ruleVersions[0].rules.financialOnly.allowed" && (int)l["line"]! == 7);
        Assert.Contains(lines, l => (string?)l!["field"] == "treaties[1].ruleVersions[0].rules.financialOnly.source" && (int)l["line"]! == 7);
        Assert.Contains("line 6", (string?)problem["errors"]!["treaties[1].kind"]![0], StringComparison.Ordinal);
        using var notImported = await client.GetAsync(new Uri("/api/admin/treaties/nz-jp-file-ok", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, notImported.StatusCode);
    }

    [Fact]
    public async Task Export_writes_the_interchange_format_that_import_reads()
    {
        using var client = await AdminAsync();

        using var response = await client.GetAsync(new Uri("/api/admin/treaties/export?code=ca-fr&code=ca-za", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var file = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("coprod-treaties/1", (string?)file["format"]);
        Assert.Equal(["ca-fr", "ca-za"], file["treaties"]!.AsArray().Select(t => (string?)t!["code"]));
    }

    [Fact]
    public async Task A_disabled_users_token_stops_working()
    {
        using var admin = await AdminAsync();
        var producer = await _app.Factory.CreateAsync(Roles.Producer);
        using var client = await _app.Factory.ApiClientAsync(producer);

        using var disable = await admin.PostAsync(new Uri($"/api/admin/users/{producer.Id}/disable", UriKind.Relative), null);
        using var after = await client.GetAsync(new Uri("/api/treaties", UriKind.Relative));
        using var signIn = await _app.Factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { email = producer.Email, password = producer.Password });

        Assert.Equal(HttpStatusCode.NoContent, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task Rates_are_imported_from_CSV_and_suggested_to_everyone()
    {
        using var admin = await AdminAsync();
        using var bad = await admin.PostAsync(new Uri("/api/admin/rates/import", UriKind.Relative),
            new StringContent("date,base,quote,rate,source\n2026-02-01,AUD,NZD,1.09,RBA\n2026-02-30,AUD,NZD,1.1,RBA\n", Encoding.UTF8, "text/csv"));
        using var good = await admin.PostAsync(new Uri("/api/admin/rates/import", UriKind.Relative),
            new StringContent("date,base,quote,rate,source\n2026-02-01,AUD,NZD,1.09,RBA\n2026-02-03,AUD,NZD,1.1,RBA\n", Encoding.UTF8, "text/csv"));
        using var producer = await _app.Factory.ApiClientAsync(await _app.Factory.CreateAsync(Roles.Producer));

        var suggestion = JsonNode.Parse(await producer.GetStringAsync(new Uri("/api/rates/suggestion?from=AUD&to=NZD&date=2026-02-02", UriKind.Relative)))!;

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("2026-02-30", (string?)JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["errors"]!["line 3"]![0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(1.09m, (decimal)suggestion["rate"]!);
        Assert.Equal("2026-02-01", (string?)suggestion["on"]);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_admin_API()
    {
        using var client = _app.Factory.CreateClient();

        var paths = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!["paths"]!;

        Assert.NotNull(paths["/api/admin/treaties"]!["post"]);
        Assert.NotNull(paths["/api/admin/treaties/{code}/versions/{number}/publish"]!["post"]);
        Assert.NotNull(paths["/api/admin/treaties/import"]!["post"]);
        Assert.NotNull(paths["/api/admin/rates/import"]!["post"]);
        Assert.NotNull(paths["/api/rates/suggestion"]!["get"]);
    }
}
