using System.Net;
using AngleSharp.Html.Parser;
using CoProd.Application.Users;
using CoProd.Testing;

namespace CoProd.Web.Tests.Deals;

/// <summary>The deal pages through plain form posts, as a browser without JavaScript sends them.</summary>
public sealed class DealPagesTests : IClassFixture<WebAppFixture>
{
    private readonly WebAppFixture _app;

    public DealPagesTests(WebAppFixture app) => _app = app;

    /// <summary>Creates an official France–Canada deal with two partners and a contribution each; returns its id.</summary>
    private static async Task<Guid> CreateDealAsync(HttpClient client)
    {
        using var created = await client.PostFormAsync("/deals/new", "new-deal", new Dictionary<string, string>
        {
            ["Model.Title"] = "Les Aurores",
            ["Model.Format"] = "documentary",
            ["Model.Currency"] = "EUR",
            ["Model.Budget"] = "6000000",
            ["Model.Kind"] = "official",
            ["Model.TreatyCode"] = "ca-fr",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(System.Text.RegularExpressions.Regex.Match(created.Headers.Location!.OriginalString, "deals/([0-9a-f-]{36})").Groups[1].Value);
        var partners = $"/deals/{id}/partners";
        foreach (var (company, country, role) in new[] { ("Films du Nord", "FR", "majorityDelegate"), ("Érable Productions", "CA", "minority") })
        {
            using var added = await client.PostFormAsync(partners, "partner", new Dictionary<string, string>
            {
                ["PartnerForm.Company"] = company,
                ["PartnerForm.Country"] = country,
                ["PartnerForm.Role"] = role,
            });
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var html = await client.GetStringAsync(new Uri(partners, UriKind.Relative));
        var document = new HtmlParser().ParseDocument(html);
        var partnerIds = document.QuerySelectorAll("#contribution-partner option").Select(o => o.GetAttribute("value")!).ToList();
        foreach (var (partnerId, amount, currency, rate, spend) in new[] { (partnerIds[0], "5100000", "EUR", string.Empty, "FR"), (partnerIds[1], "1800000", "CAD", "0.5", "CA") })
        {
            using var contributed = await client.PostFormAsync(partners, "contribution", new Dictionary<string, string>
            {
                ["ContributionForm.PartnerId"] = partnerId,
                ["ContributionForm.Kind"] = "inKind",
                ["ContributionForm.Description"] = "Services",
                ["ContributionForm.Amount"] = amount,
                ["ContributionForm.Currency"] = currency,
                ["ContributionForm.RateToDealCurrency"] = rate,
                ["ContributionForm.RateLockedOn"] = rate.Length == 0 ? string.Empty : "2026-11-01",
                ["ContributionForm.SpendCountry"] = spend,
            });
            Assert.Equal(HttpStatusCode.Redirect, contributed.StatusCode);
        }

        return id;
    }

    [Fact]
    public async Task Every_select_on_every_deal_page_shows_the_value_on_record_so_saving_never_changes_it_silently()
    {
        using var client = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(Roles.Producer));
        var id = await CreateDealAsync(client);
        var partnersHtml = await client.GetStringAsync(new Uri($"/deals/{id}/partners", UriKind.Relative));
        var partnersPage = new HtmlParser().ParseDocument(partnersHtml);
        var editPartner = partnersPage.QuerySelectorAll("a[href*='editPartner=']").First().GetAttribute("href")!;
        var editContribution = partnersPage.QuerySelectorAll("a[href*='editContribution=']").Last().GetAttribute("href")!;

        var pages = new[] { $"/deals/{id}", $"/deals/{id}/partners", "/" + editPartner.Split('#')[0], "/" + editContribution.Split('#')[0], $"/deals/{id}/people", $"/deals/{id}/eligibility" };
        var checkedSelects = 0;
        foreach (var path in pages)
        {
            var document = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(path, UriKind.Relative)));
            foreach (var select in document.QuerySelectorAll("select[value]"))
            {
                var value = select.GetAttribute("value")!;
                var options = select.QuerySelectorAll("option").ToList();
                if (value.Length == 0 || !options.Exists(o => o.GetAttribute("value") == value))
                {
                    continue;
                }

                var selected = options.Where(o => o.HasAttribute("selected")).Select(o => o.GetAttribute("value")).ToList();
                Assert.True(selected.SequenceEqual([value]), $"{path}: <select name='{select.GetAttribute("name")}'> is bound to '{value}' but marks [{string.Join(", ", selected)}] as selected");
                checkedSelects++;
            }
        }

        Assert.True(checkedSelects > 15, $"only {checkedSelects} bound selects checked");
        var overview = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri($"/deals/{id}", UriKind.Relative)));
        Assert.NotNull(overview.QuerySelector("#kind option[value=official][selected]"));
        Assert.NotNull(overview.QuerySelector("#format option[value=documentary][selected]"));
    }

    [Fact]
    public async Task Invalid_input_is_shown_beside_its_field_and_nothing_is_saved()
    {
        using var client = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(Roles.Producer));
        var id = await CreateDealAsync(client);
        var partners = $"/deals/{id}/partners";

        using var response = await client.PostFormAsync(partners, "contribution", new Dictionary<string, string>
        {
            ["ContributionForm.Kind"] = "cash",
            ["ContributionForm.Description"] = string.Empty,
            ["ContributionForm.Amount"] = "-5",
            ["ContributionForm.Currency"] = "JPY",
            ["ContributionForm.SpendCountry"] = "JP",
        });
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = document.QuerySelectorAll("#contribution-form .invalid-feedback").Select(m => m.TextContent).ToList();
        Assert.Contains(messages, m => m.Contains("greater than zero", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("rate locked for JPY", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Choose the partner", StringComparison.Ordinal));
        Assert.Equal("-5", document.QuerySelector("#contribution-amount")!.GetAttribute("value"));
        var after = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(partners, UriKind.Relative)));
        Assert.Equal(2, after.QuerySelectorAll("[data-testid=contributions] tbody tr").Length);
    }

    [Fact]
    public async Task A_deal_page_is_a_404_for_someone_who_is_not_a_member()
    {
        using var owner = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(Roles.Producer));
        var id = await CreateDealAsync(owner);
        using var stranger = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(Roles.Producer));

        foreach (var path in new[] { $"/deals/{id}", $"/deals/{id}/partners", $"/deals/{id}/people", $"/deals/{id}/eligibility" })
        {
            using var response = await stranger.GetAsync(new Uri(path, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Les Aurores", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unofficial_deal_sees_every_rule_a_possible_treaty_would_require_of_it()
    {
        using var client = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(Roles.Producer));
        using var created = await client.PostFormAsync("/deals/new", "new-deal", new Dictionary<string, string>
        {
            ["Model.Title"] = "Le Petit Nord",
            ["Model.Format"] = "fictionFeature",
            ["Model.Currency"] = "EUR",
            ["Model.Budget"] = "6000000",
            ["Model.Kind"] = "unofficial",
        });
        var id = Guid.Parse(System.Text.RegularExpressions.Regex.Match(created.Headers.Location!.OriginalString, "deals/([0-9a-f-]{36})").Groups[1].Value);
        var partners = $"/deals/{id}/partners";
        foreach (var (company, country, role) in new[] { ("Films du Nord", "FR", "majorityDelegate"), ("Érable Productions", "CA", "minority") })
        {
            using var added = await client.PostFormAsync(partners, "partner", new Dictionary<string, string> { ["PartnerForm.Company"] = company, ["PartnerForm.Country"] = country, ["PartnerForm.Role"] = role });
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var ids = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(partners, UriKind.Relative))).QuerySelectorAll("#contribution-partner option").Select(o => o.GetAttribute("value")!).ToList();
        foreach (var (partnerId, amount, spend) in new[] { (ids[0], "5820000", "FR"), (ids[1], "180000", "CA") })
        {
            using var contributed = await client.PostFormAsync(partners, "contribution", new Dictionary<string, string>
            {
                ["ContributionForm.PartnerId"] = partnerId,
                ["ContributionForm.Kind"] = "cash",
                ["ContributionForm.Description"] = "Cash",
                ["ContributionForm.Amount"] = amount,
                ["ContributionForm.Currency"] = "EUR",
                ["ContributionForm.SpendCountry"] = spend,
            });
            Assert.Equal(HttpStatusCode.Redirect, contributed.StatusCode);
        }

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri($"/deals/{id}/eligibility", UriKind.Relative)));
        var candidate = page.QuerySelectorAll("[data-testid=candidates] li.list-group-item").First(li => li.TextContent.Contains("Canada", StringComparison.Ordinal));

        // Érable brings 3 %: the treaty's minimum share is named with what it needs and what the deal has now.
        var failures = candidate.QuerySelectorAll("[data-testid=candidate-failures] li").Select(li => li.TextContent).ToList();
        Assert.Contains(failures, f => f.Contains("needs", StringComparison.Ordinal) && f.Contains("now 3.00 %", StringComparison.Ordinal));
        Assert.Equal("treaties/ca-fr", candidate.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_overview_links_to_the_whole_deal_as_JSON_for_the_signed_in_member()
    {
        using var client = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(Roles.Producer));
        var id = await CreateDealAsync(client);

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri($"/deals/{id}", UriKind.Relative)));
        var href = page.QuerySelector("[data-testid=deal-json]")!.GetAttribute("href")!;
        using var json = await client.GetAsync(new Uri("/" + href, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"title\":\"Les Aurores\"", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_financing_shows_what_a_fall_of_the_canadian_dollar_would_leave_unfunded()
    {
        using var client = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(Roles.Producer));
        var id = await CreateDealAsync(client);

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri($"/deals/{id}/partners", UriKind.Relative)));
        var cad = page.QuerySelector("[data-testid=exposure-CAD]")!;

        // 1,800,000 CAD at 0.5 is 900,000 EUR of a plan that exactly meets the 6,000,000 EUR budget.
        Assert.Contains("CAD: 900,000 EUR (15.00 % of the financing)", cad.TextContent, StringComparison.Ordinal);
        Assert.Contains("Érable Productions (900,000 EUR)", cad.TextContent, StringComparison.Ordinal);
        Assert.Contains("no margin", cad.QuerySelector("[data-testid=absorbed]")!.TextContent, StringComparison.Ordinal);
        var tenPercent = cad.QuerySelectorAll("tbody tr").Single(r => r.Children[0].TextContent.Trim() == "10.00 %");
        Assert.Equal(["90,000 EUR", "1.50 %"], tenPercent.Children.Skip(1).Select(c => c.TextContent.Trim()));
        Assert.Null(page.QuerySelector("[data-testid=exposure-EUR]"));
    }

    [Fact]
    public async Task A_contribution_in_another_currency_is_offered_the_rate_on_record_and_previewed_with_it()
    {
        var admin = await _app.Factory.ApiClientAsync(await _app.Factory.CreateAsync(Roles.Admin));
        using (var added = await admin.PostAsync(new Uri("/api/admin/rates", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { on = "2026-10-30", @base = "CAD", quote = "EUR", rate = 0.66m, source = "ECB reference rate" })))
        {
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }

        using var client = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(Roles.Producer));
        var id = await CreateDealAsync(client);
        var partners = $"/deals/{id}/partners";
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(partners, UriKind.Relative)));
        var canadian = page.QuerySelectorAll("#contribution-partner option").Last().GetAttribute("value")!;
        var fields = new Dictionary<string, string>
        {
            ["ContributionForm.PartnerId"] = canadian,
            ["ContributionForm.Kind"] = "cash",
            ["ContributionForm.Description"] = "Cash",
            ["ContributionForm.Amount"] = "100000",
            ["ContributionForm.Currency"] = "CAD",
            ["ContributionForm.RateLockedOn"] = "2026-11-02",
            ["ContributionForm.SpendCountry"] = "CA",
        };

        // Without a typed rate the save is refused, and the rate on record is offered beside the field.
        using var refused = await client.PostFormAsync(partners, "contribution", fields);
        var form = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains("rate locked for CAD", form.QuerySelector("#contribution-form")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("0.66", form.QuerySelector("[data-testid=rate-suggestion]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ECB reference rate", form.QuerySelector("[data-testid=rate-suggestion]")!.TextContent, StringComparison.Ordinal);

        // The live preview uses it meanwhile, and refreshes the hint out of band.
        using var preview = await client.PostFormAsync($"/deals/{id}/preview/contribution", "contribution", fields, pageToReadTokenFrom: partners);
        var fragment = new HtmlParser().ParseDocument(await preview.Content.ReadAsStringAsync());
        Assert.NotNull(fragment.QuerySelector("[data-testid=preview-note]"));
        Assert.Equal("true", fragment.QuerySelector("#rate-suggestion")!.GetAttribute("hx-swap-oob"));
        Assert.Contains("6,066,000", fragment.QuerySelector("[data-testid=financing-summary]")!.TextContent, StringComparison.Ordinal);
    }
}
