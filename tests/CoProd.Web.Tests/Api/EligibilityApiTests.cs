using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoProd.Testing;

namespace CoProd.Web.Tests.Api;

public sealed class EligibilityApiTests : IClassFixture<WebAppFixture>
{
    private readonly WebAppFixture _app;

    private async Task<HttpClient> ClientAsync() =>
        await _app.Factory.ApiClientAsync(await _app.Factory.CreateAsync(CoProd.Application.Users.Roles.Producer));

    public EligibilityApiTests(WebAppFixture app) => _app = app;

    private static JsonObject FranceCanada(decimal frenchAmount = 4_200_000m, decimal canadianAmount = 1_800_000m) => new()
    {
        ["treaty"] = "ca-fr",
        ["date"] = "2026-11-23",
        ["deal"] = new JsonObject
        {
            ["title"] = "Les Aurores",
            ["format"] = "fictionFeature",
            ["currency"] = "EUR",
            ["budget"] = 6_000_000,
            ["partners"] = new JsonArray
            {
                new JsonObject { ["company"] = "Films du Nord", ["country"] = "FR", ["role"] = "majorityDelegate", ["contributions"] = new JsonArray { new JsonObject { ["amount"] = frenchAmount } } },
                new JsonObject
                {
                    ["company"] = "Érable Productions", ["country"] = "CA", ["role"] = "minority",
                    ["contributions"] = new JsonArray { new JsonObject { ["amount"] = canadianAmount * 2, ["currency"] = "CAD", ["rateToDealCurrency"] = 0.5, ["rateLockedOn"] = "2026-10-01" } },
                },
            },
            ["keyPeople"] = new JsonArray
            {
                new JsonObject { ["role"] = "director", ["name"] = "Claire Dubois", ["nationality"] = "FR" },
                new JsonObject { ["role"] = "leadActor1", ["name"] = "Marc Tremblay", ["nationality"] = "CA" },
            },
        },
    };

    [Fact]
    public async Task A_deal_is_evaluated_against_a_named_treaty_with_every_check_explained()
    {
        using var client = await ClientAsync();

        using var response = await client.PostAsJsonAsync("/api/eligibility", FranceCanada());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var evaluation = body["evaluation"]!;
        Assert.Equal("ca-fr", (string?)evaluation["treaty"]!["code"]);
        Assert.Equal("qualifies", (string?)evaluation["verdict"]);
        Assert.Equal(30m, (decimal)body["financing"]!["partners"]![1]!["share"]!);
        var minimum = evaluation["checks"]!.AsArray().First(c => (string?)c!["ruleId"] == "share.minimum" && (string?)c["partner"] == "Érable Productions")!;
        Assert.Equal("pass", (string?)minimum["outcome"]);
        Assert.Equal("≥ 15.00 %", (string?)minimum["required"]);
        Assert.StartsWith("https://", (string?)minimum["source"]!["url"], StringComparison.Ordinal);
        Assert.NotEmpty((string?)minimum["explanation"] ?? string.Empty);
        var stress = evaluation["currencyStress"]!.AsArray().Single()!;
        Assert.Equal("CAD", (string?)stress["currency"]);
        Assert.NotNull(stress["maximumFall"]);
    }

    [Fact]
    public async Task A_minority_below_the_treaty_minimum_fails_naming_the_rule()
    {
        using var client = await ClientAsync();

        using var response = await client.PostAsJsonAsync("/api/eligibility", FranceCanada(5_101_000m, 899_000m));
        var evaluation = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["evaluation"]!;

        Assert.Equal("doesNotQualify", (string?)evaluation["verdict"]);
        Assert.Equal("share.minimum", (string?)evaluation["firstFailure"]!["ruleId"]);
        Assert.Equal("14.98 %", (string?)evaluation["firstFailure"]!["measured"]);
    }

    [Fact]
    public async Task Without_a_treaty_the_finder_ranks_every_treaty_that_could_apply()
    {
        using var client = await ClientAsync();
        var request = FranceCanada();
        request.Remove("treaty");

        using var response = await client.PostAsJsonAsync("/api/eligibility", request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["evaluation"]);
        var first = body["candidates"]!.AsArray().First()!;
        Assert.Equal("ca-fr", (string?)first["treaty"]!["code"]);
        Assert.Equal("qualifies", (string?)first["status"]);
    }

    [Fact]
    public async Task A_deal_between_countries_without_a_treaty_gets_no_candidates()
    {
        using var client = await ClientAsync();
        var request = FranceCanada();
        request.Remove("treaty");
        request["deal"]!["partners"]![0]!["country"] = "JP";
        request["deal"]!["partners"]![1]!["country"] = "US";

        using var response = await client.PostAsJsonAsync("/api/eligibility", request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(body["candidates"]!.AsArray());
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { """{"treaty":"xx-yy","deal":{"currency":"EUR","budget":5,"partners":[{"company":"A","country":"FR","role":"minority","contributions":[{"amount":5}]}]}}""", "treaty", "no treaty with the code 'xx-yy'" },
        { """{"deal":{"currency":"EUR","budget":5,"partners":[{"company":"A","country":"ZZ","role":"minority","contributions":[{"amount":5}]}]}}""", "deal.partners[0].country", "'ZZ' is not a country on record" },
        { """{"deal":{"currency":"EUX","budget":5,"partners":[{"company":"A","country":"FR","role":"minority","contributions":[{"amount":5}]}]}}""", "deal.currency", "'EUX' is not a currency on record" },
        { """{"deal":{"currency":"EUR","budget":5,"partners":[{"company":"A","country":"FR","role":"minority","contributions":[{"amount":5,"currency":"XYZ","rateToDealCurrency":1}]}]}}""", "deal.partners[0].contributions[0].currency", "'XYZ' is not a currency on record" },
        { """{"deal":{"currency":"EUR","budget":5,"partners":[{"company":"A","country":"FR","role":"minority","contributions":[{"amount":-3}]}]}}""", "deal.partners[0].contributions[0].amount", "greater than zero" },
        { """{"deal":{"currency":"EUR","budget":5,"partners":[{"company":"A","country":"FR","role":"minority","contributions":[{"amount":"lots"}]}]}}""", "deal.partners[0].contributions[0].amount", "wrong type" },
        { """{"deal":{"currency":"EUR","budget":-1,"partners":[{"company":"A","country":"FR","role":"minority","contributions":[{"amount":5}]}]}}""", "deal.budget", "greater than zero" },
        { """{"deal":{"currency":"EUR","budget":5,"partners":[]}}""", "deal.partners", "needs partners" },
        { """{"deal":{"currency":"EUR","budget":5,"partners":[{"company":"A","country":"FR","role":"minority","contributions":[]}]}}""", "deal.partners", "shares of zero" },
        { """{"deal":{"currency":"EUR","budget":5,"partners":[{"company":"A","country":"FR","role":"minority","contributions":[{"amount":5,"currency":"USD"}]}]}}""", "deal.partners[0].contributions[0].rateToDealCurrency", "exchange rate" },
        { """{"deal":{"currency":"EUR","budget":5,"partners":[{"company":"A","country":"FR","role":"boss","contributions":[{"amount":5}]}]}}""", "deal.partners[0].role", "majorityDelegate, minority or financialOnly" },
        { """{"deal":{"currency":"EUR","budgett":5}}""", "deal.budgett", "Unknown field" },
        { """{"date":"yesterday","deal":{"currency":"EUR","budget":5}}""", "date", "wrong type" },
        { """{"deal":""", "", "not valid JSON" },
        { """{}""", "deal", "Give the deal" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_400_ProblemDetails_naming_the_field(string json, string field, string message)
    {
        using var client = await ClientAsync();
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/api/eligibility", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for '{field}' in {text}");
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(message, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }
}
