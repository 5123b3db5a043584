using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CoProd.Application.Audit;
using CoProd.Application.Users;
using CoProd.Domain.Deals;
using CoProd.Infrastructure.Persistence;
using CoProd.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProd.Web.Tests.Deals;

public sealed partial class RightsPageTests : IClassFixture<WebAppFixture>
{
    private readonly WebAppFixture _app;

    public RightsPageTests(WebAppFixture app) => _app = app;

    /// <summary>A producer's deal with two partners, made through the forms as a browser would.</summary>
    private async Task<(HttpClient Client, Guid DealId)> ProducerWithDealAsync() =>
        await ProducerWithDealAsync(await _app.Factory.CreateAsync(Roles.Producer));

    private async Task<(HttpClient Client, Guid DealId)> ProducerWithDealAsync(TestUser producer)
    {
        var client = await _app.Factory.BrowserClientAsync(producer);
        using var created = await client.PostFormAsync("/deals/new", "new-deal", new Dictionary<string, string>
        {
            ["Model.Title"] = "Starlight Courier",
            ["Model.Format"] = "animation",
            ["Model.Currency"] = "USD",
            ["Model.Budget"] = "20000000",
            ["Model.Kind"] = "unofficial",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(DealId().Match(created.Headers.Location!.OriginalString).Groups[1].Value);
        foreach (var (company, country, role) in new[] { ("Tokyo Anima", "JP", "majorityDelegate"), ("Pacific Pictures", "US", "minority") })
        {
            var version = await VersionAsync(client, id);
            using var added = await client.PostFormAsync($"/deals/{id}/partners", "partner", new Dictionary<string, string>
            {
                ["Version"] = version,
                ["PartnerForm.Company"] = company,
                ["PartnerForm.Country"] = country,
                ["PartnerForm.Role"] = role,
            });
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        return (client, id);
    }

    private static async Task<IHtmlDocument> PageAsync(HttpClient client, Guid id) =>
        new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri($"/deals/{id}/rights", UriKind.Relative)));

    private static async Task<string> VersionAsync(HttpClient client, Guid id) =>
        (await PageAsync(client, id)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;

    private static async Task<Dictionary<string, string>> PartnersAsync(HttpClient client, Guid id) =>
        (await PageAsync(client, id)).QuerySelectorAll("#grant-partner option").ToDictionary(o => o.TextContent.Trim(), o => o.GetAttribute("value")!);

    /// <summary>Posts a form with repeated fields (ticked checkboxes), with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid id, string formName, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(new Uri($"/deals/{id}/rights", UriKind.Relative));
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        using var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token), new("_handler", formName)]);
        return await client.PostAsync(new Uri($"/deals/{id}/rights", UriKind.Relative), content);
    }

    [Fact]
    public async Task Someone_who_is_not_a_member_gets_404_and_not_the_deal()
    {
        var (owner, id) = await ProducerWithDealAsync();
        using var stranger = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(Roles.Producer));

        using var mine = await owner.GetAsync(new Uri($"/deals/{id}/rights", UriKind.Relative));
        using var theirs = await stranger.GetAsync(new Uri($"/deals/{id}/rights", UriKind.Relative));
        var body = await theirs.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.DoesNotContain("Starlight Courier", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Tokyo Anima", body, StringComparison.Ordinal);
        owner.Dispose();
    }

    [Fact]
    public async Task A_grant_posted_as_a_plain_form_keeps_every_ticked_group_medium_and_approver()
    {
        var (client, id) = await ProducerWithDealAsync();
        var partners = await PartnersAsync(client, id);

        using var response = await PostAsync(client, id, "grant",
        [
            new("Version", await VersionAsync(client, id)),
            new("GrantForm.PartnerId", partners["Tokyo Anima"]),
            new("GrantForm.TerritoryGroups", "asia"),
            new("GrantForm.TerritoryGroups", "oceania"),
            new("GrantForm.Countries", "Peru, fr"),
            new("GrantForm.Media", "theatrical"),
            new("GrantForm.Media", "free-tv"),
            new("GrantForm.Exclusive", "true"),
            new("GrantForm.ApprovalPartnerIds", partners["Pacific Pictures"]),
            new("GrantForm.TermStart", "2027-01-01"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await PageAsync(client, id);
        var row = page.QuerySelector("[data-testid=grants] tbody tr")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("Tokyo Anima", row[0]);
        Assert.Equal("Asia, Oceania, Peru, France", row[1]);
        Assert.Equal("Theatrical, Free TV", row[2]);
        Assert.Equal("from 1 Jan 2027", row[3]);
        Assert.Equal("exclusive", row[4]);
        Assert.Equal("Pacific Pictures", row[5]);
        client.Dispose();
    }

    [Fact]
    public async Task Invalid_input_is_shown_next_to_its_fields_and_kept()
    {
        var (client, id) = await ProducerWithDealAsync();
        var partners = await PartnersAsync(client, id);

        using var response = await PostAsync(client, id, "grant",
        [
            new("Version", await VersionAsync(client, id)),
            new("GrantForm.PartnerId", partners["Tokyo Anima"]),
            new("GrantForm.Countries", "JP, Narnia"),
            new("GrantForm.TermStart", "2030-01-01"),
            new("GrantForm.TermEnd", "2029-01-01"),
        ]);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var form = page.QuerySelector("#grant-form")!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose at least one medium.", form.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not a country on record: 'Narnia'", form.TextContent, StringComparison.Ordinal);
        Assert.Contains("The term cannot end before it starts.", form.TextContent, StringComparison.Ordinal);
        Assert.Equal("JP, Narnia", page.QuerySelector("#grant-territory-countries")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("[data-testid=grants]"));
        client.Dispose();
    }

    [Fact]
    public async Task A_structure_shows_what_it_would_replace_and_replaces_it_only_when_confirmed()
    {
        var (client, id) = await ProducerWithDealAsync();
        var partners = await PartnersAsync(client, id);
        using (var grant = await PostAsync(client, id, "grant",
        [
            new("Version", await VersionAsync(client, id)),
            new("GrantForm.PartnerId", partners["Pacific Pictures"]),
            new("GrantForm.Countries", "JP"),
            new("GrantForm.Media", "svod"),
            new("GrantForm.Exclusive", "true"),
        ]))
        {
            Assert.Equal(HttpStatusCode.Redirect, grant.StatusCode);
        }

        List<KeyValuePair<string, string>> split =
        [
            new("Version", await VersionAsync(client, id)),
            new("PlatformForm.Shares[0].PartnerId", partners["Tokyo Anima"]),
            new("PlatformForm.Shares[0].Media", "theatrical"),
            new("PlatformForm.Shares[0].Media", "free-tv"),
            new("PlatformForm.Shares[1].PartnerId", partners["Pacific Pictures"]),
            new("PlatformForm.Shares[1].Media", "svod"),
        ];
        using var asked = await PostAsync(client, id, "platform-split", split);
        var page = new HtmlParser().ParseDocument(await asked.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var confirmation = page.QuerySelector("[data-testid=confirm-replace]")!;
        Assert.Equal("Pacific Pictures: Japan; SVOD (subscription streaming); exclusive; no fixed term", confirmation.QuerySelector("[data-testid=replaced-grants] li")!.TextContent.Trim());
        Assert.Equal(2, confirmation.QuerySelectorAll("[data-testid=new-grants] li").Length);
        Assert.Equal("true", confirmation.QuerySelector("button[name='PlatformForm.ConfirmReplace']")!.GetAttribute("value"));
        Assert.Equal(1, (await PageAsync(client, id)).QuerySelectorAll("[data-testid=grants] tbody tr").Length);

        using var confirmed = await PostAsync(client, id, "platform-split", [.. split, new("PlatformForm.ConfirmReplace", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var after = await PageAsync(client, id);
        Assert.Equal("Platform split", after.QuerySelector("[data-testid=structure]")!.TextContent.Trim());
        Assert.Equal(2, after.QuerySelectorAll("[data-testid=grants] tbody tr").Length);
        client.Dispose();
    }

    [Fact]
    public async Task A_territory_split_form_has_a_row_per_partner_and_puts_an_overlap_next_to_the_partner_given_it()
    {
        var (client, id) = await ProducerWithDealAsync();
        using (var third = await client.PostFormAsync($"/deals/{id}/partners", "partner", new Dictionary<string, string>
        {
            ["Version"] = await VersionAsync(client, id),
            ["PartnerForm.Company"] = "Films du Nord",
            ["PartnerForm.Country"] = "FR",
            ["PartnerForm.Role"] = "minority",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        }

        var partners = await PartnersAsync(client, id);
        var form = await PageAsync(client, id);
        Assert.Equal(
            ["Territories for Films du Nord", "Territories for Pacific Pictures", "Territories for Tokyo Anima"],
            form.QuerySelectorAll("#presets fieldset legend").Select(l => l.TextContent.Trim()).Where(t => t.StartsWith("Territories for", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        List<KeyValuePair<string, string>> overlapping =
        [
            new("Version", await VersionAsync(client, id)),
            new("TerritoryForm.Shares[0].PartnerId", partners["Tokyo Anima"]),
            new("TerritoryForm.Shares[0].Groups", "asia"),
            new("TerritoryForm.Shares[1].PartnerId", partners["Pacific Pictures"]),
            new("TerritoryForm.Shares[1].Groups", "north-america"),
            new("TerritoryForm.Shares[2].PartnerId", partners["Films du Nord"]),
            new("TerritoryForm.Shares[2].Groups", "europe"),
            new("TerritoryForm.Shares[2].Countries", "Japan"),
            new("TerritoryForm.Media", "theatrical"),
        ];
        using var refused = await PostAsync(client, id, "territory-split", overlapping);
        var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());

        var nord = page.QuerySelectorAll("#presets fieldset").Single(f => f.QuerySelector("legend")!.TextContent.Trim() == "Territories for Films du Nord");
        Assert.Contains("already go to another partner (JP)", nord.TextContent, StringComparison.Ordinal);
        Assert.Equal("Japan", nord.QuerySelector("input[type=text]")!.GetAttribute("value"));

        overlapping.RemoveAll(f => f.Key == "TerritoryForm.Shares[2].Countries");
        using var applied = await PostAsync(client, id, "territory-split", overlapping);

        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal(3, (await PageAsync(client, id)).QuerySelectorAll("[data-testid=grants] tbody tr").Length);
        client.Dispose();
    }

    [Fact]
    public async Task A_reviewer_reads_the_rights_without_any_form_to_change_them()
    {
        var producer = await _app.Factory.CreateAsync(Roles.Producer);
        var (owner, id) = await ProducerWithDealAsync(producer);
        var partners = await PartnersAsync(owner, id);
        using (var grant = await PostAsync(owner, id, "grant",
        [
            new("Version", await VersionAsync(owner, id)),
            new("GrantForm.PartnerId", partners["Tokyo Anima"]),
            new("GrantForm.TerritoryGroups", "world"),
            new("GrantForm.Media", "theatrical"),
        ]))
        {
            Assert.Equal(HttpStatusCode.Redirect, grant.StatusCode);
        }

        var lawyer = await _app.Factory.CreateAsync(Roles.Lawyer);
        using (var scope = _app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoProdDbContext>();
            var deal = await db.Deals.Include(d => d.Members).SingleAsync(d => d.Id == id);
            deal.AddMember(lawyer.Id, lawyer.Kind, MemberRole.Reviewer, producer.Id, DateTimeOffset.UtcNow);
            scope.ServiceProvider.GetRequiredService<AuditTrail>().Record("deal", id.ToString(), id, "invited", "Members", null, lawyer.DisplayName);
            await db.SaveChangesAsync();
        }

        using var reviewer = await _app.Factory.BrowserClientAsync(lawyer);
        var page = await PageAsync(reviewer, id);

        Assert.Equal("World", page.QuerySelector("[data-testid=grants] tbody td:nth-child(2)")!.TextContent.Trim());
        Assert.Equal("non-exclusive", page.QuerySelector("[data-testid=grants] tbody td:nth-child(5)")!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("main form"));
        Assert.DoesNotContain(page.QuerySelectorAll("main a"), a => a.TextContent.StartsWith("Edit", StringComparison.Ordinal));
        Assert.Contains("in proportion to contributions", page.QuerySelector("[data-testid=revenue]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=coverage]"));
        owner.Dispose();
    }

    [GeneratedRegex("/deals/([0-9a-f-]{36})/")]
    private static partial Regex DealId();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
