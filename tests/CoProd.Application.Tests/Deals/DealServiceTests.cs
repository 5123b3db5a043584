using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Application.Users;
using CoProd.Domain.Deals;
using CoProd.Infrastructure.Persistence;
using CoProd.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProd.Application.Tests.Deals;

public sealed class DealServiceTests : IClassFixture<ServiceHarness>
{
    private readonly ServiceHarness _app;

    public DealServiceTests(ServiceHarness app) => _app = app;

    private static ProjectInput Project(string title = "Starlight Courier", decimal budget = 20_000_000m, string currency = "USD") =>
        new() { Title = title, Format = "animation", Currency = currency, Budget = budget, Kind = "unofficial", Languages = "Japanese, English" };

    private Task<T> Deals<T>(Func<DealService, Task<T>> work) => _app.InScopeAsync(s => work(s.GetRequiredService<DealService>()));

    private Task<DealWorkspace> Workspace(Guid id) => _app.InScopeAsync(s => s.GetRequiredService<DealQueries>().GetAsync(id, CancellationToken.None));

    [Fact]
    public async Task A_producer_creates_a_deal_and_owns_it_with_an_audit_record_of_every_field()
    {
        var producer = await _app.CreateUserAsync(Roles.Producer, "Paula");
        _app.User.ActAs(producer);

        var id = await Deals(s => s.CreateAsync(Project(), CancellationToken.None));

        var workspace = await Workspace(id);
        Assert.Equal(MemberRole.Owner, workspace.MyRole);
        Assert.Equal("Starlight Courier", workspace.Deal.Title);
        Assert.Equal(["Japanese", "English"], workspace.Deal.Languages);
        var audit = await _app.InScopeAsync(s => s.GetRequiredService<CoProdDbContext>().AuditEntries.Where(a => a.DealId == id).ToListAsync());
        Assert.Contains(audit, a => a.Action == "created" && a.Field == "Project › Title" && a.NewValue == "Starlight Courier" && a.UserName == "Paula");
        Assert.Contains(audit, a => a.Action == "created" && a.Field == "Project › Budget");

        // A new deal had nothing before: not an empty title, a budget of 0 or an "undecided" type.
        Assert.All(audit.Where(a => a.Action == "created"), a => Assert.Null(a.OldValue));
    }

    [Fact]
    public async Task Lawyers_do_not_create_deals()
    {
        _app.User.ActAs(await _app.CreateUserAsync(Roles.Lawyer));

        await Assert.ThrowsAsync<DealAccessException>(() => Deals(s => s.CreateAsync(Project(), CancellationToken.None)));
    }

    [Fact]
    public async Task Someone_who_is_not_a_member_gets_not_found_for_reads_and_writes()
    {
        _app.User.ActAs(await _app.CreateUserAsync(Roles.Producer));
        var id = await Deals(s => s.CreateAsync(Project(), CancellationToken.None));
        var version = (await Workspace(id)).Version;

        _app.User.ActAs(await _app.CreateUserAsync(Roles.Producer));

        await Assert.ThrowsAsync<NotFoundException>(() => Workspace(id));
        await Assert.ThrowsAsync<NotFoundException>(() => Deals(s => s.UpdateProjectAsync(id, version, Project("Stolen"), CancellationToken.None)));
    }

    [Fact]
    public async Task Saving_over_someone_elses_newer_change_is_refused_and_nothing_is_overwritten()
    {
        _app.User.ActAs(await _app.CreateUserAsync(Roles.Producer));
        var id = await Deals(s => s.CreateAsync(Project(), CancellationToken.None));
        var loaded = (await Workspace(id)).Version;

        await Deals(s => s.UpdateProjectAsync(id, loaded, Project("First change"), CancellationToken.None));
        var conflict = await Assert.ThrowsAsync<ConflictException>(() => Deals(s => s.UpdateProjectAsync(id, loaded, Project("Second change"), CancellationToken.None)));

        Assert.Contains("Someone else saved a change", conflict.Message, StringComparison.Ordinal);
        Assert.Equal("First change", (await Workspace(id)).Deal.Title);
    }

    [Fact]
    public async Task Partners_and_contributions_in_several_currencies_give_derived_shares()
    {
        _app.User.ActAs(await _app.CreateUserAsync(Roles.Producer));
        var id = await Deals(s => s.CreateAsync(Project(), CancellationToken.None));
        var version = (await Workspace(id)).Version;
        version = await Deals(s => s.AddPartnerAsync(id, version, new PartnerInputForm { Company = "Tokyo Anima", Country = "JP", Role = "majorityDelegate" }, CancellationToken.None));
        version = await Deals(s => s.AddPartnerAsync(id, version, new PartnerInputForm { Company = "Pacific Pictures", Country = "US", Role = "minority" }, CancellationToken.None));
        var partners = (await Workspace(id)).Deal.Partners;

        version = await Deals(s => s.AddContributionAsync(id, version, new ContributionInputForm
        {
            PartnerId = partners[0].Id,
            Kind = "cash",
            Description = "Production finance",
            Amount = 1_650_000_000m,
            Currency = "JPY",
            RateToDealCurrency = 0.0067m,
            RateLockedOn = new DateOnly(2026, 11, 1),
            SpendCountry = "JP",
        }, CancellationToken.None));
        await Deals(s => s.AddContributionAsync(id, version, new ContributionInputForm
        {
            PartnerId = partners[1].Id,
            Kind = "inKind",
            Description = "English adaptation and voice cast",
            Amount = 8_945_000m,
            Currency = "USD",
            SpendCountry = "US",
        }, CancellationToken.None));

        var financing = (await Workspace(id)).Financing;
        Assert.Equal(11_055_000m, financing.ShareOf(partners[0].Id).Value * financing.Total.Amount / 100m);
        Assert.Equal(20_000_000m, financing.Total.Amount);
        Assert.Equal("55.28 %", financing.ShareOf(partners[0].Id).ToString());
    }

    [Fact]
    public async Task A_contribution_in_another_currency_without_its_locked_rate_is_refused_naming_the_field()
    {
        _app.User.ActAs(await _app.CreateUserAsync(Roles.Producer));
        var id = await Deals(s => s.CreateAsync(Project(), CancellationToken.None));
        var created = (await Workspace(id)).Version;
        await Deals(s => s.AddPartnerAsync(id, created, new PartnerInputForm { Company = "Tokyo Anima", Country = "JP", Role = "majorityDelegate" }, CancellationToken.None));
        var workspace = await Workspace(id);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => Deals(s => s.AddContributionAsync(id, workspace.Version, new ContributionInputForm
        {
            PartnerId = workspace.Deal.Partners[0].Id,
            Kind = "cash",
            Description = "Cash",
            Amount = 100m,
            Currency = "JPY",
            SpendCountry = "JP",
        }, CancellationToken.None)));

        Assert.Contains("rateToDealCurrency", error.Errors.Keys);
        Assert.Contains("rateLockedOn", error.Errors.Keys);
    }

    [Fact]
    public async Task A_lawyer_who_is_an_editor_cannot_change_financial_figures()
    {
        var producer = await _app.CreateUserAsync(Roles.Producer);
        var lawyer = await _app.CreateUserAsync(Roles.Lawyer);
        _app.User.ActAs(producer);
        var id = await Deals(s => s.CreateAsync(Project(), CancellationToken.None));
        await _app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CoProdDbContext>();
            var deal = await db.Deals.Include(d => d.Members).SingleAsync(d => d.Id == id);
            deal.AddMember(lawyer.Id, PersonKind.Lawyer, MemberRole.Editor, producer.Id, DateTimeOffset.UtcNow);
            s.GetRequiredService<CoProd.Application.Audit.AuditTrail>().Record("deal", id.ToString(), id, "invited", "Members", null, lawyer.DisplayName);
            await db.SaveChangesAsync();
        });

        _app.User.ActAs(lawyer);
        var workspace = await Workspace(id);
        var error = await Assert.ThrowsAsync<DealAccessException>(() => Deals(s => s.UpdateProjectAsync(id, workspace.Version, Project(budget: 1m), CancellationToken.None)));

        Assert.Contains("do not change financial figures", error.Message, StringComparison.Ordinal);
        Assert.False(workspace.Can(DealAction.EditFinancials));
        Assert.True(workspace.Can(DealAction.EditStructure));
    }

    [Fact]
    public async Task A_change_to_a_deal_saved_without_an_audit_entry_is_refused()
    {
        _app.User.ActAs(await _app.CreateUserAsync(Roles.Producer));
        var id = await Deals(s => s.CreateAsync(Project(), CancellationToken.None));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CoProdDbContext>();
            var deal = await db.Deals.SingleAsync(d => d.Id == id);
            deal.SetDetails("changed behind the audit trail's back", []);
            await db.SaveChangesAsync();
        }));

        Assert.Contains("without an audit entry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_deal_list_filters_sorts_and_pages_in_the_database_and_shows_only_my_deals()
    {
        var me = await _app.CreateUserAsync(Roles.Producer);
        var other = await _app.CreateUserAsync(Roles.Producer);
        _app.User.ActAs(other);
        await Deals(s => s.CreateAsync(Project("Someone else's film"), CancellationToken.None));
        _app.User.ActAs(me);
        foreach (var title in new[] { "Alpha", "Bravo", "Charlie", "Delta", "Echo" })
        {
            await Deals(s => s.CreateAsync(Project(title), CancellationToken.None));
        }

        var page = await _app.InScopeAsync(s => s.GetRequiredService<DealQueries>().ListAsync(new DealListQuery(Sort: DealSort.Title, Descending: false, Page: 2, PageSize: 2), CancellationToken.None));
        var search = await _app.InScopeAsync(s => s.GetRequiredService<DealQueries>().ListAsync(new DealListQuery(Search: "CHAR"), CancellationToken.None));

        Assert.Equal(5, page.Total);
        Assert.Equal(3, page.Pages);
        Assert.Equal(["Charlie", "Delta"], page.Items.Select(i => i.Title));
        Assert.Equal(5, page.CountsByStatus[DealStatus.Draft]);
        Assert.Equal("Charlie", Assert.Single(search.Items).Title);
    }
}
