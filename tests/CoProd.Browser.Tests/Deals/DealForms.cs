using Microsoft.Playwright;

namespace CoProd.Browser.Tests.Deals;

/// <summary>The deal forms the journeys fill in the same way: a new deal, and a partner on the partners page.</summary>
internal static class DealForms
{
    /// <summary>Creates a deal through the new-deal page and waits for its partners page.</summary>
    public static async Task CreateDealAsync(IPage page, string title, string budget, string currency, string kind, string? format = null, string? treaty = null)
    {
        await page.GotoAsync("/deals/new");
        await page.GetByLabel("Title").FillAsync(title);
        if (format is not null)
        {
            await page.GetByLabel("Format").SelectOptionAsync(format);
        }

        await page.GetByLabel("Budget").FillAsync(budget);
        await page.GetByLabel("Deal currency").SelectOptionAsync(currency);
        await page.GetByLabel("Type").SelectOptionAsync(kind);
        if (treaty is not null)
        {
            await page.GetByLabel("Treaty (for an official co-production)").SelectOptionAsync(treaty);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Create deal" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/partners", StringComparison.Ordinal));
    }

    /// <summary>Adds a partner on the partners page (country and role by their values) and waits until it is listed.</summary>
    public static async Task AddPartnerAsync(IPage page, string company, string country, string role)
    {
        await page.GetByLabel("Company").FillAsync(company);
        await page.GetByLabel("Country of establishment").SelectOptionAsync(country);
        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(role);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add partner" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("partners").GetByRole(AriaRole.Cell, new() { Name = company, Exact = true })).ToBeVisibleAsync();
    }
}
