using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Application.Users;
using CoProd.Domain.Audit;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;
using CoProd.Domain.Review;
using CoProd.Infrastructure.Persistence;
using CoProd.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProd.Web.Tests.Security;

/// <summary>
/// Walks every page, fragment and API route of the app as every kind of caller and checks the outcome against
/// <see cref="AuthorizationRules"/>: allowed, sent to sign in, 403, 404, or a form the page does not offer. A
/// route without a rule fails the first test, so nobody can add one without deciding who may use it. A call that
/// is refused must change nothing (no new audit row, same deal version); one that is allowed and meant to change
/// something must have changed it, so an "allowed" cannot come from a probe that did not do the real thing.
/// </summary>
public sealed partial class AuthorizationMatrixTests : IClassFixture<AuthorizationMatrixTests.MatrixFixture>
{
    private readonly MatrixFixture _app;

    public AuthorizationMatrixTests(MatrixFixture app) => _app = app;

    public static TheoryData<string> RuleKeys() => [.. AuthorizationRules.All.Select(r => r.Key)];

    [Fact]
    public void Every_endpoint_has_a_rule_and_every_rule_an_endpoint()
    {
        var endpoints = _app.Endpoints();
        var keys = AuthorizationRules.All.Select(r => r.Key).ToList();

        Assert.Empty(keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key));
        var missing = endpoints.Where(e => !keys.Contains(e)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "These endpoints have no authorization rule: add one to AuthorizationRules.All for each:\n" + string.Join("\n", missing));
        var stale = keys.Where(k => !endpoints.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "These rules match no endpoint (renamed or removed?):\n" + string.Join("\n", stale));
    }

    [Theory]
    [MemberData(nameof(RuleKeys))]
    public async Task Each_caller_gets_the_expected_outcome(string key)
    {
        var rule = AuthorizationRules.All.Single(r => r.Key == key);
        var shared = rule.Changes ? null : await _app.SharedSceneAsync();
        var failures = new List<string>();
        foreach (var caller in Enum.GetValues<Caller>())
        {
            var scene = shared ?? await _app.NewSceneAsync();
            var before = await _app.StateAsync(scene);
            var (status, location, body) = await _app.CallAsync(rule, caller, scene);
            var outcome = Classify(rule, status, location, body);
            var expected = rule.Expect.For(caller);
            if (outcome != expected)
            {
                failures.Add($"{caller}: expected {expected}, got {outcome} ({(int)status}{(location is null ? string.Empty : $" → {location}")}) {Excerpt(body)}");
                continue;
            }

            var changed = await _app.StateAsync(scene) != before;
            if (rule.Changes && outcome != Outcome.Allowed && changed)
            {
                failures.Add($"{caller}: refused ({outcome}) but the data changed");
            }
            else if (rule.Changes && outcome == Outcome.Allowed && !changed)
            {
                // The probe must really do what the route is for, or "allowed" proves nothing.
                failures.Add($"{caller}: allowed, but the probe changed nothing ({(int)status}) {Excerpt(body)}");
            }
        }

        Assert.True(failures.Count == 0, $"{key}:\n" + string.Join("\n", failures));
    }

    public static TheoryData<string> FormRuleKeys() => [.. AuthorizationRules.All.Where(r => r.Kind == ProbeKind.PageForm && r.FormName != "none").Select(r => r.Key)];

    /// <summary>
    /// A post with none of the form's fields (a stale page, a hand-made request) must get the page with its messages
    /// or a refusal, never a server error.
    /// </summary>
    [Theory]
    [MemberData(nameof(FormRuleKeys))]
    public async Task Every_form_answers_an_empty_post_without_a_server_error(string key)
    {
        var rule = AuthorizationRules.All.Single(r => r.Key == key);
        var caller = Enum.GetValues<Caller>().First(c => rule.Expect.For(c) == Outcome.Allowed);
        var scene = await _app.NewSceneAsync();

        var (status, _, body) = await _app.CallAsync(rule with { Fields = new Dictionary<string, string>() }, caller, scene);

        Assert.True((int)status < 500, $"{key} as {caller} answered {(int)status}: {Excerpt(body)}");
    }

    private static Outcome Classify(Rule rule, HttpStatusCode status, string? location, string body) => (int)status switch
    {
        401 => Outcome.SignIn,
        403 => Outcome.Forbidden,
        404 => Outcome.NotFound,
        400 when rule.Kind == ProbeKind.PageForm => Outcome.NotOffered,
        400 => Outcome.BadRequest,
        >= 300 and < 400 when location is not null && location.Contains("/account/login", StringComparison.Ordinal) && location.Contains("ReturnUrl", StringComparison.Ordinal) => Outcome.SignIn,
        >= 200 and < 400 => Outcome.Allowed,
        var other => throw new InvalidOperationException($"{rule.Key} answered {other}: {Excerpt(body)}"),
    };

    private static string Excerpt(string body) => body.Length <= 160 ? body : body[..160] + "…";

    /// <summary>The ids a probe fills into paths and bodies: a deal with members in every role and something of everything.</summary>
    public sealed record Scene(Guid DealId, Guid PartnerId, Guid ThreadId, Guid ResolvedThreadId, Guid ContributionId, Guid PersonId)
    {
        public Guid OtherPartnerId { get; init; }

        public Guid MilestoneId { get; init; }

        public Guid GrantId { get; init; }

        public Guid BuyoutId { get; init; }

        public Guid GuaranteeId { get; init; }
    }

    /// <summary>The app, the callers (signed in once each) and fresh deals for the probes that change data.</summary>
    public sealed partial class MatrixFixture : WebAppFixture
    {
        private readonly ConcurrentDictionary<(Caller, bool Api), HttpClient> _clients = new();
        private readonly Dictionary<Caller, TestUser> _users = [];
        private readonly ConcurrentDictionary<Caller, string> _tokens = new();
        private Scene? _shared;
        private readonly Dictionary<string, Guid> _spareUsers = [];
        private TestUser _invitee = null!;
        private HttpClient _admin = null!;
        private Guid _rate;
        private TestUser _tokenUser = null!;
        private string _refreshToken = string.Empty;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            _users[Caller.Owner] = await Factory.CreateAsync(Roles.Producer, "Matrix Owner");
            _users[Caller.Editor] = await Factory.CreateAsync(Roles.Producer, "Matrix Editor");
            _users[Caller.Reviewer] = await Factory.CreateAsync(Roles.Lawyer, "Matrix Reviewer");
            _users[Caller.Viewer] = await Factory.CreateAsync(Roles.Producer, "Matrix Viewer");
            _users[Caller.ProducerOutsider] = await Factory.CreateAsync(Roles.Producer, "Matrix Outsider");
            _users[Caller.LawyerOutsider] = await Factory.CreateAsync(Roles.Lawyer, "Matrix Other Lawyer");
            _users[Caller.Admin] = await Factory.CreateAsync(Roles.Admin, "Matrix Admin");
            _invitee = await Factory.CreateAsync(Roles.Producer, "Matrix Invitee");
            _tokenUser = await Factory.CreateAsync(Roles.Producer, "Matrix Token User");
            using var client = Factory.CreateClient();
            using var response = await client.PostAsJsonAsync("/api/auth/token", new { email = _tokenUser.Email, password = _tokenUser.Password });
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            _refreshToken = json.RootElement.GetProperty("refreshToken").GetString()!;
            await AdminSceneAsync();
        }

        /// <summary>
        /// What the admin probes work on, made through the admin API: users whose roles or access they change,
        /// treaties to edit, end, draft, publish and discard, and exchange rates to suggest and delete.
        /// </summary>
        private async Task AdminSceneAsync()
        {
            _admin = await Factory.ApiClientAsync(_users[Caller.Admin]);
            foreach (var name in new[] { "roles-page", "roles-api", "disable", "enable", "reset-api" })
            {
                _spareUsers[name] = (await Factory.CreateAsync(Roles.Producer, $"Matrix Spare {name}")).Id;
            }

            await SendAsync(HttpMethod.Post, $"/api/admin/users/{_spareUsers["enable"]}/disable", null);
            foreach (var code in new[] { "mx-page-draft", "mx-page-publish", "mx-api-put", "mx-api-end", "mx-api-versions", "mx-api-edit", "mx-api-publish", "mx-api-discard" })
            {
                await SendAsync(HttpMethod.Post, "/api/admin/treaties", $$"""
                    { "code": "{{code}}", "name": "Matrix treaty {{code}}", "kind": "bilateral", "parties": [ { "country": "NZ" }, { "country": "JP" } ],
                      "inForceFrom": "2020-01-01", "sources": [ { "article": "Agreement text", "url": "https://example.org/{{code}}" } ],
                      "ruleVersions": [ { "effectiveFrom": "2020-01-01", "status": "published",
                        "rules": { "bilateralShares": { "minimum": 20, "maximum": 80, "source": { "article": "Art. 6", "url": "https://example.org/{{code}}#art6" } } } } ] }
                    """);
            }

            foreach (var code in new[] { "mx-page-publish", "mx-api-edit", "mx-api-publish", "mx-api-discard" })
            {
                await SendAsync(HttpMethod.Post, $"/api/admin/treaties/{code}/versions", """{ "changeNote": "Matrix draft", "rules": { "bilateralShares": { "minimum": 10, "maximum": 90, "source": { "article": "Art. 6", "url": "https://example.org/matrix#art6" } } } }""", await ETagAsync($"/api/admin/treaties/{code}"));
            }

            await SendAsync(HttpMethod.Post, "/api/admin/rates", """{ "on": "2026-01-02", "base": "EUR", "quote": "CAD", "rate": 1.49, "source": "Matrix" }""");
            var created = await SendAsync(HttpMethod.Post, "/api/admin/rates", """{ "on": "2026-01-03", "base": "EUR", "quote": "CAD", "rate": 1.5, "source": "Matrix, to delete" }""");
            _rate = Guid.Parse(created!.Split('/')[^1]);
        }

        /// <summary>An administrator's API call that must succeed; answers the Location of what it created.</summary>
        private async Task<string?> SendAsync(HttpMethod method, string path, string? json, string? ifMatch = null)
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            using var response = await _admin.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return response.Headers.Location?.OriginalString;
        }

        /// <summary>The version an administrator reads: the ETag of GET path, or with "#code" the version of that row of the list.</summary>
        private async Task<string> ETagAsync(string target)
        {
            var (path, code) = target.Split('#') is [var p, var c] ? (p, c) : (target, null);
            using var response = await _admin.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
            if (code is null)
            {
                return response.Headers.ETag!.Tag;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var row = json.RootElement.EnumerateArray().Single(r => r.GetProperty("code").GetString() == code);
            return $"\"{row.GetProperty("version").GetUInt32()}\"";
        }

        public override async Task DisposeAsync()
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }

            _admin?.Dispose();

            await base.DisposeAsync();
        }

        /// <summary>"GET /deals/{Id:guid}" for every routed endpoint the matrix covers (health checks take any method: "*").</summary>
        public IReadOnlyList<string> Endpoints()
        {
            _ = Factory.Server;
            return [.. Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
                .OfType<RouteEndpoint>()
                .Where(e => !AuthorizationRules.IsExcluded(e))
                .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["*"])
                    .Select(method => $"{method} {e.RoutePattern.RawText}"))
                .Distinct()];
        }

        public async Task<Scene> SharedSceneAsync() => _shared ??= await NewSceneAsync();

        /// <summary>
        /// An official deal (Canada–UK) owned by the owner, with the editor, reviewer and viewer as members, two
        /// partners with money, a kept version, an open comment and a resolved one by the reviewer.
        /// </summary>
        public async Task<Scene> NewSceneAsync()
        {
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CoProdDbContext>();
            var now = DateTimeOffset.UtcNow;
            var owner = _users[Caller.Owner].Id;
            var deal = Deal.Create(Guid.NewGuid(), "Matrix deal", ProductionFormat.FictionFeature, CurrencyCode.From("CAD"), 1_000_000m, owner, now);
            var maple = deal.AddPartner(Guid.NewGuid(), "Maple Films", CountryCode.From("CA"), PartnerRole.MajorityDelegate);
            var thames = deal.AddPartner(Guid.NewGuid(), "Thames Pictures", CountryCode.From("GB"), PartnerRole.Minority);
            var equity = deal.AddContribution(Guid.NewGuid(), maple.Id, ContributionKind.Cash, "Equity", new Money(600_000m, CurrencyCode.From("CAD")), 1m, DateOnly.FromDateTime(now.UtcDateTime), CountryCode.From("CA"));
            deal.AddContribution(Guid.NewGuid(), thames.Id, ContributionKind.Cash, "Equity", new Money(400_000m, CurrencyCode.From("CAD")), 1m, DateOnly.FromDateTime(now.UtcDateTime), CountryCode.From("GB"));
            deal.SetKind(DealKind.Official, "ca-gb");
            var director = deal.AddKeyPerson(Guid.NewGuid(), KeyRole.Director, "Matrix Director", CountryCode.From("CA"));
            deal.SetLocations([new ProductionLocation(LocationKind.Shooting, CountryCode.From("CA"), "Montreal")]);
            deal.SetDecisionRule(new DecisionRule("final-cut", DecisionMode.SoleAuthority, maple.Id, []));
            var milestone = new Milestone(Guid.NewGuid(), "Picture lock", new DateOnly(2027, 6, 1), MilestoneStatus.Planned, 10);
            deal.SaveMilestone(milestone);
            var grant = new RightsGrant(Guid.NewGuid(), maple.Id, ["CA"], ["theatrical"], null, null, true, []);
            var buyout = new BuyoutRight(Guid.NewGuid(), maple.Id, thames.Id, "Deadlock on a distribution deal twice", "Fair market value");
            var guarantee = new MinimumGuarantee(Guid.NewGuid(), thames.Id, new Money(50_000m, CurrencyCode.From("CAD")), null, null);
            deal.SetRights(new DealRights([grant], [buyout], [guarantee]));
            deal.SetLegalTerms(new LegalTerms { TaxIncentives = [new TaxIncentiveClaim(maple.Id, "Canadian Film or Video Production Tax Credit")] });
            deal.AddMember(_users[Caller.Editor].Id, PersonKind.Producer, MemberRole.Editor, owner, now);
            deal.AddMember(_users[Caller.Reviewer].Id, PersonKind.Lawyer, MemberRole.Reviewer, owner, now);
            deal.AddMember(_users[Caller.Viewer].Id, PersonKind.Producer, MemberRole.Viewer, owner, now);
            db.Deals.Add(deal);
            db.DealVersions.Add(new DealVersion(Guid.NewGuid(), deal.Id, 1, DealStatus.Draft, DealStatus.Draft, JsonSerializer.Serialize(DealDocument.From(deal), Json.Options), now, owner, "Matrix Owner", "set up by the matrix"));
            var reviewer = _users[Caller.Reviewer];
            var open = new ReviewComment(Guid.NewGuid(), deal.Id, null, "partners", "Is Thames really minority?", false, reviewer.Id, reviewer.DisplayName, now);
            var resolved = new ReviewComment(Guid.NewGuid(), deal.Id, null, "legal", "Name the governing law.", false, reviewer.Id, reviewer.DisplayName, now);
            resolved.Resolve(reviewer.DisplayName, now);
            db.ReviewComments.AddRange(open, resolved);
            db.AuditEntries.Add(new AuditEntry(now, owner, "Matrix Owner", "deal", deal.Id.ToString(), deal.Id, "created", "Deal", null, "set up by the authorization matrix test"));
            await db.SaveChangesAsync();
            return new Scene(deal.Id, maple.Id, open.Id, resolved.Id, equity.Id, director.Id)
            {
                OtherPartnerId = thames.Id,
                MilestoneId = milestone.Id,
                GrantId = grant.Id,
                BuyoutId = buyout.Id,
                GuaranteeId = guarantee.Id,
            };
        }

        /// <summary>What a refused call must leave alone: the number of audit rows (all of them) and the deal's version.</summary>
        public async Task<(int AuditRows, uint? DealVersion)> StateAsync(Scene scene)
        {
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CoProdDbContext>();
            var version = await db.Deals.AsNoTracking().Where(d => d.Id == scene.DealId).Select(d => (uint?)d.Version).FirstOrDefaultAsync();
            return (await db.AuditEntries.CountAsync(), version);
        }

        public async Task<(HttpStatusCode Status, string? Location, string Body)> CallAsync(Rule rule, Caller caller, Scene scene)
        {
            var version = (await StateAsync(scene)).DealVersion ?? 0;
            var path = await FillAsync(rule.Path ?? RouteToPath(rule.Pattern), scene, version);
            var api = path.StartsWith("/api/", StringComparison.Ordinal) && rule.Kind is ProbeKind.Plain or ProbeKind.Json;
            var client = rule.FreshSession ? await NewClientAsync(caller, api) : await ClientAsync(caller, api);
            try
            {
                using var request = new HttpRequestMessage(new HttpMethod(rule.Method == "*" ? "GET" : rule.Method), new Uri(path, UriKind.Relative));
                switch (rule.Kind)
                {
                    case ProbeKind.Json when rule.JsonBody is not null:
                        request.Content = new StringContent(await FillAsync(rule.JsonBody, scene, version), Encoding.UTF8, rule.ContentType);
                        break;
                    case ProbeKind.PageForm or ProbeKind.Form:
                        var fields = new Dictionary<string, string>();
                        foreach (var (name, value) in rule.Fields)
                        {
                            fields[name] = await FillAsync(value, scene, version);
                        }

                        fields["__RequestVerificationToken"] = await AntiforgeryTokenAsync(caller, client, rule.FreshSession);
                        if (rule.Kind == ProbeKind.PageForm)
                        {
                            fields["_handler"] = rule.FormName!;
                            fields.TryAdd("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        }

                        request.Content = new FormUrlEncodedContent(fields);
                        break;
                }

                if (rule.IfMatch is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-Match", await FillAsync(rule.IfMatch, scene, version));
                }

                using var response = await client.SendAsync(request);
                return (response.StatusCode, response.Headers.Location?.ToString(), await response.Content.ReadAsStringAsync());
            }
            finally
            {
                if (rule.FreshSession)
                {
                    client.Dispose();
                }
            }
        }

        private async Task<string> FillAsync(string text, Scene scene, uint version)
        {
            foreach (Match match in ETagToken().Matches(text))
            {
                text = text.Replace(match.Value, await ETagAsync(match.Groups[1].Value), StringComparison.Ordinal);
            }

            return Fill(text, scene, version);
        }

        private string Fill(string text, Scene scene, uint version) => SpareUserToken().Replace(text, m => _spareUsers[m.Groups[1].Value].ToString())
            .Replace("{deal}", scene.DealId.ToString(), StringComparison.Ordinal)
            .Replace("{version}", version.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{partner}", scene.PartnerId.ToString(), StringComparison.Ordinal)
            .Replace("{otherPartner}", scene.OtherPartnerId.ToString(), StringComparison.Ordinal)
            .Replace("{contribution}", scene.ContributionId.ToString(), StringComparison.Ordinal)
            .Replace("{person}", scene.PersonId.ToString(), StringComparison.Ordinal)
            .Replace("{milestone}", scene.MilestoneId.ToString(), StringComparison.Ordinal)
            .Replace("{grant}", scene.GrantId.ToString(), StringComparison.Ordinal)
            .Replace("{buyout}", scene.BuyoutId.ToString(), StringComparison.Ordinal)
            .Replace("{guarantee}", scene.GuaranteeId.ToString(), StringComparison.Ordinal)
            .Replace("{thread}", scene.ThreadId.ToString(), StringComparison.Ordinal)
            .Replace("{resolved}", scene.ResolvedThreadId.ToString(), StringComparison.Ordinal)
            .Replace("{viewer}", _users[Caller.Viewer].Id.ToString(), StringComparison.Ordinal)
            .Replace("{invitee}", _invitee.Email, StringComparison.Ordinal)
            .Replace("{tokenEmail}", _tokenUser.Email, StringComparison.Ordinal)
            .Replace("{tokenPassword}", _tokenUser.Password, StringComparison.Ordinal)
            .Replace("{refreshToken}", _refreshToken, StringComparison.Ordinal)
            .Replace("{rate}", _rate.ToString(), StringComparison.Ordinal);

        /// <summary>Route parameters to scene tokens: deal ids to {deal}, comment ids to {thread}, user ids to {viewer}, version numbers to 1.</summary>
        private static string RouteToPath(string pattern) => RouteParameter().Replace(pattern, match => match.Groups[1].Value.ToLowerInvariant() switch
        {
            "id" => "{deal}",
            "commentid" => "{thread}",
            "userid" => "{viewer}",
            "partnerid" => "{partner}",
            "contributionid" => "{contribution}",
            "personid" => "{person}",
            "milestoneid" => "{milestone}",
            "grantid" => "{grant}",
            "buyoutid" => "{buyout}",
            "guaranteeid" => "{guarantee}",
            "domaincode" => "final-cut",
            "index" => "0",
            "number" or "from" => "1",
            "to" => "current",
            var name => throw new InvalidOperationException($"The matrix does not know what to put in {{{name}}} of {pattern}: give the rule a Path."),
        });

        private async Task<HttpClient> ClientAsync(Caller caller, bool api)
        {
            if (_clients.TryGetValue((caller, api), out var client))
            {
                return client;
            }

            client = await NewClientAsync(caller, api);
            return _clients.GetOrAdd((caller, api), client);
        }

        /// <summary>Pages sign in with the sign-in form (a cookie); the API with a bearer token; anonymous callers with neither.</summary>
        private async Task<HttpClient> NewClientAsync(Caller caller, bool api)
        {
            if (caller == Caller.Anonymous)
            {
                return Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            }

            return api ? await Factory.ApiClientAsync(_users[caller]) : await Factory.BrowserClientAsync(_users[caller]);
        }

        /// <summary>A request token for the caller's session, from a page every such caller may open.</summary>
        private async Task<string> AntiforgeryTokenAsync(Caller caller, HttpClient client, bool fresh)
        {
            if (!fresh && _tokens.TryGetValue(caller, out var token))
            {
                return token;
            }

            var page = await client.GetStringAsync(new Uri(caller == Caller.Anonymous ? "/account/login" : "/account/password", UriKind.Relative));
            var match = AntiforgeryField().Match(page);
            Assert.True(match.Success, $"No antiforgery token for {caller}.");
            token = WebUtility.HtmlDecode(match.Groups[1].Value);
            return fresh ? token : _tokens.GetOrAdd(caller, token);
        }

        [GeneratedRegex("\\{etag:([^}]+)\\}")]
        private static partial Regex ETagToken();

        [GeneratedRegex("\\{user:([a-z-]+)\\}")]
        private static partial Regex SpareUserToken();

        [GeneratedRegex("\\{([A-Za-z]+)(:[a-z]+)?\\}")]
        private static partial Regex RouteParameter();

        [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
        private static partial Regex AntiforgeryField();
    }
}
