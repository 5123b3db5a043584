using CoProd.Application.Users;
using Microsoft.Playwright;

namespace CoProd.Browser.Tests.Deals;

/// <summary>A producer drafts a France–Canada deal in the browser, as a producer would.</summary>
public sealed class DealWorkspaceJourneyTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _fixture;

    public DealWorkspaceJourneyTests(BrowserFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task A_producer_creates_a_deal_and_sees_eligibility_turn_from_fail_to_pass_as_the_minority_crosses_the_treaty_minimum()
    {
        var (page, _) = await _fixture.SignedInPageAsync(Roles.Producer, "Claire Producer");

        await CreateDealAsync(page, "Les Aurores");
        await AddPartnerAsync(page, "Films du Nord", "FR", "majorityDelegate");
        await AddPartnerAsync(page, "Érable Productions", "CA", "minority");
        await AddContributionAsync(page, "Films du Nord", "5200000", "EUR");
        await AddContributionAsync(page, "Érable Productions", "1600000", "CAD", rate: "0.5", spentIn: "CA");

        // 800,000 EUR of 6,000,000: 13.33 %, under the agreement's 15 % minimum.
        await Assertions.Expect(page.GetByTestId("eligibility-badge")).ToContainTextAsync("Does not qualify");
        await Assertions.Expect(page.GetByTestId("first-failure")).ToContainTextAsync("Minimum share — Érable Productions (CA)");
        await BrowserFixture.ScreenshotAsync(page, "journey-1-below-minimum");

        // While typing a larger amount, the panel previews the result before anything is saved:
        // 900,000 of 6,100,000 is 14.75 %, still short of the minimum.
        await EditContributionAsync(page, index: 1, amount: "1800000");
        await Assertions.Expect(page.GetByTestId("preview-note")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("first-failure")).ToContainTextAsync("14.75 %");
        await BrowserFixture.ScreenshotAsync(page, "journey-2-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save contribution" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();

        // The French partner brings 100,000 less: 900,000 of 6,000,000 is exactly 15.00 %, which meets the minimum.
        await EditContributionAsync(page, index: 0, amount: "5100000");
        await Assertions.Expect(page.Locator("#live-financing [data-testid=verdict]")).ToHaveTextAsync("Qualifies, subject to approval");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save contribution" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("eligibility-badge")).Not.ToContainTextAsync("Does not qualify");
        await Assertions.Expect(page.GetByTestId("first-failure")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "People & places" }).ClickAsync();
        await page.GetByLabel("Role").SelectOptionAsync("director");
        await page.GetByLabel("Name").FillAsync("Claire Dubois");
        await page.GetByLabel("Nationality").SelectOptionAsync("FR");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("key-people")).ToContainTextAsync("Claire Dubois");

        await page.GetByRole(AriaRole.Link, new() { Name = "Eligibility", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("verdict")).ToHaveTextAsync("Qualifies");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record this check on the deal" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recorded-check")).ToContainTextAsync("rules version 1");
        await BrowserFixture.ScreenshotAsync(page, "journey-3-qualifies");

        // The rest of the deal, section by section: who decides, when, who holds which rights, on what terms.
        await Section(page, "Decisions");
        await page.GetByLabel("Decision domain").SelectOptionAsync(new SelectOptionValue { Label = "Final cut (critical)" });
        await page.GetByLabel("One partner decides alone (sole authority)").CheckAsync();
        await page.GetByLabel("Partner who decides").SelectOptionAsync(new SelectOptionValue { Label = "Films du Nord" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision rule" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("domain-final-cut")).ToContainTextAsync("Films du Nord");

        await Section(page, "Milestones");
        await page.GetByLabel("Name").FillAsync("Shooting script locked");
        await page.GetByLabel("Due date").FillAsync("2027-03-01");
        await page.GetByLabel("Buffer (days)").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add milestone" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("milestones")).ToContainTextAsync("Shooting script locked");

        await Section(page, "Rights");
        await page.GetByText("Territory split: each partner controls its territories").ClickAsync();
        var split = page.Locator("details", new() { Has = page.GetByText("Territory split: each partner controls its territories") });
        await split.GetByRole(AriaRole.Group, new() { Name = "Territories for Films du Nord" }).GetByLabel("Europe", new() { Exact = true }).CheckAsync();
        await split.GetByRole(AriaRole.Group, new() { Name = "Territories for Érable Productions" }).GetByLabel("North America (US and Canada with US territories)").CheckAsync();
        await split.GetByRole(AriaRole.Button, new() { Name = "Apply territory split" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("structure")).ToContainTextAsync("Territory split");

        await Section(page, "Legal terms");
        await page.GetByLabel("Governing law").SelectOptionAsync("FR");
        await page.GetByLabel("Dispute resolution").SelectOptionAsync("arbitration");
        await page.GetByLabel("Seat (city of the court or arbitration)").FillAsync("Paris");
        await page.GetByLabel("Arbitration or mediation rules").FillAsync("ICC Rules");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save legal terms" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();

        await Section(page, "Overview");
        await Assertions.Expect(page.GetByTestId("checklist-decisions")).ToContainTextAsync("no owner yet");
        await Assertions.Expect(page.GetByTestId("checklist-governing-law")).ToContainTextAsync("settled");
        await Assertions.Expect(page.GetByTestId("checklist-disputes")).ToContainTextAsync("settled");
        await BrowserFixture.ScreenshotAsync(page, "journey-4-overview");
    }

    private static async Task Section(IPage page, string name)
    {
        await page.GetByRole(AriaRole.List, new() { Name = "Deal sections" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Deal sections" }).Locator("a.active")).ToHaveTextAsync(name);
    }

    [Fact]
    public async Task Saving_a_deal_someone_else_changed_meanwhile_shows_a_conflict_and_keeps_the_input()
    {
        var (page, _) = await _fixture.SignedInPageAsync(Roles.Producer);
        await CreateDealAsync(page, "Two Windows");
        var dealUrl = page.Url[..page.Url.IndexOf("/partners", StringComparison.Ordinal)];

        var second = await page.Context.NewPageAsync();
        await page.GotoAsync(dealUrl);
        await second.GotoAsync(dealUrl);

        await second.GetByLabel("Title").FillAsync("Two Windows (working title)");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save project" }).ClickAsync();
        await second.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(second, "journey-conflict-second");
        await Assertions.Expect(second.GetByTestId("saved")).ToBeVisibleAsync();

        await page.GetByLabel("Synopsis").FillAsync("Two producers, one story.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save project" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("conflict")).ToContainTextAsync("changed meanwhile");
        await Assertions.Expect(page.GetByLabel("Synopsis")).ToHaveValueAsync("Two producers, one story.");
        await BrowserFixture.ScreenshotAsync(page, "journey-conflict");
    }

    private static async Task EditContributionAsync(IPage page, int index, string amount)
    {
        await page.GetByTestId("contributions").GetByRole(AriaRole.Link, new() { Name = "Edit" }).Nth(index).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("editContribution=", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save contribution" })).ToBeVisibleAsync();
        await page.GetByLabel("Amount").FillAsync(amount);
    }

    private static Task CreateDealAsync(IPage page, string title) =>
        DealForms.CreateDealAsync(page, title, "6000000", "EUR", "official", treaty: "ca-fr");

    private static Task AddPartnerAsync(IPage page, string company, string country, string role) => DealForms.AddPartnerAsync(page, company, country, role);

    private static async Task AddContributionAsync(IPage page, string partner, string amount, string currency, string? rate = null, string spentIn = "FR", string kind = "cash", string description = "Cash")
    {
        await page.GetByLabel("Partner", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = partner });
        await page.GetByLabel("Kind").SelectOptionAsync(kind);
        await page.GetByLabel("Description").FillAsync(description);
        await page.GetByLabel("Currency").SelectOptionAsync(currency);
        await page.GetByLabel("Amount").FillAsync(amount);
        if (rate is not null)
        {
            await page.GetByLabel("Rate to EUR").FillAsync(rate);
            await page.GetByLabel("Rate locked on").FillAsync("2026-11-01");
        }

        await page.GetByLabel("Spent in").SelectOptionAsync(spentIn);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add contribution" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("contributions")).ToContainTextAsync(description);
    }
}
