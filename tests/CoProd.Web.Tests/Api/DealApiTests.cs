using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoProd.Application.Users;
using CoProd.Testing;

namespace CoProd.Web.Tests.Api;

/// <summary>The deal API does what the deal pages do, with the same rules, as status codes and ProblemDetails.</summary>
public sealed partial class DealApiTests : IClassFixture<WebAppFixture>
{
    private readonly WebAppFixture _app;

    public DealApiTests(WebAppFixture app) => _app = app;

    /// <summary>An owner with a deal (made through the pages), a lawyer invited as reviewer through the API, and their API clients.</summary>
    private async Task<(Guid DealId, HttpClient Owner, HttpClient Lawyer, TestUser LawyerUser)> DealAsync(string title = "API deal")
    {
        var owner = await _app.Factory.CreateAsync(Roles.Producer, "Api Owner");
        var lawyer = await _app.Factory.CreateAsync(Roles.Lawyer, "Api Lawyer");
        using var browser = await _app.Factory.BrowserClientAsync(owner);
        using var created = await browser.PostFormAsync("/deals/new", "new-deal", new Dictionary<string, string>
        {
            ["Model.Title"] = title,
            ["Model.Format"] = "animation",
            ["Model.Currency"] = "USD",
            ["Model.Budget"] = "20000000",
            ["Model.Kind"] = "unofficial",
        });
        var id = Guid.Parse(DealId().Match(created.Headers.Location!.ToString()).Value);
        using var partner = await browser.PostFormAsync($"/deals/{id}/partners", "partner", new Dictionary<string, string>
        {
            ["PartnerForm.Company"] = "Tokyo Anima",
            ["PartnerForm.Country"] = "JP",
            ["PartnerForm.Role"] = "majorityDelegate",
        });
        Assert.Equal(HttpStatusCode.Redirect, partner.StatusCode);

        var ownerApi = await _app.Factory.ApiClientAsync(owner);
        using var invited = await ownerApi.PostAsJsonAsync($"/api/deals/{id}/members", new { email = lawyer.Email, role = "reviewer", version = await VersionAsync(ownerApi, id) });
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        return (id, ownerApi, await _app.Factory.ApiClientAsync(lawyer), lawyer);
    }

    private static async Task<uint> VersionAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/deals/{id}")).GetProperty("version").GetUInt32();

    /// <summary>Sends a change and returns the deal's new version, failing with the answer when it is not 200.</summary>
    private static async Task<uint> ChangeAsync(HttpClient client, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetUInt32();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_producer_drafts_a_whole_deal_through_the_API_and_its_shares_follow_the_money()
    {
        var producer = await _app.Factory.ApiClientAsync(await _app.Factory.CreateAsync(Roles.Producer, "Api Drafter"));

        using var created = await producer.PostAsJsonAsync("/api/deals", new { title = "Northern Lights", format = "documentary", currency = "EUR", budget = 1_000_000m, kind = "official", treatyCode = "ca-fr" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/deals/{id}", created.Headers.Location?.OriginalString);

        Task<uint> SendAsync(HttpMethod method, string path, object body) => ChangeAsync(producer, method, path, body);

        var version = await VersionAsync(producer, id);
        version = await SendAsync(HttpMethod.Post, $"/api/deals/{id}/partners", new { version, company = "Films du Nord", country = "FR", role = "majorityDelegate" });
        version = await SendAsync(HttpMethod.Post, $"/api/deals/{id}/partners", new { version, company = "Érable Productions", country = "CA", role = "minority" });
        var deal = (await producer.GetFromJsonAsync<JsonElement>($"/api/deals/{id}")).GetProperty("deal");
        var partners = deal.GetProperty("partners").EnumerateArray().ToDictionary(p => p.GetProperty("company").GetString()!, p => p.GetProperty("id").GetGuid());
        version = await SendAsync(HttpMethod.Post, $"/api/deals/{id}/contributions",
            new { version, partnerId = partners["Films du Nord"], kind = "cash", description = "Equity", amount = 700_000m, currency = "EUR", spendCountry = "FR" });
        version = await SendAsync(HttpMethod.Post, $"/api/deals/{id}/contributions",
            new { version, partnerId = partners["Érable Productions"], kind = "inKind", description = "Post-production", amount = 600_000m, currency = "CAD", rateToDealCurrency = 0.5m, rateLockedOn = "2026-11-01", spendCountry = "CA" });
        version = await SendAsync(HttpMethod.Post, $"/api/deals/{id}/people", new { version, role = "director", name = "Anne Roy", nationality = "CA" });
        version = await SendAsync(HttpMethod.Post, $"/api/deals/{id}/places", new { version, kind = "shooting", country = "CA", place = "Yukon" });
        version = await SendAsync(HttpMethod.Put, $"/api/deals/{id}/overages", new { version, mode = "proRata" });
        version = await SendAsync(HttpMethod.Post, $"/api/deals/{id}/eligibility/record", new { version });

        var resource = await producer.GetFromJsonAsync<JsonElement>($"/api/deals/{id}");
        Assert.Equal(version, resource.GetProperty("version").GetUInt32());
        Assert.Equal(2, resource.GetProperty("deal").GetProperty("partners").EnumerateArray().Sum(p => p.GetProperty("contributions").GetArrayLength()));
        var eligibility = await producer.GetFromJsonAsync<JsonElement>($"/api/deals/{id}/eligibility");
        // Érable brings 600,000 CAD at 0.5: 300,000 of the 1,000,000 EUR contributed.
        Assert.Contains(eligibility.GetProperty("live").GetProperty("margins").EnumerateArray(),
            m => m.GetProperty("subject").GetString()!.StartsWith("Érable", StringComparison.Ordinal) && m.GetProperty("share").GetDecimal() == 30m);
        Assert.NotEqual(JsonValueKind.Null, eligibility.GetProperty("recorded").ValueKind);

        // The same rules as the pages: a stale version is a conflict, a wrong value names its field.
        using var stale = await producer.PostAsJsonAsync($"/api/deals/{id}/people", new { version = version - 1, role = "composer", name = "Late", nationality = "FR" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var bad = await producer.PostAsJsonAsync($"/api/deals/{id}/contributions", new { version, partnerId = partners["Films du Nord"], kind = "cash", description = "More", amount = -5m, currency = "EUR", spendCountry = "FR" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await ProblemAsync(bad)).GetProperty("errors").TryGetProperty("amount", out _));
        using var missing = await producer.PutAsJsonAsync($"/api/deals/{id}/overages", new { mode = "proRata" });
        Assert.True((await ProblemAsync(missing)).GetProperty("errors").TryGetProperty("version", out _));
        using var removed = await producer.DeleteAsync(new Uri($"/api/deals/{id}/places/0?version={version}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
    }

    [Fact]
    public async Task Decisions_milestones_legal_terms_and_a_rights_split_are_set_through_the_API()
    {
        var (id, owner, _, _) = await DealAsync("API sections");
        var version = await VersionAsync(owner, id);
        Task<uint> SendAsync(HttpMethod method, string path, object body) => ChangeAsync(owner, method, path, body);

        version = await SendAsync(HttpMethod.Post, $"/api/deals/{id}/partners", new { version, company = "Pacific Pictures", country = "US", role = "minority" });
        var partners = (await owner.GetFromJsonAsync<JsonElement>($"/api/deals/{id}")).GetProperty("deal").GetProperty("partners").EnumerateArray()
            .ToDictionary(p => p.GetProperty("company").GetString()!, p => p.GetProperty("id").GetGuid());
        var (tokyo, pacific) = (partners["Tokyo Anima"], partners["Pacific Pictures"]);

        version = await SendAsync(HttpMethod.Put, $"/api/deals/{id}/decisions", new { version, domainCode = "final-cut", mode = "soleAuthority", deciderPartnerId = tokyo });
        version = await SendAsync(HttpMethod.Post, $"/api/deals/{id}/milestones", new { version, name = "Picture lock", dueDate = "2027-06-15", status = "planned", bufferDays = 10, approvalDomainCode = "final-cut" });
        version = await SendAsync(HttpMethod.Put, $"/api/deals/{id}/legal", new { version, governingLaw = "JP", disputeResolution = "arbitration", seat = "Singapore", arbitrationRules = "SIAC Rules" });
        version = await SendAsync(HttpMethod.Post, $"/api/deals/{id}/rights/territory-split", new
        {
            version,
            shares = new object[] { new { partnerId = tokyo, groups = new[] { "asia" } }, new { partnerId = pacific, groups = new[] { "north-america", "europe" } } },
            media = new[] { "theatrical", "svod" },
        });

        var deal = (await owner.GetFromJsonAsync<JsonElement>($"/api/deals/{id}")).GetProperty("deal");
        Assert.Equal("final-cut", deal.GetProperty("decisionRules")[0].GetProperty("domainCode").GetString());
        Assert.Equal("Picture lock", deal.GetProperty("milestones")[0].GetProperty("name").GetString());
        Assert.Equal("Singapore", deal.GetProperty("legal").GetProperty("seat").GetString());
        Assert.Equal(2, deal.GetProperty("rights").GetProperty("grants").GetArrayLength());

        // A second split over existing grants needs the replacement confirmed, as on the page.
        using var unconfirmed = await owner.PostAsJsonAsync($"/api/deals/{id}/rights/joint-control", new { version });
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.True((await ProblemAsync(unconfirmed)).GetProperty("errors").TryGetProperty("confirmReplace", out _));
    }

    [Fact]
    public async Task The_deal_list_filters_by_a_partners_country_and_sorts_as_asked()
    {
        var (id, owner, _, _) = await DealAsync("Zebra crossing");
        using (var second = await owner.PostAsJsonAsync("/api/deals", new { title = "Aurora", format = "documentary", currency = "EUR", budget = 500_000m, kind = "undecided" }))
        {
            Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        }

        var japanese = await owner.GetFromJsonAsync<JsonElement>("/api/deals?country=jp");
        var byTitle = await owner.GetFromJsonAsync<JsonElement>("/api/deals?sort=title");
        using var badSort = await owner.GetAsync(new Uri("/api/deals?sort=random", UriKind.Relative));
        using var badCountry = await owner.GetAsync(new Uri("/api/deals?country=Japan", UriKind.Relative));

        Assert.Equal([id], japanese.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()));
        Assert.Equal(["Aurora", "Zebra crossing"], byTitle.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("title").GetString()));
        Assert.True((await ProblemAsync(badSort)).GetProperty("errors").TryGetProperty("sort", out _));
        Assert.True((await ProblemAsync(badCountry)).GetProperty("errors").TryGetProperty("country", out _));
    }

    [Fact]
    public async Task A_lawyer_on_the_deal_as_reviewer_cannot_change_its_money_through_the_API()
    {
        var (id, owner, lawyer, _) = await DealAsync("API money");
        var partnerId = (await owner.GetFromJsonAsync<JsonElement>($"/api/deals/{id}")).GetProperty("deal").GetProperty("partners")[0].GetProperty("id").GetGuid();

        using var refused = await lawyer.PostAsJsonAsync($"/api/deals/{id}/contributions",
            new { version = await VersionAsync(owner, id), partnerId, kind = "cash", description = "Equity", amount = 1_000m, currency = "USD", spendCountry = "JP" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(0, (await owner.GetFromJsonAsync<JsonElement>($"/api/deals/{id}")).GetProperty("deal").GetProperty("partners")[0].GetProperty("contributions").GetArrayLength());
    }

    [Fact]
    public async Task A_member_reads_the_deal_document_with_its_version_role_and_allowed_actions()
    {
        var (id, owner, lawyer, _) = await DealAsync();

        var asOwner = await owner.GetFromJsonAsync<JsonElement>($"/api/deals/{id}");
        var asLawyer = await lawyer.GetFromJsonAsync<JsonElement>($"/api/deals/{id}");
        var list = await lawyer.GetFromJsonAsync<JsonElement>("/api/deals/?pageSize=5");

        Assert.Equal("owner", asOwner.GetProperty("myRole").GetString());
        Assert.Contains("submitForReview", asOwner.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("API deal", asOwner.GetProperty("deal").GetProperty("title").GetString());
        Assert.Equal("Tokyo Anima", asOwner.GetProperty("deal").GetProperty("partners")[0].GetProperty("company").GetString());
        Assert.Equal("reviewer", asLawyer.GetProperty("myRole").GetString());
        Assert.DoesNotContain("editFinancials", asLawyer.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(id, list.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/deals/{0}")]
    [InlineData("/api/deals/{0}/eligibility")]
    [InlineData("/api/deals/{0}/versions")]
    [InlineData("/api/deals/{0}/comments")]
    [InlineData("/api/deals/{0}/members")]
    [InlineData("/api/deals/{0}/audit")]
    public async Task Someone_who_is_not_a_member_gets_404_problem_details_without_any_of_the_deal(string route)
    {
        var (id, _, _, _) = await DealAsync("Secret project");
        using var outsider = await _app.Factory.ApiClientAsync(await _app.Factory.CreateAsync(Roles.Producer));

        using var response = await outsider.GetAsync(new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, route, id), UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Secret project", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Tokyo Anima", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_step_is_a_403_that_says_why_and_a_stale_one_a_409()
    {
        var (id, owner, lawyer, _) = await DealAsync();
        var version = await VersionAsync(owner, id);

        using var refused = await lawyer.PostAsJsonAsync($"/api/deals/{id}/transitions", new { action = "submitForReview", version });
        using var ok = await owner.PostAsJsonAsync($"/api/deals/{id}/transitions", new { action = "submitForReview", version, note = "Ready for review" });
        using var stale = await owner.PostAsJsonAsync($"/api/deals/{id}/transitions", new { action = "withdrawFromReview", version });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("lawyers review it", (await ProblemAsync(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var result = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, "inLegalReview"), (result.GetProperty("versionNumber").GetInt32(), result.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else saved a change", (await ProblemAsync(stale)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "action": "approveEverything", "version": 1 }""", "action")]
    [InlineData("""{ "action": "editFinancials", "version": 1 }""", "action")]
    [InlineData("""{ "action": "submitForReview" }""", "version")]
    [InlineData("""{ "action": "submitForReview", "version": "latest" }""", "version")]
    [InlineData("""{ "action": "submitForReview", "version": 1, "notes": "typo" }""", "notes")]
    public async Task Bad_input_is_a_400_naming_the_field(string json, string field)
    {
        var (id, owner, _, _) = await DealAsync();

        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await owner.PostAsync(new Uri($"/api/deals/{id}/transitions", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
    }

    [Fact]
    public async Task A_body_that_is_not_declared_as_json_is_refused()
    {
        var (id, owner, _, _) = await DealAsync();

        using var content = new StringContent("""{ "anchor": "deal", "body": "Hello" }""", Encoding.UTF8, "text/plain");
        using var response = await owner.PostAsync(new Uri($"/api/deals/{id}/comments", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(await owner.GetFromJsonAsync<JsonElement[]>($"/api/deals/{id}/comments?all=true") ?? []);
    }

    [Fact]
    public async Task A_lawyer_requests_a_change_by_comment_and_the_versions_compare_in_words()
    {
        var (id, owner, lawyer, _) = await DealAsync();
        using var submitted = await owner.PostAsJsonAsync($"/api/deals/{id}/transitions", new { action = "submitForReview", version = await VersionAsync(owner, id) });
        using var comment = await lawyer.PostAsJsonAsync($"/api/deals/{id}/comments", new { anchor = "partners", body = "Tokyo Anima should be the delegate producer only.", changeRequest = true });
        using var asked = await lawyer.PostAsJsonAsync($"/api/deals/{id}/transitions", new { action = "requestChanges", version = await VersionAsync(lawyer, id) });
        using var producerTriesToChangeRequest = await owner.PostAsJsonAsync($"/api/deals/{id}/comments", new { anchor = "partners", body = "Mine", changeRequest = true });

        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, producerTriesToChangeRequest.StatusCode);
        var threads = await owner.GetFromJsonAsync<JsonElement>($"/api/deals/{id}/comments");
        Assert.True(threads[0].GetProperty("isChangeRequest").GetBoolean());
        Assert.Equal("Partners & money", threads[0].GetProperty("anchorLabel").GetString());

        var versions = await lawyer.GetFromJsonAsync<JsonElement>($"/api/deals/{id}/versions");
        var comparison = await lawyer.GetFromJsonAsync<JsonElement>($"/api/deals/{id}/versions/1/compare/2");
        var snapshot = await lawyer.GetFromJsonAsync<JsonElement>($"/api/deals/{id}/versions/1");

        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        var change = comparison.GetProperty("sections")[0].GetProperty("changes")[0];
        Assert.Equal(("Project", "Status", "in legal review", "changes requested"), (change.GetProperty("section").GetString(), change.GetProperty("label").GetString(), change.GetProperty("old").GetString(), change.GetProperty("new").GetString()));
        Assert.Equal("inLegalReview", snapshot.GetProperty("status").GetString());

        using var missing = await lawyer.GetAsync(new Uri($"/api/deals/{id}/versions/9/compare/current", UriKind.Relative));
        using var badTo = await lawyer.GetAsync(new Uri($"/api/deals/{id}/versions/1/compare/latest", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badTo.StatusCode);
        Assert.True((await ProblemAsync(badTo)).GetProperty("errors").TryGetProperty("to", out _));
    }

    [Fact]
    public async Task The_audit_trail_is_filtered_and_paged_and_bad_dates_are_named()
    {
        var (id, owner, _, lawyer) = await DealAsync();

        var all = await owner.GetFromJsonAsync<JsonElement>($"/api/deals/{id}/audit?pageSize=2");
        var members = await owner.GetFromJsonAsync<JsonElement>($"/api/deals/{id}/audit?text=members");
        var byLawyer = await owner.GetFromJsonAsync<JsonElement>($"/api/deals/{id}/audit?person={Uri.EscapeDataString(lawyer.DisplayName)}");
        using var badDate = await owner.GetAsync(new Uri($"/api/deals/{id}/audit?from=yesterday", UriKind.Relative));

        Assert.Equal(2, all.GetProperty("items").GetArrayLength());
        Assert.True(all.GetProperty("total").GetInt32() > 2);
        var invite = Assert.Single(members.GetProperty("items").EnumerateArray());
        Assert.Equal(("invited member", "reviewer"), (invite.GetProperty("action").GetString(), invite.GetProperty("newValue").GetString()));
        Assert.Equal(0, byLawyer.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.True((await ProblemAsync(badDate)).GetProperty("errors").TryGetProperty("from", out _));
    }

    [Fact]
    public async Task Administrators_do_not_use_the_deal_api()
    {
        using var admin = await _app.Factory.ApiClientAsync(await _app.Factory.CreateAsync(Roles.Admin));

        using var response = await admin.GetAsync(new Uri("/api/deals/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex DealId();
}
