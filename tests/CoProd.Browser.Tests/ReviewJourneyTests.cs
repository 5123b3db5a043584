using CoProd.Application.Users;
using CoProd.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoProd.Browser.Tests;

/// <summary>
/// The legal review, end to end as people do it: a producer invites a lawyer and submits the deal; the lawyer
/// comments and requests a change; the producer sees it, makes the change and resubmits; the lawyer reads what
/// changed since their last review, in words, resolves the request and approves.
/// </summary>
public sealed class ReviewJourneyTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _fixture;

    public ReviewJourneyTests(BrowserFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task A_producer_and_a_lawyer_take_a_deal_through_review_to_approval()
    {
        var lawyer = await _fixture.Factory.CreateAsync(Roles.Lawyer, "Laura Lawyer");
        var (producer, _) = await _fixture.SignedInPageAsync(Roles.Producer, "Paula Producer");

        // The producer starts a deal with two partners.
        await producer.GotoAsync("/deals/new");
        await producer.GetByLabel("Title").FillAsync("Starlight Courier");
        await producer.GetByLabel("Format").SelectOptionAsync(new SelectOptionValue { Value = "animation" });
        await producer.GetByLabel("Budget").FillAsync("20000000");
        await producer.GetByLabel("Deal currency").SelectOptionAsync(new SelectOptionValue { Value = "USD" });
        await producer.GetByLabel("Type").SelectOptionAsync(new SelectOptionValue { Value = "unofficial" });
        await SubmitAsync(producer, producer.GetByRole(AriaRole.Button, new() { Name = "Create deal" }), "partners?saved=created");
        await AddPartnerAsync(producer, "Tokyo Anima", "Japan", "Majority / delegate producer");
        await AddPartnerAsync(producer, "Pacific Pictures", "United States of America", "Financial co-producer");

        // It invites the lawyer as reviewer, then submits the deal.
        await producer.GetByRole(AriaRole.Link, new() { Name = "Members", Exact = true }).ClickAsync();
        await producer.WaitForURLAsync(url => url.EndsWith("/members", StringComparison.Ordinal));
        await producer.GetByLabel("E-mail").FillAsync(lawyer.Email);
        await producer.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Reviewer" });
        await SubmitAsync(producer, producer.GetByRole(AriaRole.Button, new() { Name = "Invite" }), "members?saved=invited");
        await Expect(producer.GetByTestId("members").GetByRole(AriaRole.Row).Filter(new() { HasText = "Laura Lawyer" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(producer, "review-1-members");

        await producer.GetByRole(AriaRole.Link, new() { Name = "Review", Exact = true }).ClickAsync();
        await producer.WaitForURLAsync(url => url.EndsWith("/review", StringComparison.Ordinal));
        await producer.GetByLabel("Note for the version").FillAsync("Ready for legal review: partners and money are in.");
        await SubmitAsync(producer, producer.GetByRole(AriaRole.Button, new() { Name = "Submit for legal review" }), "review?saved=submitForReview");
        await Expect(producer.GetByTestId("workflow-status")).ToHaveTextAsync("in legal review");
        await Expect(producer.GetByTestId("versions").GetByText("draft → in legal review")).ToBeVisibleAsync();
        await Expect(producer.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(producer, "review-2-submitted");
        var dealUrl = producer.Url.Split("/review", StringSplitOptions.None)[0];

        // The lawyer comments on the partners, marks it as a requested change, and asks for changes.
        var reviewer = await _fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(reviewer, lawyer);
        await reviewer.GotoAsync("/deals");
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Starlight Courier" }).ClickAsync();
        await reviewer.WaitForURLAsync(url => url.TrimEnd('/') == dealUrl);
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Review", Exact = true }).ClickAsync();
        await reviewer.WaitForURLAsync(dealUrl + "/review");
        await Expect(reviewer.GetByRole(AriaRole.Button, new() { Name = "Submit for legal review" })).ToHaveCountAsync(0);
        await reviewer.GetByLabel("About").SelectOptionAsync(new SelectOptionValue { Label = "Partners & money" });
        await reviewer.GetByLabel("Comment", new() { Exact = true }).FillAsync("Pacific Pictures does the English adaptation and the voice cast: list it as a minority co-producer, not a financial one.");
        await reviewer.GetByLabel("This is a requested change").CheckAsync();
        await SubmitAsync(reviewer, reviewer.GetByRole(AriaRole.Button, new() { Name = "Post comment" }), "review?saved=comment");
        await Expect(reviewer.GetByTestId("open-change-requests").GetByText("list it as a minority co-producer")).ToBeVisibleAsync();
        await SubmitAsync(reviewer, reviewer.GetByRole(AriaRole.Button, new() { Name = "Request changes" }), "review?saved=requestChanges");
        await Expect(reviewer.GetByTestId("workflow-status")).ToHaveTextAsync("waiting for requested changes");
        await BrowserFixture.ScreenshotAsync(reviewer, "review-3-changes-requested");

        // The producer sees the request, changes the partner's role, answers and resubmits.
        await producer.GotoAsync(dealUrl + "/review");
        await Expect(producer.GetByTestId("workflow-status")).ToHaveTextAsync("waiting for requested changes");
        var request = producer.GetByTestId("open-change-requests").GetByRole(AriaRole.Listitem);
        Assert.Contains("Pacific Pictures does the English adaptation", await request.InnerTextAsync(), StringComparison.Ordinal);
        await Expect(producer.GetByRole(AriaRole.Button, new() { Name = "Resolve the comment about Partners & money" })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(producer, "review-4-producer-sees-the-request");

        await producer.GetByRole(AriaRole.List, new() { Name = "Deal sections" }).GetByRole(AriaRole.Link, new() { Name = "Partners & money", Exact = true }).ClickAsync();
        await producer.WaitForURLAsync(dealUrl + "/partners");
        await producer.GetByRole(AriaRole.Link, new() { Name = "Edit Pacific Pictures" }).ClickAsync();
        await producer.WaitForURLAsync(url => url.Contains("/partners?editPartner=", StringComparison.Ordinal));
        await producer.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Minority co-producer" });
        await SubmitAsync(producer, producer.GetByRole(AriaRole.Button, new() { Name = "Save partner" }), "partners?saved=");
        await producer.GotoAsync(dealUrl + "/review");
        await producer.GetByLabel("Reply to Laura Lawyer about Partners & money").FillAsync("Done: Pacific Pictures is now a minority co-producer.");
        await SubmitAsync(producer, producer.GetByRole(AriaRole.Button, new() { Name = "Reply" }), "review?saved=reply");
        await SubmitAsync(producer, producer.GetByRole(AriaRole.Button, new() { Name = "Submit for legal review" }), "review?saved=submitForReview");

        // The lawyer reads what changed since their last review, in words, resolves the request and approves.
        await reviewer.GotoAsync(dealUrl + "/review");
        var heading = await reviewer.GetByTestId("comparison-heading").InnerTextAsync();
        Assert.StartsWith("Since my last review: version 2", heading, StringComparison.Ordinal);
        Assert.EndsWith("the deal now", heading, StringComparison.Ordinal);
        var partnerChange = reviewer.GetByTestId("comparison").GetByTestId("change").Filter(new() { HasText = "Pacific Pictures" });
        Assert.Equal("Pacific Pictures: US, financial only → changed to US, minority", Normalize(await partnerChange.InnerTextAsync()));
        await Expect(reviewer.GetByText("Done: Pacific Pictures is now a minority co-producer.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(reviewer, "review-5-what-changed-since-my-last-review");

        await SubmitAsync(reviewer, reviewer.GetByRole(AriaRole.Button, new() { Name = "Resolve the comment about Partners & money" }), "review?saved=resolved");
        await reviewer.GetByLabel("Note for the version").FillAsync("Approved: the partner roles now match the contributions.");
        await SubmitAsync(reviewer, reviewer.GetByRole(AriaRole.Button, new() { Name = "Approve" }), "review?saved=approve");
        await Expect(reviewer.GetByTestId("workflow-status")).ToHaveTextAsync("approved");
        await Expect(reviewer.GetByTestId("versions").Locator("tbody tr")).ToHaveCountAsync(4);
        await BrowserFixture.ScreenshotAsync(reviewer, "review-6-approved");

        // The history keeps every step: who, when, what, before and after.
        await producer.GotoAsync(dealUrl + "/history?q=Pacific");
        await Expect(producer.GetByTestId("history").GetByRole(AriaRole.Row).Filter(new() { HasText = "changed partner" })).ToBeVisibleAsync();
        await producer.GotoAsync(dealUrl + "/history");
        await Expect(producer.GetByTestId("history").GetByRole(AriaRole.Row).Filter(new() { HasText = "approved" }).First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(producer, "review-7-history");
    }

    private static async Task AddPartnerAsync(IPage page, string company, string country, string role)
    {
        await page.GotoAsync(page.Url.Split('?')[0]);
        await page.GetByLabel("Company").FillAsync(company);
        await page.GetByLabel("Country of establishment").SelectOptionAsync(new SelectOptionValue { Label = country });
        await page.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = role });
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add partner" }), "partners?saved=");
        await Expect(page.GetByTestId("partners").GetByRole(AriaRole.Cell, new() { Name = company, Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Clicks a submit button and waits for the page the post leads to, at an address containing
    /// <paramref name="expected"/> (which the current address must not contain, so the wait cannot end early).
    /// </summary>
    private static async Task SubmitAsync(IPage page, ILocator button, string expected)
    {
        var before = page.Url;
        Assert.DoesNotContain(expected, before, StringComparison.Ordinal);
        await button.ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => url.Contains(expected, StringComparison.Ordinal));
        }
        catch (TimeoutException)
        {
            await BrowserFixture.ScreenshotAsync(page, "review-failed-submit");
            throw;
        }
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
