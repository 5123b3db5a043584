using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoProd.Application.Users;
using CoProd.Testing;

namespace CoProd.Web.Tests.Security;

/// <summary>
/// A password an admin chose (at invitation or reset) is the admin's, not the person's: until they choose their own,
/// every page sends them to the password page and the API refuses.
/// </summary>
public sealed partial class PasswordChangeTests : IClassFixture<WebAppFixture>
{
    private const string OwnPassword = "lantern orchard quietly humming";

    private readonly WebAppFixture _app;

    public PasswordChangeTests(WebAppFixture app) => _app = app;

    [Fact]
    public async Task An_invited_user_must_choose_a_password_before_anything_else()
    {
        var invited = await InviteAsync("invited");
        using var browser = await _app.Factory.BrowserClientAsync(invited);

        foreach (var path in new[] { "/", "/deals", "/treaties" })
        {
            using var page = await browser.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/account/password?required=true", page.Headers.Location?.OriginalString);
        }

        using (var fragment = await FragmentAsync(browser, "/deals"))
        {
            Assert.Equal("/account/password?required=true", fragment.Headers.GetValues("HX-Redirect").Single());
        }

        var passwordPage = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri("/account/password", UriKind.Relative)));
        Assert.Contains("An admin chose your current password", passwordPage, StringComparison.Ordinal);

        using (var cookieApi = await browser.GetAsync(new Uri("/api/deals", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, cookieApi.StatusCode);
            Assert.Contains("/account/password", await cookieApi.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var anonymous = _app.Factory.CreateClient();
        using (var token = await anonymous.PostAsJsonAsync("/api/auth/token", new { email = invited.Email, password = invited.Password }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
            Assert.Contains("Change your password first.", await token.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await ChangeAsync(browser, invited.Password, OwnPassword);

        using (var home = await browser.GetAsync(new Uri("/", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }

        using var api = await _app.Factory.ApiClientAsync(invited with { Password = OwnPassword });
        using (var allowed = await api.GetAsync(new Uri("/api/deals", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
    }

    [Fact]
    public async Task A_wrong_current_password_keeps_the_requirement()
    {
        var invited = await InviteAsync("wrong");
        using var browser = await _app.Factory.BrowserClientAsync(invited);

        using var response = await browser.PostFormAsync("/account/password", "change-password", new Dictionary<string, string>
        {
            ["Input.Current"] = "not the password at all",
            ["Input.New"] = OwnPassword,
            ["Input.Confirm"] = OwnPassword,
        });

        Assert.Contains("The current password is wrong.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var page = await browser.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task An_admin_resets_a_forgotten_password_the_old_one_stops_working_and_the_new_one_must_be_changed()
    {
        var admin = await _app.Factory.CreateAsync(Roles.Admin, "Ada Admin");
        var producer = await _app.Factory.CreateAsync(Roles.Producer, "Forgetful Fred");
        using var admins = await _app.Factory.BrowserClientAsync(admin);

        using var reset = await admins.PostFormAsync($"/admin/users/{producer.Id}", "reset-password", new Dictionary<string, string>());
        var html = WebUtility.HtmlDecode(await reset.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var temporary = TemporaryPassword().Match(html).Groups[1].Value;
        Assert.Equal(23, temporary.Length);
        Assert.Contains("password to change", WebUtility.HtmlDecode(await admins.GetStringAsync(new Uri("/admin/users", UriKind.Relative))), StringComparison.Ordinal);
        Assert.Contains("reset password", WebUtility.HtmlDecode(await admins.GetStringAsync(new Uri($"/admin/users/{producer.Id}", UriKind.Relative))), StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _app.Factory.BrowserClientAsync(producer));

        using var browser = await _app.Factory.BrowserClientAsync(producer with { Password = temporary });
        using (var page = await browser.GetAsync(new Uri("/deals", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        }

        await ChangeAsync(browser, temporary, OwnPassword);
        using (var page = await browser.GetAsync(new Uri("/deals", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task The_api_resets_a_password_once_and_refuses_an_admin_resetting_their_own()
    {
        var admin = await _app.Factory.CreateAsync(Roles.Admin);
        var lawyer = await _app.Factory.CreateAsync(Roles.Lawyer);
        using var api = await _app.Factory.ApiClientAsync(admin);

        using var reset = await api.PostAsync(new Uri($"/api/admin/users/{lawyer.Id}/password-reset", UriKind.Relative), null);
        using var body = JsonDocument.Parse(await reset.Content.ReadAsStringAsync());
        using var own = await api.PostAsync(new Uri($"/api/admin/users/{admin.Id}/password-reset", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(23, body.RootElement.GetProperty("temporaryPassword").GetString()!.Length);
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("password page", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var user = await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/admin/users/{lawyer.Id}", UriKind.Relative));
        Assert.True(user.GetProperty("mustChangePassword").GetBoolean());
    }

    private async Task<TestUser> InviteAsync(string name)
    {
        var admin = await _app.Factory.CreateAsync(Roles.Admin);
        using var api = await _app.Factory.ApiClientAsync(admin);
        var email = $"{name}-{Guid.NewGuid():N}"[..20] + "@test.coprod.local";
        using var response = await api.PostAsJsonAsync("/api/admin/users", new { email, displayName = $"Invited {name}", roles = new[] { "producer" } });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new TestUser(body.RootElement.GetProperty("id").GetGuid(), email, body.RootElement.GetProperty("initialPassword").GetString()!, Roles.Producer, $"Invited {name}");
    }

    private static async Task ChangeAsync(HttpClient browser, string current, string wanted)
    {
        using var changed = await browser.PostFormAsync("/account/password", "change-password", new Dictionary<string, string>
        {
            ["Input.Current"] = current,
            ["Input.New"] = wanted,
            ["Input.Confirm"] = wanted,
        });
        var html = WebUtility.HtmlDecode(await changed.Content.ReadAsStringAsync());
        Assert.True(html.Contains("Your password has been changed.", StringComparison.Ordinal), html);
        Assert.Contains("Continue to CoProd", html, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> FragmentAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("HX-Request", "true");
        return await client.SendAsync(request);
    }

    [GeneratedRegex("data-testid=\"temporary-password\">([^<]+)<")]
    private static partial Regex TemporaryPassword();
}
