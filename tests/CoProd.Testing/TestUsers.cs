using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoProd.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoProd.Testing;

/// <summary>A user created for a test, with the password to sign in.</summary>
public sealed record TestUser(Guid Id, string Email, string Password, string Role, string DisplayName)
{
    /// <summary>Whether the user joins deals as a lawyer or as a producer, as the member service decides from the role.</summary>
    public CoProd.Domain.Deals.PersonKind Kind => Role == CoProd.Application.Users.Roles.Lawyer
        ? CoProd.Domain.Deals.PersonKind.Lawyer
        : CoProd.Domain.Deals.PersonKind.Producer;
}

/// <summary>Creates users in the app under test and signs them in, by bearer token (API) or by the sign-in form (pages).</summary>
public static partial class TestUsers
{
    public const string Password = "correct horse battery staple";

    public static async Task<TestUser> CreateAsync(this CoProdAppFactory factory, string role, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var slug = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20];
        var email = $"{slug}@test.coprod.local";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name ?? $"Test {role} {slug[^4..]}", CreatedAt = DateTimeOffset.UtcNow, LockoutEnabled = true };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
        return new TestUser(user.Id, email, Password, role, user.DisplayName);
    }

    /// <summary>A client sending the user's bearer token, as an API client would.</summary>
    public static async Task<HttpClient> ApiClientAsync(this CoProdAppFactory factory, TestUser user)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(user);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = user.Password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>A client with cookies, signed in through the sign-in page, as a browser would be.</summary>
    public static async Task<HttpClient> BrowserClientAsync(this CoProdAppFactory factory, TestUser user)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(user);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await client.PostFormAsync("/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {user.Email} answered {(int)response.StatusCode}.");
        }

        return client;
    }

    /// <summary>
    /// Posts a Blazor SSR form as a browser does: fetches the page for its antiforgery token, then posts the
    /// fields with the form's name (_handler).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, string formName, IDictionary<string, string> fields, string? pageToReadTokenFrom = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await client.GetStringAsync(new Uri(pageToReadTokenFrom ?? path, UriKind.Relative));
        var token = AntiforgeryField().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {pageToReadTokenFrom ?? path}.");
        }

        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = formName,
        };
        if (!form.ContainsKey("Version") && VersionField().Match(page) is { Success: true } version)
        {
            form["Version"] = version.Groups[1].Value;
        }
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
