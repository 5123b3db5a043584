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

/// <summary>The decisions, milestones and legal-terms pages through plain form posts, as a browser without JavaScript sends them.</summary>
public sealed partial class SectionPagesTests : IClassFixture<WebAppFixture>
{
    private const string Title = "The Paper Lantern";

    private readonly WebAppFixture _app;

    public SectionPagesTests(WebAppFixture app) => _app = app;

    [Fact]
    public async Task The_section_pages_are_a_404_for_someone_who_is_not_a_member_and_their_forms_change_nothing()
    {
        using var owner = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(Roles.Producer));
        var (id, tokyo, _) = await CreateDealAsync(owner);
        using var stranger = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(Roles.Producer));

        foreach (var path in new[] { $"/deals/{id}/decisions", $"/deals/{id}/decisions?domain=final-cut", $"/deals/{id}/milestones", $"/deals/{id}/legal" })
        {
            using var response = await stranger.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(Title, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var posted = await stranger.PostFormAsync($"/deals/{id}/decisions", "rule", new Dictionary<string, string>
        {
            ["RuleForm.DomainCode"] = "final-cut",
            ["RuleForm.Mode"] = "soleAuthority",
            ["RuleForm.DeciderPartnerId"] = tokyo,
            ["Version"] = "1",
        }, pageToReadTokenFrom: "/deals");
        // The page does not exist for the stranger, so neither does its form: refused as not found or as a bad post.
        Assert.True(posted.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"a stranger's post answered {(int)posted.StatusCode}");
        var matrix = await PageAsync(owner, $"/deals/{id}/decisions");
        Assert.NotNull(matrix.QuerySelector("[data-testid=domain-final-cut] .badge.text-bg-danger"));
    }

    [Fact]
    public async Task Every_select_on_the_section_pages_shows_the_value_on_record_edit_modes_included()
    {
        using var client = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(Roles.Producer));
        var (id, tokyo, pacific) = await CreateDealAsync(client);
        await PostAsync(client, $"/deals/{id}/decisions", "rule", new()
        {
            ["RuleForm.DomainCode"] = "final-cut",
            ["RuleForm.Mode"] = "joint",
            ["RuleForm.ApproverPartnerIds[0]"] = tokyo,
            ["RuleForm.ApproverPartnerIds[1]"] = pacific,
            ["RuleForm.TieBreak"] = "castingVote",
            ["RuleForm.TieBreakPartnerId"] = pacific,
        });
        await PostAsync(client, $"/deals/{id}/milestones", "milestone", new()
        {
            ["MilestoneForm.Name"] = "Budget sign-off",
            ["MilestoneForm.DueDate"] = "2027-02-01",
            ["MilestoneForm.BufferDays"] = "7",
            ["MilestoneForm.Status"] = "awaitingApproval",
            ["MilestoneForm.ApprovalDomainCode"] = "final-cut",
        });
        await PostAsync(client, $"/deals/{id}/legal", "legal", new()
        {
            ["LegalForm.GoverningLaw"] = "US",
            ["LegalForm.DisputeResolution"] = "arbitration",
            ["LegalForm.Seat"] = "Singapore",
            ["LegalForm.ArbitrationRules"] = "SIAC Rules",
            ["LegalForm.ProductionEntityDomicile"] = "JP",
            ["LegalForm.IpOwnership"] = "negotiated",
            ["LegalForm.IpSplit[0].PartnerId"] = tokyo,
            ["LegalForm.IpSplit[0].Share"] = "55",
            ["LegalForm.IpSplit[1].PartnerId"] = pacific,
            ["LegalForm.IpSplit[1].Share"] = "45",
        });
        var milestones = await PageAsync(client, $"/deals/{id}/milestones");
        var editMilestone = milestones.QuerySelector("a[href*='editMilestone=']")!.GetAttribute("href")!.Split('#')[0];

        var checkedSelects = 0;
        foreach (var path in new[] { $"/deals/{id}/decisions", $"/deals/{id}/decisions?domain=final-cut", $"/deals/{id}/milestones", "/" + editMilestone, $"/deals/{id}/legal" })
        {
            var document = await PageAsync(client, path);
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

        Assert.True(checkedSelects >= 8, $"only {checkedSelects} bound selects checked");
        var rule = await PageAsync(client, $"/deals/{id}/decisions?domain=final-cut");
        Assert.NotNull(rule.QuerySelector("#rule-tie-break option[value=castingVote][selected]"));
        Assert.NotNull(rule.QuerySelector("#mode-joint[checked]"));
        Assert.Equal(2, rule.QuerySelectorAll("input[name='RuleForm.ApproverPartnerIds'][checked]").Length);
        var legal = await PageAsync(client, $"/deals/{id}/legal");
        Assert.NotNull(legal.QuerySelector("#legal-forum option[value=arbitration][selected]"));
        Assert.NotNull(legal.QuerySelector("#legal-ip option[value=negotiated][selected]"));
        Assert.Equal("55", legal.QuerySelector("#ip-share-0")!.GetAttribute("value"));
        var edit = await PageAsync(client, "/" + editMilestone);
        Assert.NotNull(edit.QuerySelector("#milestone-status option[value=awaitingApproval][selected]"));
        Assert.NotNull(edit.QuerySelector("#milestone-domain option[value=final-cut][selected]"));
    }

    [Fact]
    public async Task Invalid_input_is_shown_beside_its_field_and_nothing_is_saved()
    {
        using var client = await _app.Factory.BrowserClientAsync(await _app.Factory.CreateAsync(Roles.Producer));
        var (id, tokyo, pacific) = await CreateDealAsync(client);

        using var split = await client.PostFormAsync($"/deals/{id}/legal", "legal", new Dictionary<string, string>
        {
            ["LegalForm.IpOwnership"] = "negotiated",
            ["LegalForm.IpSplit[0].PartnerId"] = tokyo,
            ["LegalForm.IpSplit[0].Share"] = "60",
            ["LegalForm.IpSplit[1].PartnerId"] = pacific,
            ["LegalForm.IpSplit[1].Share"] = "30",
            ["LegalForm.Credits"] = "Both logos, equal size",
        });
        using var milestone = await client.PostFormAsync($"/deals/{id}/milestones", "milestone", new Dictionary<string, string>
        {
            ["MilestoneForm.Name"] = "Animatic",
            ["MilestoneForm.Status"] = "planned",
            ["MilestoneForm.CompletedOn"] = "2026-01-01",
        });

        Assert.Equal(HttpStatusCode.OK, split.StatusCode);
        var legalPage = new HtmlParser().ParseDocument(await split.Content.ReadAsStringAsync());
        Assert.Contains(legalPage.QuerySelectorAll("#legal-form .invalid-feedback"), m => m.TextContent.Contains("add up to 90 %", StringComparison.Ordinal));
        Assert.Equal("Both logos, equal size", legalPage.QuerySelector("#legal-credits")!.TextContent);
        var milestonePage = new HtmlParser().ParseDocument(await milestone.Content.ReadAsStringAsync());
        var messages = milestonePage.QuerySelectorAll("#milestone-form .invalid-feedback").Select(m => m.TextContent).ToList();
        Assert.Contains(messages, m => m.Contains("Give the due date", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Only an approved or done milestone has a completion date", StringComparison.Ordinal));
        Assert.Equal("Animatic", milestonePage.QuerySelector("#milestone-name")!.GetAttribute("value"));
        Assert.Equal(string.Empty, (await PageAsync(client, $"/deals/{id}/legal")).QuerySelector("#legal-credits")!.TextContent);
        Assert.Empty((await PageAsync(client, $"/deals/{id}/milestones")).QuerySelectorAll("[data-testid=milestone-row]"));
    }

    [Fact]
    public async Task A_reviewing_lawyer_reads_the_sections_without_any_form_to_change_them()
    {
        var producer = await _app.Factory.CreateAsync(Roles.Producer);
        using var owner = await _app.Factory.BrowserClientAsync(producer);
        var (id, tokyo, _) = await CreateDealAsync(owner);
        await PostAsync(owner, $"/deals/{id}/decisions", "rule", new()
        {
            ["RuleForm.DomainCode"] = "character-design",
            ["RuleForm.Mode"] = "soleAuthority",
            ["RuleForm.DeciderPartnerId"] = tokyo,
            ["RuleForm.TieBreak"] = "none",
        });
        var lawyer = await _app.Factory.CreateAsync(Roles.Lawyer);
        await AddMemberAsync(id, producer, lawyer, MemberRole.Reviewer);
        using var reviewer = await _app.Factory.BrowserClientAsync(lawyer);

        var decisions = await PageAsync(reviewer, $"/deals/{id}/decisions");
        var legal = await PageAsync(reviewer, $"/deals/{id}/legal");
        var milestones = await PageAsync(reviewer, $"/deals/{id}/milestones");

        Assert.Contains("decides alone", decisions.QuerySelector("[data-testid=domain-character-design]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(decisions.QuerySelectorAll("main form"));
        Assert.Empty(milestones.QuerySelectorAll("main form"));
        Assert.Empty(legal.QuerySelectorAll("main form"));
        Assert.NotNull(legal.QuerySelector("[data-testid=legal-terms]"));
        Assert.NotNull(legal.QuerySelector("[data-testid=checklist]"));
    }

    /// <summary>Creates a Japan–US deal with two partners through the forms; returns its id and the partners' ids.</summary>
    private static async Task<(Guid Id, string Tokyo, string Pacific)> CreateDealAsync(HttpClient client)
    {
        using var created = await client.PostFormAsync("/deals/new", "new-deal", new Dictionary<string, string>
        {
            ["Model.Title"] = Title,
            ["Model.Format"] = "animation",
            ["Model.Currency"] = "USD",
            ["Model.Budget"] = "20000000",
            ["Model.Kind"] = "unofficial",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(DealId().Match(created.Headers.Location!.OriginalString).Groups[1].Value);
        foreach (var (company, country, role) in new[] { ("Tokyo Anima", "JP", "majorityDelegate"), ("Pacific Pictures", "US", "minority") })
        {
            await PostAsync(client, $"/deals/{id}/partners", "partner", new()
            {
                ["PartnerForm.Company"] = company,
                ["PartnerForm.Country"] = country,
                ["PartnerForm.Role"] = role,
            });
        }

        var decisions = await PageAsync(client, $"/deals/{id}/decisions");
        var partners = decisions.QuerySelectorAll("#rule-decider option").Select(o => o.GetAttribute("value")!).Where(v => v.Length > 0).ToList();
        Assert.Equal(["Tokyo Anima", "Pacific Pictures"], decisions.QuerySelectorAll("[data-testid=decision-matrix] thead th").Skip(1).Take(2).Select(t => t.TextContent));
        return (id, partners[0], partners[1]);
    }

    private static async Task PostAsync(HttpClient client, string path, string form, Dictionary<string, string> fields)
    {
        using var response = await client.PostFormAsync(path, form, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{form} on {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<IHtmlDocument> PageAsync(HttpClient client, string path) =>
        new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(path, UriKind.Relative)));

    private async Task AddMemberAsync(Guid dealId, TestUser owner, TestUser member, MemberRole role)
    {
        using var scope = _app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProdDbContext>();
        var deal = await db.Deals.Include(d => d.Members).SingleAsync(d => d.Id == dealId);
        deal.AddMember(member.Id, member.Kind, role, owner.Id, DateTimeOffset.UtcNow);
        scope.ServiceProvider.GetRequiredService<AuditTrail>().Record("deal", dealId.ToString(), dealId, "invited", "Members", null, member.DisplayName);
        await db.SaveChangesAsync();
    }

    [GeneratedRegex("deals/([0-9a-f-]{36})")]
    private static partial Regex DealId();
}
