using System.Net;
using System.Text.RegularExpressions;
using CoProd.Application.Users;
using CoProd.Testing;

namespace CoProd.Web.Tests.Security;

/// <summary>A form post without a valid antiforgery token is refused with 400 and changes nothing.</summary>
public sealed partial class AntiforgeryTests : IClassFixture<WebAppFixture>
{
    private readonly WebAppFixture _app;

    public AntiforgeryTests(WebAppFixture app) => _app = app;

    [Theory]
    [InlineData(null)]
    [InlineData("CfDJ8-forged-token")]
    public async Task Creating_a_deal_without_a_valid_token_is_refused_and_creates_nothing(string? token)
    {
        using var client = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(Roles.Producer));
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "new-deal",
            ["Model.Title"] = "Forged deal",
            ["Model.Format"] = "documentary",
            ["Model.Currency"] = "EUR",
            ["Model.Budget"] = "100000",
            ["Model.Kind"] = "undecided",
        };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(new Uri("/deals/new", UriKind.Relative), content);
        var list = await client.GetStringAsync(new Uri("/deals", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Forged deal", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inviting_a_member_without_the_token_is_refused_but_with_it_goes_through()
    {
        var owner = await _app.Factory.CreateAsync(Roles.Producer);
        var lawyer = await _app.Factory.CreateAsync(Roles.Lawyer, "Forge Target");
        using var client = await _app.Factory.BrowserClientAsync(owner);
        using var created = await client.PostFormAsync("/deals/new", "new-deal", new Dictionary<string, string>
        {
            ["Model.Title"] = "Token test",
            ["Model.Format"] = "documentary",
            ["Model.Currency"] = "EUR",
            ["Model.Budget"] = "100000",
            ["Model.Kind"] = "undecided",
        });
        var dealPath = DealPath().Match(created.Headers.Location!.ToString()).Value;
        var membersPage = await client.GetStringAsync(new Uri($"{dealPath}/members", UriKind.Relative));
        var version = VersionField().Match(membersPage).Groups[1].Value;

        using var forged = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "invite",
            ["Version"] = version,
            ["Invite.Email"] = lawyer.Email,
            ["Invite.Role"] = "reviewer",
        });
        using var refused = await client.PostAsync(new Uri($"{dealPath}/members", UriKind.Relative), forged);
        var afterRefusal = await client.GetStringAsync(new Uri($"{dealPath}/members", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain("Forge Target", afterRefusal, StringComparison.Ordinal);

        using var accepted = await client.PostFormAsync($"{dealPath}/members", "invite", new Dictionary<string, string>
        {
            ["Version"] = version,
            ["Invite.Email"] = lawyer.Email,
            ["Invite.Role"] = "reviewer",
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("Forge Target", await client.GetStringAsync(new Uri($"{dealPath}/members", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_post_to_someone_elses_deal_gets_not_found_and_the_friendly_page()
    {
        var owner = await _app.Factory.CreateAsync(Roles.Producer);
        using var ownerClient = await _app.Factory.BrowserClientAsync(owner);
        using var created = await ownerClient.PostFormAsync("/deals/new", "new-deal", new Dictionary<string, string>
        {
            ["Model.Title"] = "Not yours",
            ["Model.Format"] = "documentary",
            ["Model.Currency"] = "EUR",
            ["Model.Budget"] = "100000",
            ["Model.Kind"] = "undecided",
        });
        var dealPath = DealPath().Match(created.Headers.Location!.ToString()).Value;
        using var outsider = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(Roles.Producer));

        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "project", ["Model.Title"] = "Taken over" });
        using var response = await outsider.PostAsync(new Uri(dealPath, UriKind.Relative), forged);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Not yours", await ownerClient.GetStringAsync(new Uri(dealPath, UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_needs_the_token_too()
    {
        using var client = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(Roles.Lawyer));

        using var empty = new FormUrlEncodedContent([]);
        using var refused = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), empty);
        using var stillIn = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [GeneratedRegex("/deals/[0-9a-f-]{36}")]
    private static partial Regex DealPath();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
