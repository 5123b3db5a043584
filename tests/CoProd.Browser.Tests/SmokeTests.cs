using Microsoft.Playwright;

namespace CoProd.Browser.Tests;

public sealed class SmokeTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _fixture;

    public SmokeTests(BrowserFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Home_page_renders_with_its_title_navigation_and_styles()
    {
        var page = await _fixture.NewPageAsync();

        var response = await page.GotoAsync("/");

        Assert.True(response?.Ok, $"GET / answered {response?.Status}");
        Assert.Equal("CoProd — co-production deals", await page.TitleAsync());
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        Assert.True(await navigation.IsVisibleAsync());
        Assert.True(await navigation.GetByRole(AriaRole.Link, new() { Name = "Home" }).IsVisibleAsync());

        // Bootstrap's stylesheet is applied: the navbar is dark and laid out as a flex row.
        var display = await page.Locator("nav.navbar").EvaluateAsync<string>("e => getComputedStyle(e).display");
        var background = await page.Locator("nav.navbar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("flex", display);
        Assert.Equal("rgb(33, 37, 41)", background);
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.htmx === 'object'"), "htmx did not load");

        await BrowserFixture.ScreenshotAsync(page, "home");
    }
}
