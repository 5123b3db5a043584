using System.Text.RegularExpressions;
using CoProd.Application.Users;
using CoProd.Browser.Tests.Deals;
using Microsoft.Playwright;

namespace CoProd.Browser.Tests;

public sealed partial class RightsJourneyTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _fixture;

    public RightsJourneyTests(BrowserFixture fixture) => _fixture = fixture;

    private static async Task CreateDealWithTwoPartnersAsync(IPage page)
    {
        await DealForms.CreateDealAsync(page, "Starlight Courier", "20000000", "USD", "unofficial", format: "animation");
        await DealForms.AddPartnerAsync(page, "Tokyo Anima", "JP", "majorityDelegate");
        await DealForms.AddPartnerAsync(page, "Pacific Pictures", "US", "minority");
    }

    /// <summary>Submits and waits for the page that says this change was saved (not the one before it).</summary>
    private static async Task SaveAsync(IPage page, ILocator button, string note)
    {
        await button.ClickAsync();
        await page.WaitForURLAsync(new Regex($"saved={note}(#|$)"));
        await page.GetByTestId("saved").WaitForAsync();
    }

    [Fact]
    public async Task A_producer_splits_territories_sees_an_overlapping_grant_as_a_conflict_removes_it_and_reads_the_coverage()
    {
        var (page, _) = await _fixture.SignedInPageAsync(Roles.Producer, "Paula Rights");
        await CreateDealWithTwoPartnersAsync(page);
        await page.GetByRole(AriaRole.List, new() { Name = "Deal sections" }).GetByRole(AriaRole.Link, new() { Name = "Rights" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/rights"));
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "Distribution rights" }).IsVisibleAsync());

        // A territory split: Tokyo Anima takes Asia, Pacific Pictures North America and Europe, in every medium.
        await page.GetByText("Territory split: each partner controls its territories").ClickAsync();
        var split = page.Locator("details", new() { Has = page.GetByText("Territory split: each partner controls its territories") });
        await split.GetByRole(AriaRole.Group, new() { Name = "Territories for Tokyo Anima" }).GetByLabel("Asia", new() { Exact = true }).CheckAsync();
        var second = split.GetByRole(AriaRole.Group, new() { Name = "Territories for Pacific Pictures" });
        await second.GetByLabel("North America (US and Canada with US territories)").CheckAsync();
        await second.GetByLabel("Europe", new() { Exact = true }).CheckAsync();
        await BrowserFixture.ScreenshotAsync(page, "rights-territory-split-form");
        await SaveAsync(page, split.GetByRole(AriaRole.Button, new() { Name = "Apply territory split" }), "territory-split");

        var grants = page.GetByRole(AriaRole.Table).Filter(new() { Has = page.GetByRole(AriaRole.Columnheader, new() { Name = "Exclusivity" }) });
        Assert.Equal(2, await grants.Locator("tbody tr").CountAsync());
        Assert.Equal("Territory split", (await page.GetByTestId("structure").InnerTextAsync()).Trim());
        Assert.True(await page.GetByTestId("no-conflicts").IsVisibleAsync());

        // Pacific Pictures also takes SVOD in Japan, exclusively: that collides with Tokyo Anima's Asia.
        var form = page.Locator("#grant-form");
        await form.GetByLabel("Partner who holds the rights").SelectOptionAsync(new SelectOptionValue { Label = "Pacific Pictures" });
        await form.GetByLabel("Countries, besides the groups ticked").FillAsync("Japan");
        await form.GetByRole(AriaRole.Group, new() { Name = "Media" }).GetByLabel("SVOD (subscription streaming)").CheckAsync();
        Assert.True(await form.GetByLabel("Exclusive (no other partner may exploit these media there)").IsCheckedAsync());
        await SaveAsync(page, form.GetByRole(AriaRole.Button, new() { Name = "Add grant" }), "grant");

        var conflicts = page.GetByRole(AriaRole.Region, new() { Name = "Conflicts" });
        var conflict = conflicts.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Held by both" });
        Assert.Equal(1, await conflict.CountAsync());
        var text = await conflict.InnerTextAsync();
        Assert.Contains("SVOD (subscription streaming) in Japan", text, StringComparison.Ordinal);
        Assert.Contains("Tokyo Anima", text, StringComparison.Ordinal);
        Assert.Contains("Pacific Pictures", text, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "rights-conflict");

        await SaveAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Remove grant to Pacific Pictures, Japan" }), "grant-removed");

        Assert.Equal(2, await grants.Locator("tbody tr").CountAsync());
        Assert.True(await page.GetByTestId("no-conflicts").IsVisibleAsync());

        // The coverage view: Asia is held in every medium; Africa in none; what nobody holds is listed.
        var coverage = page.GetByRole(AriaRole.Table).Filter(new() { Has = page.GetByRole(AriaRole.Columnheader, new() { Name = "Territory" }) });
        var asia = coverage.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Asia" }) });
        var africa = coverage.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Africa" }) });
        Assert.Equal(8, await asia.GetByRole(AriaRole.Cell).Filter(new() { HasText = "Covered" }).CountAsync());
        Assert.Equal(8, await africa.GetByRole(AriaRole.Cell).Filter(new() { HasText = "Unassigned" }).CountAsync());
        var unassigned = await page.GetByRole(AriaRole.Region, new() { Name = "What nobody holds" }).InnerTextAsync();
        Assert.Contains("Every medium: Africa", unassigned, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Coverage" }).ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "rights-coverage");

        // Switching to joint control replaces the two grants, but only once the producer has seen them and confirmed.
        await page.GetByText("Joint control with approval rights").ClickAsync();
        var joint = page.Locator("details", new() { Has = page.GetByText("Joint control with approval rights") });
        await joint.GetByRole(AriaRole.Button, new() { Name = "Apply joint control" }).ClickAsync();
        var confirmation = page.GetByTestId("confirm-replace");
        await confirmation.WaitForAsync();
        Assert.Equal(2, await confirmation.GetByTestId("replaced-grants").GetByRole(AriaRole.Listitem).CountAsync());
        Assert.Contains("non-exclusive", await confirmation.GetByTestId("new-grants").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await grants.Locator("tbody tr").Filter(new() { HasText = "exclusive" }).Filter(new() { HasNotText = "non-exclusive" }).CountAsync());
        await confirmation.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "rights-confirm-replace");
        await SaveAsync(page, confirmation.GetByRole(AriaRole.Button, new() { Name = "Replace 2 grants" }), "joint-control");

        Assert.Equal("Joint control with approval rights", (await page.GetByTestId("structure").InnerTextAsync()).Trim());
        Assert.Equal(2, await grants.Locator("tbody tr").Filter(new() { HasText = "non-exclusive" }).CountAsync());
        Assert.True(await page.GetByTestId("nothing-unassigned").IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(page, "rights-joint-control");
    }
}
