using CoProd.Application.Deals;
using CoProd.Application.Users;
using CoProd.Domain.Deals;
using CoProd.Domain.Eligibility;
using CoProd.Infrastructure.Identity;
using CoProd.Infrastructure.Persistence;
using CoProd.Infrastructure.Persistence.Seed;
using CoProd.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProd.Infrastructure.Tests.Seed;

public sealed class DevelopmentDealsTests : IClassFixture<ServiceHarness>
{
    private readonly ServiceHarness _app;

    public DevelopmentDealsTests(ServiceHarness app) => _app = app;

    [Fact]
    public async Task The_demo_deals_are_seeded_once_audited_and_shared_with_the_development_users()
    {
        await _app.InScopeAsync(s => s.GetRequiredService<DevelopmentUsers>().EnsureAsync());

        var before = await _app.InScopeAsync(s => s.GetRequiredService<CoProdDbContext>().Deals.CountAsync());
        var first = await _app.InScopeAsync(s => s.GetRequiredService<DevelopmentDeals>().SeedAsync(CancellationToken.None));
        var second = await _app.InScopeAsync(s => s.GetRequiredService<DevelopmentDeals>().SeedAsync(CancellationToken.None));

        Assert.Equal(2, before + first);
        Assert.Equal(0, second);
        var deals = await _app.InScopeAsync(s => s.GetRequiredService<CoProdDbContext>().Deals.AsNoTracking().Include(d => d.Members).ToListAsync());
        Assert.Equal([DevelopmentDeals.FranceCanadaTitle, DevelopmentDeals.JapanUsTitle], deals.Select(d => d.Title).Order(StringComparer.Ordinal));
        var users = await _app.InScopeAsync(s => s.GetRequiredService<CoProdDbContext>().Users.AsNoTracking().ToDictionaryAsync(u => u.Email!, u => u.Id));
        Assert.All(deals, deal =>
        {
            Assert.Equal(MemberRole.Owner, deal.RoleOf(users[DevelopmentDeals.OwnerEmail]));
            Assert.Equal(MemberRole.Editor, deal.RoleOf(users[DevelopmentDeals.EditorEmail]));
            Assert.Equal(MemberRole.Reviewer, deal.RoleOf(users[DevelopmentDeals.ReviewerEmail]));
        });
        var audit = await _app.InScopeAsync(s => s.GetRequiredService<CoProdDbContext>().AuditEntries.AsNoTracking().ToListAsync());
        Assert.All(deals, deal => Assert.Contains(audit, a => a.DealId == deal.Id && a.Action == "created" && a.UserName == DevelopmentDeals.AuditName && a.Field == "Project › Title"));
    }

    [Fact]
    public async Task The_japan_us_deal_follows_the_guide_and_its_checklist_shows_what_is_still_missing()
    {
        var workspace = await DemoWorkspaceAsync(DevelopmentDeals.JapanUsTitle);
        var deal = workspace.Deal;
        var tokyo = deal.Partners.Single(p => p.Country == "JP").Id;
        var pacific = deal.Partners.Single(p => p.Country == "US").Id;

        Assert.Equal("unofficial", deal.Kind);
        Assert.Equal(20_000_000m, workspace.Financing.Total.Amount);
        Assert.Equal(0m, workspace.Financing.Gap.Amount);
        Assert.Equal("JPY", Assert.Single(deal.Partners.Single(p => p.Id == tokyo).Contributions).Currency);
        Assert.Equal(tokyo, deal.DecisionRules.Single(r => r.DomainCode == "character-design").DeciderPartnerId);
        Assert.Equal(tokyo, deal.DecisionRules.Single(r => r.DomainCode == "voice-casting").DeciderPartnerId);
        Assert.Equal(pacific, deal.DecisionRules.Single(r => r.DomainCode == "distribution-strategy").DeciderPartnerId);
        Assert.Equal(pacific, deal.DecisionRules.Single(r => r.DomainCode == "local-adaptation").DeciderPartnerId);
        Assert.DoesNotContain(DecisionMatrix.For(workspace), r => r.NeedsOwner);

        var plan = MilestonePlan.For(workspace);
        Assert.Single(plan, m => m.Overdue);
        Assert.Single(plan, m => m.InBuffer);
        Assert.All(plan.Where(m => m.Milestone.ApprovalDomainCode is not null), m => Assert.NotEmpty(m.Approvers));

        Assert.Empty(workspace.Rights.Conflicts);
        Assert.Contains(workspace.Rights.Gaps, g => g.Medium == "home-video" && g.Unassigned.Any(c => c.Value == "BR"));
        var missing = workspace.Checklist.Where(c => !c.Settled).Select(c => c.Key).ToList();
        Assert.Equal(["rights", "domicile", "exit", "insurance", "collection", "incentives"], missing);
    }

    [Fact]
    public async Task The_france_canada_deal_is_official_under_their_treaty_and_qualifies()
    {
        var workspace = await DemoWorkspaceAsync(DevelopmentDeals.FranceCanadaTitle);

        Assert.Equal("ca-fr", workspace.Deal.TreatyCode);
        Assert.Equal(Verdict.Qualifies, workspace.Eligibility.Live!.Verdict);
        Assert.Equal("qualifies", workspace.Deal.Eligibility!.Verdict);
        Assert.Equal(60m, workspace.Financing.ShareOf(workspace.Deal.Partners.Single(p => p.Country == "FR").Id).Value);
        Assert.DoesNotContain(DecisionMatrix.For(workspace), r => r.NeedsOwner);
    }

    private async Task<DealWorkspace> DemoWorkspaceAsync(string title)
    {
        await _app.InScopeAsync(s => s.GetRequiredService<DevelopmentUsers>().EnsureAsync());
        await _app.InScopeAsync(s => s.GetRequiredService<DevelopmentDeals>().SeedAsync(CancellationToken.None));
        var (ownerId, dealId) = await _app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CoProdDbContext>();
            var owner = await db.Users.AsNoTracking().SingleAsync(u => u.Email == DevelopmentDeals.OwnerEmail);
            var deal = await db.Deals.AsNoTracking().SingleAsync(d => d.Title == title);
            return (owner.Id, deal.Id);
        });
        _app.User.ActAs(new TestUser(ownerId, DevelopmentDeals.OwnerEmail, string.Empty, Roles.Producer, "Paula Producer"));
        return await _app.InScopeAsync(s => s.GetRequiredService<DealQueries>().GetAsync(dealId, CancellationToken.None));
    }
}
