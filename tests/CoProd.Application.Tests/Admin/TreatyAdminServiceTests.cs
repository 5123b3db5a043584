using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Application.Treaties;
using CoProd.Application.Users;
using CoProd.Domain.Common;
using CoProd.Infrastructure.Persistence;
using CoProd.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProd.Application.Tests.Admin;

public sealed class TreatyAdminServiceTests : IClassFixture<ServiceHarness>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly ServiceHarness _app;

    public TreatyAdminServiceTests(ServiceHarness app) => _app = app;

    private Task<T> Admin<T>(Func<TreatyAdminService, Task<T>> work) => _app.InScopeAsync(s => work(s.GetRequiredService<TreatyAdminService>()));

    private Task<AdminTreaty> Get(string code) => Admin(s => s.GetAsync(code, CancellationToken.None));

    private async Task ActAsAdminAsync() => _app.User.ActAs(await _app.CreateUserAsync(Roles.Admin, "Ada Admin"));

    private static SourceDto Source(string article) => new() { Article = article, Url = "https://example.org/treaty", Confidence = "solid" };

    private static TreatyDto Details(string code, string a = "FR", string b = "JP") => new()
    {
        Code = code,
        Name = $"Test agreement {code}",
        Kind = "bilateral",
        Parties = [new TreatyPartyDto { Country = a }, new TreatyPartyDto { Country = b }],
        InForceFrom = new DateOnly(2019, 1, 1),
        Sources = [Source("Agreement text")],
    };

    private static RuleVersionDto Rules(decimal minimum, DateOnly? effectiveFrom = null) => new()
    {
        EffectiveFrom = effectiveFrom,
        ChangeNote = $"minimum {minimum} %",
        Rules = new RuleSetDto { BilateralShares = new ShareBandDto { Minimum = minimum, Maximum = 100m - minimum, Source = Source("Art. 6") } },
    };

    /// <summary>A treaty with version 1 (minimum 20 %) published from 2020-01-01.</summary>
    private async Task<string> PublishedTreatyAsync(string code, string a = "FR", string b = "JP")
    {
        await Admin(s => s.CreateAsync(Details(code, a, b), CancellationToken.None));
        var (version, number) = await Admin(async s => await s.CreateDraftAsync(code, (await s.GetAsync(code, CancellationToken.None)).Version, Rules(20m, new DateOnly(2020, 1, 1)), CancellationToken.None));
        await Admin(s => s.PublishAsync(code, version, number, null, CancellationToken.None));
        return code;
    }

    [Fact]
    public async Task An_admin_creates_a_treaty_drafts_publishes_and_ends_it_and_every_step_is_audited()
    {
        await ActAsAdminAsync();
        await Admin(s => s.CreateAsync(Details("fr-jp-a"), CancellationToken.None));
        var created = await Get("fr-jp-a");
        Assert.Empty(created.Treaty.RuleVersions!);

        var (version, number) = await Admin(s => s.CreateDraftAsync("fr-jp-a", created.Version, Rules(20m), CancellationToken.None));
        Assert.Equal(1, number);
        Assert.Equal("draft", (await Get("fr-jp-a")).Treaty.RuleVersions![0].Status);

        version = await Admin(s => s.PublishAsync("fr-jp-a", version, number, new DateOnly(2020, 1, 1), CancellationToken.None));
        var published = await Get("fr-jp-a");
        Assert.Equal(1, published.Summary.CurrentVersion);
        Assert.Equal(new DateOnly(2020, 1, 1), published.Summary.CurrentVersionEffectiveFrom);

        await Admin(s => s.EndAsync("fr-jp-a", version, new DateOnly(2030, 6, 30), "Denounced by note verbale.", CancellationToken.None));
        var ended = await Get("fr-jp-a");
        Assert.Equal(new DateOnly(2030, 6, 30), ended.Treaty.TerminatedOn);
        Assert.Contains("Denounced", ended.Treaty.DatesNote, StringComparison.Ordinal);

        var audit = await _app.InScopeAsync(s => s.GetRequiredService<CoProdDbContext>().AuditEntries.Where(a => a.Area == "treaty" && a.EntityKey == "fr-jp-a").ToListAsync());
        Assert.Contains(audit, a => a.Action == "created" && a.Field == "Treaty › Name" && a.NewValue == "Test agreement fr-jp-a" && a.UserName == "Ada Admin");
        Assert.Contains(audit, a => a.Action == "drafted a rule version" && a.Field == "Rule version 1 › Bilateral shares › Minimum" && a.NewValue == "20");
        Assert.Contains(audit, a => a.Action == "published version 1" && a.Field == "Rule version 1 › Status" && a.OldValue == "draft" && a.NewValue == "published");
        Assert.Contains(audit, a => a.Action == "ended" && a.Field == "Treaty › Terminated on" && a.NewValue == "2030-06-30");
    }

    [Fact]
    public async Task A_new_draft_is_a_copy_of_the_latest_version_starting_tomorrow()
    {
        await ActAsAdminAsync();
        await PublishedTreatyAsync("fr-jp-b");

        await Admin(async s => await s.CreateDraftAsync("fr-jp-b", (await s.GetAsync("fr-jp-b", CancellationToken.None)).Version, null, CancellationToken.None));

        var draft = (await Get("fr-jp-b")).Draft!;
        Assert.Equal(2, draft.Number);
        Assert.Equal(Today.AddDays(1), draft.EffectiveFrom);
        Assert.Equal(20m, draft.Rules!.BilateralShares!.Minimum);
    }

    [Fact]
    public async Task Publishing_on_a_date_a_published_version_already_takes_is_refused()
    {
        await ActAsAdminAsync();
        await PublishedTreatyAsync("fr-jp-c");
        var (version, number) = await Admin(async s => await s.CreateDraftAsync("fr-jp-c", (await s.GetAsync("fr-jp-c", CancellationToken.None)).Version, Rules(15m), CancellationToken.None));

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => Admin(s => s.PublishAsync("fr-jp-c", version, number, new DateOnly(2020, 1, 1), CancellationToken.None)));

        Assert.Contains("Version 1 already takes effect on 2020-01-01", refused.Errors["effectiveFrom"][0], StringComparison.Ordinal);
        Assert.Equal("draft", (await Get("fr-jp-c")).Treaty.RuleVersions!.Single(v => v.Number == 2).Status);
    }

    [Fact]
    public async Task A_published_version_cannot_be_changed_by_the_service_nor_in_the_database()
    {
        await ActAsAdminAsync();
        await PublishedTreatyAsync("fr-jp-d");
        var loaded = await Get("fr-jp-d");

        await Assert.ThrowsAsync<DomainException>(() => Admin(s => s.ReviseDraftAsync("fr-jp-d", loaded.Version, 1, Rules(5m), CancellationToken.None)));
        await Assert.ThrowsAsync<DomainException>(() => Admin(s => s.DiscardDraftAsync("fr-jp-d", loaded.Version, 1, CancellationToken.None)));

        var database = await Assert.ThrowsAnyAsync<Exception>(() => _app.InScopeAsync(s =>
            s.GetRequiredService<CoProdDbContext>().Database.ExecuteSqlRawAsync(
                "UPDATE treaty_rule_versions SET change_note = 'rewritten' WHERE number = 1 AND treaty_id = (SELECT id FROM treaties WHERE code = 'fr-jp-d')")));
        Assert.Contains("is published and cannot be changed", database.Message, StringComparison.Ordinal);
        Assert.Equal(20m, (await Get("fr-jp-d")).Treaty.RuleVersions![0].Rules!.BilateralShares!.Minimum);
    }

    [Fact]
    public async Task Saving_over_another_admins_newer_change_is_refused()
    {
        await ActAsAdminAsync();
        await PublishedTreatyAsync("fr-jp-e");
        var loaded = await Get("fr-jp-e");
        var (_, number) = await Admin(s => s.CreateDraftAsync("fr-jp-e", loaded.Version, Rules(10m), CancellationToken.None));

        // A second admin, who loaded the treaty before the draft was created, revises and publishes.
        var conflict = await Assert.ThrowsAsync<ConflictException>(() => Admin(s => s.ReviseDraftAsync("fr-jp-e", loaded.Version, number, Rules(30m), CancellationToken.None)));
        Assert.Contains("Someone else changed this treaty", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(10m, (await Get("fr-jp-e")).Draft!.Rules!.BilateralShares!.Minimum);
    }

    [Fact]
    public async Task A_deal_checked_against_version_1_still_shows_version_1_after_version_2_is_published()
    {
        await ActAsAdminAsync();
        await PublishedTreatyAsync("fr-jp-f");

        var producer = await _app.CreateUserAsync(Roles.Producer);
        _app.User.ActAs(producer);
        var dealId = await _app.InScopeAsync(s => s.GetRequiredService<DealService>().CreateAsync(
            new ProjectInput { Title = "Versioned", Format = "fictionFeature", Currency = "EUR", Budget = 1_000_000m, Kind = "official", TreatyCode = "fr-jp-f" }, CancellationToken.None));
        var version = (await Workspace(dealId)).Version;
        version = await Deals(s => s.AddPartnerAsync(dealId, version, new PartnerInputForm { Company = "Paris Films", Country = "FR", Role = "majorityDelegate" }, CancellationToken.None));
        version = await Deals(s => s.AddPartnerAsync(dealId, version, new PartnerInputForm { Company = "Tokyo Films", Country = "JP", Role = "minority" }, CancellationToken.None));
        var partners = (await Workspace(dealId)).Deal.Partners;
        version = await Deals(s => s.AddContributionAsync(dealId, version, Cash(partners[0].Id, 750_000m, "FR"), CancellationToken.None));
        version = await Deals(s => s.AddContributionAsync(dealId, version, Cash(partners[1].Id, 250_000m, "JP"), CancellationToken.None));
        await Deals(s => s.RecordEligibilityAsync(dealId, version, CancellationToken.None));
        Assert.Equal(1, (await Workspace(dealId)).Deal.Eligibility!.RuleVersionNumber);

        _app.User.ActAs(await _app.CreateUserAsync(Roles.Admin));
        var treaty = await Get("fr-jp-f");
        var (treatyVersion, number) = await Admin(s => s.CreateDraftAsync("fr-jp-f", treaty.Version, Rules(30m), CancellationToken.None));
        await Admin(s => s.PublishAsync("fr-jp-f", treatyVersion, number, Today.AddDays(-1), CancellationToken.None));

        _app.User.ActAs(producer);
        var workspace = await Workspace(dealId);
        Assert.Equal(1, workspace.Deal.Eligibility!.RuleVersionNumber);
        Assert.Equal(1, workspace.Eligibility.Recorded!.RuleVersionNumber);
        Assert.True(workspace.Eligibility.RecordedIsStale);
        Assert.Equal(2, workspace.Eligibility.Live!.RuleVersionNumber);
        Assert.Equal(CoProd.Domain.Eligibility.Verdict.DoesNotQualify, workspace.Eligibility.Live.Verdict);

        // Version 1 itself is unchanged: what the deal was checked against can still be shown.
        var v1 = await _app.InScopeAsync(s => s.GetRequiredService<TreatyQueries>().GetAsync("fr-jp-f", Today, CancellationToken.None));
        Assert.Equal(20m, v1.Treaty.RuleVersions!.Single(v => v.Number == 1).Rules!.BilateralShares!.Minimum);
    }

    [Fact]
    public async Task The_preview_evaluates_sample_deals_against_a_draft_before_it_is_published()
    {
        await ActAsAdminAsync();
        await PublishedTreatyAsync("fr-jp-g");
        var (_, number) = await Admin(async s => await s.CreateDraftAsync("fr-jp-g", (await s.GetAsync("fr-jp-g", CancellationToken.None)).Version, Rules(25m), CancellationToken.None));
        var treaty = await Get("fr-jp-g");
        var samples = TreatyPreviewSamples.For(treaty.Model, treaty.Model.RuleVersions.Single(v => v.Number == number).Rules, Today);

        var atMinimum = await Admin(s => s.PreviewAsync("fr-jp-g", number, samples.Single(x => x.Key == "at-minimum").Request, CancellationToken.None));
        var below = await Admin(s => s.PreviewAsync("fr-jp-g", number, samples.Single(x => x.Key == "below-minimum").Request, CancellationToken.None));

        Assert.Equal(number, atMinimum.Report.RuleVersionNumber);
        Assert.Contains(atMinimum.Report.Checks, c => c.RuleId == "share.minimum" && c.Outcome == CoProd.Domain.Eligibility.CheckOutcome.Pass);
        Assert.Contains(below.Report.Checks, c => c.RuleId == "share.minimum" && c.Outcome == CoProd.Domain.Eligibility.CheckOutcome.Fail);
        Assert.Equal(1, (await Get("fr-jp-g")).Summary.CurrentVersion);
    }

    [Fact]
    public async Task Only_admins_maintain_treaties()
    {
        _app.User.ActAs(await _app.CreateUserAsync(Roles.Producer));

        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin(s => s.CreateAsync(Details("fr-jp-h"), CancellationToken.None)));
    }

    private Task<T> Deals<T>(Func<DealService, Task<T>> work) => _app.InScopeAsync(s => work(s.GetRequiredService<DealService>()));

    private Task<DealWorkspace> Workspace(Guid id) => _app.InScopeAsync(s => s.GetRequiredService<DealQueries>().GetAsync(id, CancellationToken.None));

    private static ContributionInputForm Cash(Guid partnerId, decimal amount, string country) =>
        new() { PartnerId = partnerId, Kind = "cash", Description = "Cash", Amount = amount, Currency = "EUR", SpendCountry = country };
}
