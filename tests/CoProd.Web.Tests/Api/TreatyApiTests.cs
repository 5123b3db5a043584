using System.Net;
using System.Text.Json.Nodes;
using CoProd.Testing;

namespace CoProd.Web.Tests.Api;

public sealed class TreatyApiTests : IClassFixture<WebAppFixture>
{
    private readonly WebAppFixture _app;

    private async Task<HttpClient> ClientAsync() =>
        await _app.Factory.ApiClientAsync(await _app.Factory.CreateAsync(CoProd.Application.Users.Roles.Producer));

    public TreatyApiTests(WebAppFixture app) => _app = app;

    [Fact]
    public async Task Treaties_are_listed_with_the_rule_version_in_effect()
    {
        using var client = await ClientAsync();

        var list = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/treaties?date=2025-06-01", UriKind.Relative)))!.AsArray();

        Assert.Contains(list, t => (string?)t!["code"] == "coe-ets-147" && (string?)t["status"] == "inForce");
        var southAfrica = list.Single(t => (string?)t!["code"] == "ca-za")!;
        Assert.Equal(1, (int)southAfrica["currentVersion"]!);
        Assert.Equal(2, (int)southAfrica["versions"]!);
    }

    [Fact]
    public async Task A_treaty_comes_with_its_rules_and_their_sources()
    {
        using var client = await ClientAsync();

        var body = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/treaties/CA-FR", UriKind.Relative)))!;

        var treaty = body["treaty"]!;
        Assert.Equal("ca-fr", (string?)treaty["code"]);
        var rules = treaty["ruleVersions"]![0]!["rules"]!;
        Assert.Equal(15m, (decimal)rules["bilateralShares"]!["minimum"]!);
        Assert.StartsWith("https://", (string?)rules["bilateralShares"]!["source"]!["url"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_treaty_is_a_404_ProblemDetails()
    {
        using var client = await ClientAsync();

        using var response = await client.GetAsync(new Uri("/api/treaties/no-such-treaty", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-such-treaty", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_API()
    {
        using var client = _app.Factory.CreateClient();

        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;

        Assert.NotNull(document["paths"]!["/api/eligibility"]!["post"]);
        Assert.NotNull(document["paths"]!["/api/treaties/{code}"]!["get"]);
        Assert.NotNull(document["components"]!["schemas"]!["EvaluateDealRequest"]);
        Assert.Equal("bearer", (string?)document["components"]!["securitySchemes"]!["bearer"]!["scheme"]);
        Assert.Equal("cookie", (string?)document["components"]!["securitySchemes"]!["cookie"]!["in"]);
        Assert.Equal(2, document["security"]!.AsArray().Count);
    }
}
