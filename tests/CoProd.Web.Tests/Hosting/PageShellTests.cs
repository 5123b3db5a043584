using System.Net;
using AngleSharp.Html.Parser;
using CoProd.Testing;

namespace CoProd.Web.Tests.Hosting;

public sealed class PageShellTests : IClassFixture<WebAppFixture>
{
    private readonly WebAppFixture _app;

    public PageShellTests(WebAppFixture app) => _app = app;

    [Fact]
    public async Task Home_page_has_a_title_navigation_and_the_front_end_assets()
    {
        using var client = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(CoProd.Application.Users.Roles.Producer));

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        using var document = new HtmlParser().ParseDocument(html);

        Assert.Equal("CoProd — co-production deals", document.Title);
        Assert.NotNull(document.QuerySelector("nav[aria-label='Main navigation']"));
        Assert.NotNull(document.QuerySelector("main h1"));
        var stylesheets = document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        var scripts = document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        Assert.Contains(stylesheets, href => href.Contains("bootstrap", StringComparison.Ordinal));
        Assert.Contains(scripts, src => src.Contains("htmx", StringComparison.Ordinal));
        Assert.DoesNotContain(scripts, src => src.Contains("blazor", StringComparison.Ordinal));

        // As browsers ask: compressed variants must exist, not just the fingerprinted names.
        foreach (var asset in stylesheets.Concat(scripts))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/" + asset, UriKind.Relative));
            request.Headers.AcceptEncoding.ParseAdd("br, gzip");
            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} answered {(int)response.StatusCode}");
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0, $"{asset} came back empty");
        }
    }

    [Fact]
    public async Task An_unknown_page_gets_the_friendly_404_page_with_status_404()
    {
        using var client = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(CoProd.Application.Users.Roles.Producer));

        using var response = await client.GetAsync(new Uri("/no/such/page", UriKind.Relative));
        using var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found — CoProd", document.Title);
        Assert.NotNull(document.QuerySelector("nav[aria-label='Main navigation']"));
    }

    [Fact]
    public async Task An_unknown_API_route_gets_ProblemDetails_not_a_page()
    {
        using var client = await _app.Factory.ApiClientAsync(await _app.Factory.CreateAsync(CoProd.Application.Users.Roles.Producer));

        using var response = await client.GetAsync(new Uri("/api/no-such-thing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_the_API_answers_401()
    {
        using var client = _app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var page = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var api = await client.GetAsync(new Uri("/api/treaties", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }
}
