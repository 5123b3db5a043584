using System.Net;
using CoProd.Application.Users;
using CoProd.Testing;

namespace CoProd.Web.Tests.Admin;

public sealed class AdminPageTests : IClassFixture<WebAppFixture>
{
    private readonly WebAppFixture _app;

    public AdminPageTests(WebAppFixture app) => _app = app;

    public static TheoryData<string, string> Pages => new()
    {
        { "/admin", "Latest changes to reference data and users" },
        { "/admin/treaties", "Canada – France Audiovisual Coproduction Agreement (2021)" },
        { "/admin/treaties/new", "Create treaty" },
        { "/admin/treaties/ca-fr", "Rule versions" },
        { "/admin/treaties/ca-fr/versions/1", "Preview on sample deals" },
        { "/admin/treaties/ca-fr/versions/1?preview=below-minimum", "Does not qualify" },
        { "/admin/treaties/ca-fr/history", "History of" },
        { "/admin/treaties/import", "Check and import" },
        { "/admin/countries", "Add a country" },
        { "/admin/currencies", "Add a currency" },
        { "/admin/rates", "Import rates from CSV" },
        { "/admin/catalogues/decision-domains", "Final cut" },
        { "/admin/catalogues/media", "Theatrical" },
        { "/admin/catalogues/territory-groups", "Benelux" },
        { "/admin/users", "Invite someone" },
        { "/admin/history", "History of reference data and accounts" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_admin_page_renders_for_an_admin(string path, string expected)
    {
        using var client = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(Roles.Admin));

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 3000)]}");
        Assert.Contains(expected, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reference_data_history_filters_by_area_and_text_and_says_what_each_change_was_to()
    {
        var admin = await _app.Factory.CreateAsync(Roles.Admin, "Hilda Historian");
        using var api = await _app.Factory.ApiClientAsync(admin);
        using (var added = await api.PostAsync(new Uri("/api/admin/currencies", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { code = "XHT", name = "History test crown", minorUnits = 2 })))
        {
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }

        using var client = await _app.Factory.BrowserClientAsync(admin);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/admin/history?area=currency&q=XHT&person=Hilda%20Historian", UriKind.Relative)));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        var rows = page.QuerySelectorAll("[data-testid=history] tbody tr").ToList();
        var row = Assert.Single(rows);
        Assert.Contains("currency XHT", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("History test crown", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("currency", page.QuerySelector("#history-area option[selected]")!.GetAttribute("value"));

        // Accounts are named, not shown by id.
        var fiona = await _app.Factory.CreateAsync(Roles.Producer, "Forgetful Fiona");
        using (var reset = await api.PostAsync(new Uri($"/api/admin/users/{fiona.Id}/password-reset", UriKind.Relative), null))
        {
            Assert.True(reset.IsSuccessStatusCode, await reset.Content.ReadAsStringAsync());
        }

        var users = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/admin/history?area=user&person=Hilda%20Historian", UriKind.Relative)));
        Assert.Contains(users.QuerySelectorAll("[data-testid=history] tbody tr"), r => r.TextContent.Contains("user Forgetful Fiona", StringComparison.Ordinal));

        using var refused = await (await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(Roles.Producer))).GetAsync(new Uri("/admin/history", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/treaties/ca-fr")]
    [InlineData("/admin/users")]
    public async Task Producers_and_lawyers_get_403_from_admin_pages(string path)
    {
        foreach (var role in new[] { Roles.Producer, Roles.Lawyer })
        {
            using var client = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(role));

            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task An_unknown_treaty_is_the_404_page()
    {
        using var client = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(Roles.Admin));

        using var response = await client.GetAsync(new Uri("/admin/treaties/no-such-treaty", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
