using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoProd.Application.Users;
using CoProd.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoProd.Web.Tests.Security;

/// <summary>Five wrong passwords lock an account for a while, whether they come through the sign-in page or the token API.</summary>
public sealed class LockoutTests : IClassFixture<WebAppFixture>
{
    private const int AllowedFailures = 5;
    private readonly WebAppFixture _app;

    public LockoutTests(WebAppFixture app) => _app = app;

    [Fact]
    public async Task Five_wrong_passwords_on_the_sign_in_page_lock_the_account_even_against_the_right_one()
    {
        var user = await _app.Factory.CreateAsync(Roles.Producer);
        using var client = _app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        for (var attempt = 1; attempt < AllowedFailures; attempt++)
        {
            var (status, html) = await SignInAsync(client, user.Email, "wrong password " + attempt);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("The e-mail or password is wrong.", html, StringComparison.Ordinal);
        }

        var (fifth, fifthPage) = await SignInAsync(client, user.Email, "wrong password 5");
        var (right, rightPage) = await SignInAsync(client, user.Email, user.Password);

        Assert.Equal(HttpStatusCode.OK, fifth);
        Assert.Contains("locked after repeated failed sign-ins", fifthPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right);
        Assert.Contains("locked after repeated failed sign-ins", rightPage, StringComparison.Ordinal);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Four_wrong_passwords_then_the_right_one_signs_in()
    {
        var user = await _app.Factory.CreateAsync(Roles.Lawyer);
        using var client = _app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        for (var attempt = 1; attempt < AllowedFailures; attempt++)
        {
            await SignInAsync(client, user.Email, "wrong password " + attempt);
        }

        var (status, _) = await SignInAsync(client, user.Email, user.Password);

        Assert.Equal(HttpStatusCode.Redirect, status);
    }

    [Fact]
    public async Task Five_wrong_passwords_on_the_token_API_lock_the_account_and_the_page_agrees()
    {
        var user = await _app.Factory.CreateAsync(Roles.Producer);
        using var api = _app.Factory.CreateClient();

        for (var attempt = 1; attempt <= AllowedFailures; attempt++)
        {
            using var wrong = await api.PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = "wrong " + attempt });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await api.PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = user.Password });
        using var problem = JsonDocument.Parse(await right.Content.ReadAsStringAsync());
        using var browser = _app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var (pageStatus, page) = await SignInAsync(browser, user.Email, user.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("locked", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(problem.RootElement.TryGetProperty("accessToken", out _));
        Assert.Equal(HttpStatusCode.OK, pageStatus);
        Assert.Contains("locked after repeated failed sign-ins", page, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Html)> SignInAsync(HttpClient client, string email, string password)
    {
        using var response = await client.PostFormAsync("/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
