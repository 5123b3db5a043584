using CoProd.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoProd.Browser.Tests;

public sealed class SmokeTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _fixture;

    public SmokeTests(BrowserFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Home_page_renders_with_its_title_navigation_and_styles()
    {
        var (page, user) = await _fixture.SignedInPageAsync(CoProd.Application.Users.Roles.Producer, "Paula Smoke");

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
        Assert.Equal(user.DisplayName, (await page.GetByTestId("user-name").InnerTextAsync()).Trim());

        await BrowserFixture.ScreenshotAsync(page, "home");
    }

    [Fact]
    public async Task Signing_in_with_a_wrong_password_says_so_and_keeps_you_on_the_sign_in_page()
    {
        var user = await _fixture.Factory.CreateAsync(CoProd.Application.Users.Roles.Lawyer);
        var page = await _fixture.NewPageAsync();

        await page.GotoAsync("/deals");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("E-mail").FillAsync(user.Email);
        await page.GetByLabel("Password").FillAsync("not the password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).GetByText("The e-mail or password is wrong.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "login-failed");
    }
}
