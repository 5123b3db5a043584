using System.Globalization;
using CoProd.Application.Users;
using Microsoft.Playwright;

namespace CoProd.Browser.Tests.Deals;

/// <summary>A producer settles who decides what, the development milestones and the legal terms of a new deal, and sees the contract checklist fill up.</summary>
public sealed class DealSectionsJourneyTests : IClassFixture<BrowserFixture>
{
    private static readonly Dictionary<string, string> CriticalDomains = new()
    {
        ["Final cut"] = "final-cut",
        ["Script approval"] = "script-approval",
        ["Choice of director"] = "director",
        ["Key casting"] = "key-casting",
        ["Budget sign-off"] = "budget",
        ["Overages and contingency"] = "overages",
        ["Distribution strategy"] = "distribution-strategy",
    };

    private readonly BrowserFixture _fixture;

    public DealSectionsJourneyTests(BrowserFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task A_producer_fills_decisions_milestones_and_legal_terms_and_the_checklist_follows()
    {
        var (page, _) = await _fixture.SignedInPageAsync(Roles.Producer, "Paula Producer");
        await CreateDealAsync(page, "The Paper Lantern");
        await AddPartnerAsync(page, "Tokyo Anima", "JP", "majorityDelegate");
        await AddPartnerAsync(page, "Pacific Pictures", "US", "minority");

        await page.GetByRole(AriaRole.Link, new() { Name = "Legal terms" }).ClickAsync();
        var settledAtStart = await SettledAsync(page);
        await Assertions.Expect(page.GetByTestId("checklist-decisions")).ToContainTextAsync("no owner yet for: Final cut, Script approval");
        await Assertions.Expect(page.GetByTestId("checklist-milestones")).ToContainTextAsync("add milestones with due dates");

        // Decisions: every critical domain is flagged until someone owns it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Decisions" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("unowned")).ToContainTextAsync("7 critical domains have no owner yet");
        await Assertions.Expect(page.GetByTestId("domain-final-cut")).ToContainTextAsync("no owner");
        await BrowserFixture.ScreenshotAsync(page, "sections-1-decisions-unowned");

        await SetRuleAsync(page, "Final cut", "Jointly: the partners ticked below must all agree", ["Tokyo Anima", "Pacific Pictures"], tieBreak: "escalate",
            escalation: "Both studio heads within 10 business days, then mediation in Honolulu");
        await Assertions.Expect(page.GetByTestId("domain-final-cut")).ToContainTextAsync("decides jointly");
        await Assertions.Expect(page.GetByTestId("domain-final-cut")).ToContainTextAsync("mediation in Honolulu");

        // Approve-within without the days is refused beside the field, and the input stays.
        await SelectDomainAsync(page, "Script approval");
        await page.GetByLabel("One partner decides; the partners ticked approve within a number of days").CheckAsync();
        await page.GetByLabel("Partner who decides").SelectOptionAsync(new SelectOptionValue { Label = "Tokyo Anima" });
        await Approvers(page).GetByLabel("Pacific Pictures", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision rule" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rule-form")).ToContainTextAsync("Give the number of days the others have to approve.");
        await Assertions.Expect(Approvers(page).GetByLabel("Pacific Pictures", new() { Exact = true })).ToBeCheckedAsync();
        await page.GetByLabel("Days to approve").FillAsync("15");
        await page.GetByLabel("Deemed approval: silence after those days counts as approval").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision rule" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("domain-script-approval")).ToContainTextAsync("approves within 15 days, deemed after");

        foreach (var (domain, decider) in new[] { ("Choice of director", "Tokyo Anima"), ("Key casting", "Tokyo Anima"), ("Budget sign-off", "Pacific Pictures"), ("Overages and contingency", "Tokyo Anima"), ("Distribution strategy", "Pacific Pictures") })
        {
            await SetRuleAsync(page, domain, "One partner decides alone (sole authority)", [], decider: decider);
        }

        await Assertions.Expect(page.GetByTestId("unowned")).ToContainTextAsync("Every critical domain has an owner.");
        await BrowserFixture.ScreenshotAsync(page, "sections-2-decisions-owned");

        // Milestones: one overdue, one ahead; the gate's approvers come from the decision domain.
        await page.GetByRole(AriaRole.Link, new() { Name = "Milestones" }).ClickAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await AddMilestoneAsync(page, "Screenplay, second draft", today.AddDays(-20), bufferDays: "5", status: "inProgress", gate: "Script approval");
        await AddMilestoneAsync(page, "Animatic approved", today.AddDays(60), bufferDays: "14", status: "planned", gate: "Final cut");
        var rows = page.GetByTestId("milestone-row");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("overdue by 15 days");
        await Assertions.Expect(rows.Nth(0)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("table-danger"));
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Approvers: Tokyo Anima, Pacific Pictures");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Animatic approved");
        await Assertions.Expect(page.GetByTestId("milestone-summary")).ToContainTextAsync("2 milestone(s), 1 overdue");
        await BrowserFixture.ScreenshotAsync(page, "sections-3-milestones");

        // Legal terms: a negotiated split that does not add up is refused; then everything settles.
        await page.GetByRole(AriaRole.Link, new() { Name = "Legal terms" }).ClickAsync();
        Assert.True(await SettledAsync(page) == settledAtStart + 2, "settling decisions and milestones should settle two more clauses");
        await page.GetByLabel("Governing law").SelectOptionAsync("US");
        await page.GetByLabel("Dispute resolution").SelectOptionAsync("arbitration");
        await page.GetByLabel("Seat (city of the court or arbitration)").FillAsync("Singapore");
        await page.GetByLabel("Arbitration or mediation rules").FillAsync("SIAC Rules");
        await page.GetByLabel("Domicile of the production entity").SelectOptionAsync("JP");
        await page.GetByLabel("Ownership of the copyright and other IP").SelectOptionAsync("negotiated");
        await page.GetByLabel("Tokyo Anima's part of the IP (%)").FillAsync("60");
        await page.GetByLabel("Pacific Pictures's part of the IP (%)").FillAsync("30");
        await page.GetByLabel("Exit and termination").FillAsync("Either partner may withdraw before production on 60 days' notice; the other may buy its share at cost.");
        await page.GetByLabel("Credits").FillAsync("A Tokyo Anima and Pacific Pictures co-production");
        await page.GetByLabel("Insurance").FillAsync("Production package and E&O, taken out by Tokyo Anima");
        await page.GetByLabel("Collection account or escrow").FillAsync("Collection account with an independent agent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save legal terms" }).ClickAsync();
        await Assertions.Expect(page.Locator("#legal-form")).ToContainTextAsync("The parts add up to 90 %; a negotiated split must add up to 100 %.");
        await Assertions.Expect(page.GetByLabel("Credits")).ToHaveValueAsync("A Tokyo Anima and Pacific Pictures co-production");
        await BrowserFixture.ScreenshotAsync(page, "sections-4-legal-split-refused");
        await page.GetByLabel("Pacific Pictures's part of the IP (%)").FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save legal terms" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();

        await page.GetByLabel("Partner", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Pacific Pictures" });
        await page.GetByLabel("Incentive", new() { Exact = true }).FillAsync("Georgia Entertainment Industry Investment Act credit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add incentive" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("tax-incentives")).ToContainTextAsync("Georgia Entertainment Industry Investment Act credit");

        foreach (var key in new[] { "governing-law", "disputes", "domicile", "ip", "exit", "credits", "insurance", "collection", "incentives", "decisions", "milestones" })
        {
            await Assertions.Expect(page.GetByTestId($"checklist-{key}")).ToContainTextAsync("settled");
            await Assertions.Expect(page.GetByTestId($"checklist-{key}").Locator(".bi-check-circle-fill")).ToHaveCountAsync(1);
        }

        Assert.Equal(settledAtStart + 11, await SettledAsync(page));
        await Assertions.Expect(page.GetByTestId("checklist-ip")).ToContainTextAsync("negotiated split");
        await BrowserFixture.ScreenshotAsync(page, "sections-5-legal-settled");

        // The overview's checklist says the same.
        await page.GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contract checklist" })).ToContainTextAsync($"{settledAtStart + 11} of 18 settled");
    }

    private static ILocator Approvers(IPage page) => page.GetByRole(AriaRole.Group, new() { Name = "Partners deciding jointly, or approving" });

    private static async Task<int> SettledAsync(IPage page)
    {
        var heading = await page.GetByRole(AriaRole.Heading, new() { Name = "Contract checklist" }).InnerTextAsync();
        return int.Parse(heading.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static async Task SelectDomainAsync(IPage page, string domain)
    {
        var critical = CriticalDomains.ContainsKey(domain);
        await page.GetByLabel("Decision domain").SelectOptionAsync(new SelectOptionValue { Label = critical ? $"{domain} (critical)" : domain });
    }

    private static async Task SetRuleAsync(IPage page, string domain, string mode, string[] partners, string? decider = null, string tieBreak = "none", string? escalation = null)
    {
        await SelectDomainAsync(page, domain);
        await page.GetByLabel(mode).CheckAsync();
        if (decider is not null)
        {
            await page.GetByLabel("Partner who decides").SelectOptionAsync(new SelectOptionValue { Label = decider });
        }

        foreach (var partner in partners)
        {
            await Approvers(page).GetByLabel(partner, new() { Exact = true }).CheckAsync();
        }

        await page.GetByLabel("What breaks a deadlock").SelectOptionAsync(tieBreak);
        if (escalation is not null)
        {
            await page.GetByLabel("Escalation route").FillAsync(escalation);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision rule" }).ClickAsync();

        // The page comes back with the domain owned (the "saved" note alone may still be the previous save's).
        var row = page.GetByTestId($"domain-{CriticalDomains[domain]}");
        await Assertions.Expect(row.GetByText("no owner")).ToHaveCountAsync(0);
        await Assertions.Expect(row.Locator(".badge.text-bg-primary, .badge.text-bg-info").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();
    }

    private static async Task AddMilestoneAsync(IPage page, string name, DateOnly due, string bufferDays, string status, string gate)
    {
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Due date").FillAsync(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Buffer (days)").FillAsync(bufferDays);
        await page.GetByLabel("Status").SelectOptionAsync(status);
        await page.GetByLabel("Approval gate: approved by who decides").SelectOptionAsync(new SelectOptionValue { Label = gate + " (Tokyo Anima, Pacific Pictures)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add milestone" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("milestones")).ToContainTextAsync(name);
        await Assertions.Expect(page.GetByLabel("Name")).ToHaveValueAsync(string.Empty);
    }

    private static Task CreateDealAsync(IPage page, string title) =>
        DealForms.CreateDealAsync(page, title, "20000000", "USD", "unofficial", format: "animation");

    private static Task AddPartnerAsync(IPage page, string company, string country, string role) => DealForms.AddPartnerAsync(page, company, country, role);
}
