using System.Text.RegularExpressions;
using CoProd.Application.Users;
using Microsoft.Playwright;

namespace CoProd.Browser.Tests;

public sealed class AdminJourneyTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _fixture;

    public AdminJourneyTests(BrowserFixture fixture)
    {
        _fixture = fixture;

        // Saving a large form on a busy build machine (several test runs share two cores) can take a while.
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    private async Task<(IPage Page, CoProd.Testing.TestUser User)> SignedInAsync(string role, string? name = null)
    {
        var (page, user) = await _fixture.SignedInPageAsync(role, name);
        page.Context.SetDefaultTimeout(30_000);
        page.Context.SetDefaultNavigationTimeout(30_000);
        return (page, user);
    }

    [Fact]
    public async Task An_admin_creates_a_treaty_writes_its_rules_previews_a_deal_and_publishes_them()
    {
        var (page, _) = await SignedInAsync(Roles.Admin, "Ada Admin");

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin areas" }).GetByRole(AriaRole.Link, new() { Name = "Treaties" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New treaty" }).ClickAsync();
        await page.GetByLabel("Code").FillAsync("pt-br-ui");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Portugal – Brazil Co-production Agreement (test)");
        await page.GetByLabel("In force from").FillAsync("2019-01-01");
        await page.GetByLabel("Party 1 country").FillAsync("PT");
        await page.GetByLabel("Party 2 country").FillAsync("br");
        await page.GetByLabel("Source 1 — article or page").FillAsync("Agreement text");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create treaty" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("/admin/treaties/pt-br-ui")));
        Assert.True(await page.GetByTestId("saved").IsVisibleAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "New rule version" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("/versions/1")));

        var bilateral = page.GetByRole(AriaRole.Group, new() { Name = "Share band — bilateral co-productions (two countries)" });
        await bilateral.GetByLabel("The treaty sets this band").CheckAsync();
        await bilateral.GetByLabel("Minimum share (%)").FillAsync("20");
        await bilateral.GetByLabel("Maximum share (%)").FillAsync("80");
        await bilateral.GetByLabel("Source — article or page").FillAsync("Art. 6");
        await bilateral.GetByLabel("Link").FillAsync("https://example.org/pt-br#art6");
        await page.GetByLabel("What changes in this version").First.FillAsync("Bands from the agreement");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToContainTextAsync("draft rules");

        await BrowserFixture.ScreenshotAsync(page, "admin-rule-version-draft");

        // Preview: one point below the minimum fails the minimum-share rule, before anything is published.
        await page.GetByRole(AriaRole.Link, new() { Name = "BR–PT feature, minority at 19 %" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("preview-title")).ToContainTextAsync("minority at 19 %");
        var report = page.GetByTestId("eligibility-panel");
        Assert.Equal("Does not qualify", (await report.GetByTestId("verdict").InnerTextAsync()).Trim());
        Assert.True(await report.Locator("tr[data-rule='share.minimum'][data-outcome='Fail']").IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(page, "admin-rule-version-preview");

        await page.GetByLabel("Takes effect on").First.FillAsync("2020-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish version 1" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToContainTextAsync("version 1 published");
        await Assertions.Expect(page.GetByText("published", new() { Exact = true }).First).ToBeVisibleAsync();

        // The published rules are used at once: a deal at the minimum passes the minimum-share rule.
        await page.GetByRole(AriaRole.Link, new() { Name = "BR–PT feature, minority at 20 %" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("preview-title")).ToContainTextAsync("minority at 20 %");
        await Assertions.Expect(page.GetByTestId("eligibility-panel").Locator("tr[data-rule='share.minimum'][data-outcome='Pass']").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "admin-rule-version-published");

        await page.GotoAsync("/admin/treaties/pt-br-ui");
        await Assertions.Expect(page.GetByTestId("rule-versions").GetByText("in effect today")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "admin-treaty-detail");
        await page.GetByRole(AriaRole.Link, new() { Name = "Treaty history" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit").GetByText("published version 1").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "admin-treaty-history");
    }

    [Fact]
    public async Task A_broken_treaty_file_is_refused_with_every_problem_and_its_line()
    {
        var (page, _) = await SignedInAsync(Roles.Admin);

        await page.GotoAsync("/admin/treaties/import");
        await page.GetByLabel("…or paste its JSON").FillAsync("""
            {
              "format": "coprod-treaties/1",
              "treaties": [
                { "code": "xx-broken", "name": "", "kind": "bilateral",
                  "parties": [ { "country": "FR" }, { "country": "ZZ" } ],
                  "ruleVersions": [ { "rules": { "bilateralShares": { "minimum": 101 } } } ] }
              ]
            }
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();

        var errors = page.GetByTestId("import-errors");
        Assert.Contains("Nothing was imported", await errors.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await errors.GetByRole(AriaRole.Row).Filter(new() { HasText = "treaties[0].parties[1].country" }).GetByRole(AriaRole.Cell, new() { Name = "5", Exact = true }).IsVisibleAsync());
        Assert.True(await errors.GetByRole(AriaRole.Row).Filter(new() { HasText = "bilateralShares.minimum" }).GetByRole(AriaRole.Cell, new() { Name = "6", Exact = true }).IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(page, "admin-import-errors");

        // The same form takes a file; a valid one is imported whole.
        await page.GetByLabel("…or paste its JSON").FillAsync(string.Empty);
        await page.GetByLabel("Treaty file (.json)").SetInputFilesAsync(new FilePayload
        {
            Name = "treaties.json",
            MimeType = "application/json",
            Buffer = System.Text.Encoding.UTF8.GetBytes("""
                { "format": "coprod-treaties/1", "treaties": [
                  { "code": "fr-mx-file", "name": "France – Mexico (file test)", "kind": "bilateral",
                    "parties": [ { "country": "FR" }, { "country": "MX" } ],
                    "ruleVersions": [ { "effectiveFrom": "2020-01-01",
                      "rules": { "bilateralShares": { "minimum": 20, "source": { "article": "Art. 5" } } } } ] } ] }
                """),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("imported")).ToContainTextAsync("fr-mx-file");
    }

    [Fact]
    public async Task An_admin_invites_a_user_sees_the_password_once_and_can_disable_the_account()
    {
        var (page, _) = await SignedInAsync(Roles.Admin);

        await page.GotoAsync("/admin/users");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync("new.lawyer@test.coprod.local");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Nora Newlawyer");
        await page.GetByLabel("Producer", new() { Exact = true }).UncheckAsync();
        await page.GetByLabel("Lawyer", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        var password = (await page.GetByTestId("initial-password").InnerTextAsync()).Trim();
        Assert.Equal(23, password.Length);
        await BrowserFixture.ScreenshotAsync(page, "admin-user-invited");

        // The password the admin handed over is the admin's: the first sign-in asks for one of the person's own.
        const string own = "nora keeps her own lantern";
        var nora = await _fixture.NewPageAsync();
        await nora.GotoAsync("/account/login");
        await nora.GetByLabel("E-mail").FillAsync("new.lawyer@test.coprod.local");
        await nora.GetByLabel("Password").FillAsync(password);
        await nora.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(nora).ToHaveURLAsync(new Regex(Regex.Escape("/account/password?required=true")));
        await Assertions.Expect(nora.GetByTestId("password-required")).ToContainTextAsync("An admin chose your current password");
        await BrowserFixture.ScreenshotAsync(nora, "account-password-required");
        await nora.GetByLabel("Current password").FillAsync(password);
        await nora.GetByLabel("New password", new() { Exact = true }).FillAsync(own);
        await nora.GetByLabel("New password again").FillAsync(own);
        await nora.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await nora.GetByRole(AriaRole.Link, new() { Name = "Continue to CoProd" }).ClickAsync();
        await Assertions.Expect(nora.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        Assert.DoesNotContain("/account/", nora.Url, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Nora Newlawyer" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Disable account" }).ClickAsync();
        Assert.Contains("account disabled", await page.GetByTestId("saved").InnerTextAsync(), StringComparison.Ordinal);

        var other = await _fixture.NewPageAsync();
        await other.GotoAsync("/account/login");
        await other.GetByLabel("E-mail").FillAsync("new.lawyer@test.coprod.local");
        await other.GetByLabel("Password").FillAsync(own);
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Contains("/account/login", other.Url, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "admin-user-disabled");
    }

    [Fact]
    public async Task An_admin_imports_exchange_rates_from_CSV_after_fixing_the_lines_it_names()
    {
        var (page, _) = await SignedInAsync(Roles.Admin);

        await page.GotoAsync("/admin/rates");
        await page.GetByLabel("…or paste the CSV").FillAsync("date,base,quote,rate,source\n2026-10-01,EUR,JPY,162.35,ECB reference rate\n2026-10-02,EUR,JPY,abc,ECB reference rate\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("rate-import-errors")).ToContainTextAsync("Line 3: rate 'abc' is not a positive number");
        await BrowserFixture.ScreenshotAsync(page, "admin-rates-import-errors");

        await page.GetByLabel("…or paste the CSV").FillAsync("date,base,quote,rate,source\n2026-10-01,EUR,JPY,162.35,ECB reference rate\n2026-10-02,EUR,JPY,163.1,ECB reference rate\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToContainTextAsync("2 rates imported");
        await Assertions.Expect(page.GetByTestId("rates").GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await BrowserFixture.ScreenshotAsync(page, "admin-rates");

        await page.GotoAsync("/admin/catalogues/decision-domains?edit=music");
        await page.GetByLabel("Critical: every deal must say who decides it").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToContainTextAsync("music changed");
        await Assertions.Expect(page.GetByTestId("catalogue").GetByRole(AriaRole.Row).Filter(new() { HasText = "Music and composer" })).ToContainTextAsync("critical");
        await BrowserFixture.ScreenshotAsync(page, "admin-catalogues");
    }

    [Theory]
    [InlineData("coe-ets-147")]
    [InlineData("coe-cets-220")]
    [InlineData("ca-fr")]
    public async Task Saving_a_copied_draft_through_the_rule_forms_keeps_every_rule(string code)
    {
        var (page, _) = await SignedInAsync(Roles.Admin);
        await page.GotoAsync($"/admin/treaties/{code}/versions/1");
        var published = await page.GetByTestId("published-rules").InnerTextAsync();

        await OpenDraftAsync(page, code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToContainTextAsync("draft rules");

        Assert.Equal(published.Trim(), (await page.GetByLabel("Rules (JSON)").InputValueAsync()).Trim());
    }

    [Fact]
    public async Task A_points_table_whose_elements_do_not_add_up_is_refused_next_to_the_table()
    {
        var (page, _) = await SignedInAsync(Roles.Admin);
        await OpenDraftAsync(page, "coe-ets-147");

        var fiction = page.GetByRole(AriaRole.Group, new() { Name = "Points table: fiction" });
        await fiction.GetByLabel("Total points").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Points table: fiction" })).ToContainTextAsync("add up to 19, not the total of 20");
        await page.GetByRole(AriaRole.Group, new() { Name = "Points table: fiction" }).ScreenshotAsync(new() { Path = System.IO.Path.Combine(ScreenshotFolder(), "admin-points-table-error.png") });
    }

    [Fact]
    public async Task A_producer_cannot_open_the_admin_pages()
    {
        var (page, _) = await SignedInAsync(Roles.Producer);

        var response = await page.GotoAsync("/admin/treaties");

        Assert.Equal(403, response?.Status);
    }

    /// <summary>Opens the treaty's draft (version 2), creating it as a copy of version 1 when there is none yet.</summary>
    private static async Task OpenDraftAsync(IPage page, string code)
    {
        await page.GotoAsync($"/admin/treaties/{code}");
        var draft = page.GetByRole(AriaRole.Link, new() { Name = "edit, preview and publish version 2" });
        if (await draft.CountAsync() > 0)
        {
            await draft.ClickAsync();
        }
        else
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "New rule version (copy of the latest)" }).ClickAsync();
        }

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape($"/treaties/{code}/versions/2")));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save draft" })).ToBeVisibleAsync();
    }

    private static string ScreenshotFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CoProd.sln")))
            {
                Directory.CreateDirectory(System.IO.Path.Combine(dir.FullName, "artifacts", "screenshots"));
                return System.IO.Path.Combine(dir.FullName, "artifacts", "screenshots");
            }
        }

        return System.IO.Path.GetTempPath();
    }
}
