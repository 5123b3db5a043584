using CoProd.Application.Catalogues;
using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Application.ReferenceData;
using CoProd.Application.Users;
using CoProd.Infrastructure.Identity;
using CoProd.Infrastructure.Persistence;
using CoProd.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProd.Application.Tests.Admin;

public sealed class ReferenceDataAdminTests : IClassFixture<ServiceHarness>
{
    private readonly ServiceHarness _app;

    public ReferenceDataAdminTests(ServiceHarness app) => _app = app;

    private Task<T> Service<T>(Func<ReferenceDataAdminService, Task<T>> work) => _app.InScopeAsync(s => work(s.GetRequiredService<ReferenceDataAdminService>()));

    private Task<RateSuggestion?> SuggestAsync(string from, string to, DateOnly date) =>
        _app.InScopeAsync(s => s.GetRequiredService<ExchangeRateQueries>().RateOnAsync(from, to, date, CancellationToken.None));

    private async Task<TestUser> ActAsAdminAsync()
    {
        var admin = await _app.CreateUserAsync(Roles.Admin, "Ada Admin");
        _app.User.ActAs(admin);
        return admin;
    }

    [Fact]
    public async Task A_rates_file_with_bad_lines_imports_nothing_and_names_every_bad_line()
    {
        await ActAsAdminAsync();
        const string csv = """
            date,base,quote,rate,source
            2026-03-02,EUR,CHF,0.9412,ECB reference rate
            2026-03-32,EUR,CHF,0.9420,ECB reference rate
            2026-03-03,EUR,XXQ,1.2,ECB reference rate
            2026-03-04,EUR,CHF,-1,ECB reference rate
            2026-03-02,EUR,CHF,0.9413,a bank
            2026-03-05,EUR,CHF,0.95,
            """;

        var result = await Service(s => s.ImportRatesAsync(csv, CancellationToken.None));

        Assert.Equal(0, result.Added);
        Assert.Equal([3, 4, 5, 6, 7], result.Errors.Select(e => e.Line));
        Assert.Contains("2026-03-32", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("'XXQ' is not a currency", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("also on line 2", result.Errors[3].Message, StringComparison.Ordinal);
        Assert.Contains("where the rate comes from", result.Errors[4].Message, StringComparison.Ordinal);
        Assert.Null(await SuggestAsync("EUR", "CHF", new DateOnly(2026, 3, 31)));
    }

    [Fact]
    public async Task A_header_without_the_columns_is_refused_on_line_1()
    {
        await ActAsAdminAsync();

        var result = await Service(s => s.ImportRatesAsync("day,from,to,value\n2026-01-01,EUR,USD,1.1\n", CancellationToken.None));

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("missing: date, base, quote, rate, source", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_suggested_rate_is_the_latest_on_or_before_the_date_read_either_way_round()
    {
        await ActAsAdminAsync();
        var result = await Service(s => s.ImportRatesAsync("""
            date,base,quote,rate,source
            2026-05-01,GBP,SEK,12.5,Riksbank
            2026-05-10,GBP,SEK,12.8,Riksbank
            2026-05-20,SEK,GBP,0.08,Bank of England
            """, CancellationToken.None));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));

        Assert.Equal(12.8m, (await SuggestAsync("GBP", "SEK", new DateOnly(2026, 5, 15)))!.Rate);
        var inverted = (await SuggestAsync("GBP", "SEK", new DateOnly(2026, 5, 25)))!;
        Assert.Equal(12.5m, inverted.Rate);
        Assert.True(inverted.Inverted);
        Assert.Equal(new DateOnly(2026, 5, 20), inverted.On);
        Assert.Null(await SuggestAsync("GBP", "SEK", new DateOnly(2026, 4, 30)));
        var audit = await _app.InScopeAsync(s => s.GetRequiredService<CoProdDbContext>().AuditEntries.CountAsync(a => a.Area == "exchange-rate" && a.Action == "imported"));
        Assert.Equal(3, audit);
    }

    [Fact]
    public async Task A_contributions_locked_rate_does_not_change_when_newer_rates_arrive()
    {
        var producer = await _app.CreateUserAsync(Roles.Producer);
        _app.User.ActAs(producer);
        var dealId = await _app.InScopeAsync(s => s.GetRequiredService<DealService>().CreateAsync(
            new ProjectInput { Title = "Locked", Format = "animation", Currency = "USD", Budget = 2_000_000m, Kind = "unofficial" }, CancellationToken.None));
        var version = (await Workspace(dealId)).Version;
        version = await Deals(s => s.AddPartnerAsync(dealId, version, new PartnerInputForm { Company = "Tokyo Anima", Country = "JP", Role = "majorityDelegate" }, CancellationToken.None));
        var partner = (await Workspace(dealId)).Deal.Partners[0];
        await Deals(s => s.AddContributionAsync(dealId, version, new ContributionInputForm
        {
            PartnerId = partner.Id,
            Kind = "cash",
            Description = "Cash",
            Amount = 150_000_000m,
            Currency = "JPY",
            RateToDealCurrency = 0.0067m,
            RateLockedOn = new DateOnly(2026, 11, 1),
            SpendCountry = "JP",
        }, CancellationToken.None));
        var before = await Workspace(dealId);

        await ActAsAdminAsync();
        var imported = await Service(s => s.ImportRatesAsync("date,base,quote,rate,source\n2026-11-01,JPY,USD,0.0066,BoJ\n2026-11-20,JPY,USD,0.0061,BoJ\n", CancellationToken.None));
        Assert.True(imported.Succeeded);

        _app.User.ActAs(producer);
        var after = await Workspace(dealId);
        Assert.Equal(0.0067m, after.Deal.Partners[0].Contributions[0].RateToDealCurrency);
        Assert.Equal(new DateOnly(2026, 11, 1), after.Deal.Partners[0].Contributions[0].RateLockedOn);
        Assert.Equal(before.Financing.Total, after.Financing.Total);
        Assert.Equal(0.0061m, (await SuggestAsync("JPY", "USD", new DateOnly(2026, 11, 23)))!.Rate);
    }

    [Fact]
    public async Task Countries_and_currencies_are_added_renamed_and_deactivated_with_ISO_codes_checked()
    {
        await ActAsAdminAsync();

        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() => Service(s => s.AddCountryAsync(new CountryInput { Code = "X1", Name = "Nowhere" }, CancellationToken.None)));
        Assert.Contains("code", invalid.Errors.Keys);
        var taken = await Assert.ThrowsAsync<RequestValidationException>(() => Service(s => s.AddCurrencyAsync(new CurrencyInput { Code = "EUR", Name = "Euro again", MinorUnits = 2 }, CancellationToken.None)));
        Assert.Contains("already on record", taken.Errors["code"][0], StringComparison.Ordinal);

        await Service(s => s.AddCurrencyAsync(new CurrencyInput { Code = "xts", Name = "Test units", MinorUnits = 3 }, CancellationToken.None));
        var added = (await Service(s => s.CurrenciesAsync("XTS", CancellationToken.None))).Single();
        await Service(async s =>
        {
            await s.SetCurrencyActiveAsync("XTS", added.Version, false, CancellationToken.None);
            return true;
        });
        var stale = added.Version;
        await Assert.ThrowsAsync<ConflictException>(() => Service(async s =>
        {
            await s.UpdateCurrencyAsync("XTS", stale, new CurrencyInput { Name = "Renamed", MinorUnits = 2 }, CancellationToken.None);
            return true;
        }));

        var row = (await Service(s => s.CurrenciesAsync("XTS", CancellationToken.None))).Single();
        Assert.False(row.IsActive);
        Assert.Equal("Test units", row.Name);
        var codes = await _app.InScopeAsync(s => s.GetRequiredService<ReferenceCodes>().IsActiveCurrencyAsync("XTS"));
        Assert.False(codes);
    }

    [Fact]
    public async Task Catalogue_entries_are_added_edited_and_deactivated_never_deleted()
    {
        await ActAsAdminAsync();
        Task<T> Catalogues<T>(Func<CatalogueAdminService, Task<T>> work) => _app.InScopeAsync(s => work(s.GetRequiredService<CatalogueAdminService>()));

        await Catalogues(s => s.AddAsync(CatalogueKind.TerritoryGroups, new CatalogueInput { Code = "iberia", Name = "Iberia", Countries = "es, PT" }, CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<RequestValidationException>(() =>
            Catalogues(s => s.AddAsync(CatalogueKind.TerritoryGroups, new CatalogueInput { Code = "atlantis", Name = "Atlantis", Countries = "AA, FR" }, CancellationToken.None)));
        Assert.Contains("AA", unknown.Errors["countries"][0], StringComparison.Ordinal);

        var domain = (await Catalogues(s => s.ListAsync(CatalogueKind.DecisionDomains, CancellationToken.None))).Single(d => d.Code == "music");
        await Catalogues(async s =>
        {
            await s.UpdateAsync(CatalogueKind.DecisionDomains, "music", domain.Version, new CatalogueInput { Name = "Music and composer", Description = domain.Description, IsCritical = true, SortOrder = 100 }, CancellationToken.None);
            return true;
        });
        var changed = (await Catalogues(s => s.ListAsync(CatalogueKind.DecisionDomains, CancellationToken.None))).Single(d => d.Code == "music");
        await Catalogues(async s =>
        {
            await s.SetActiveAsync(CatalogueKind.DecisionDomains, "music", changed.Version, false, CancellationToken.None);
            return true;
        });

        var music = (await Catalogues(s => s.ListAsync(CatalogueKind.DecisionDomains, CancellationToken.None))).Single(d => d.Code == "music");
        Assert.True(music.IsCritical);
        Assert.False(music.IsActive);
        Assert.Equal(["ES", "PT"], (await Catalogues(s => s.ListAsync(CatalogueKind.TerritoryGroups, CancellationToken.None))).Single(t => t.Code == "iberia").Countries);
        var audit = await _app.InScopeAsync(s => s.GetRequiredService<CoProdDbContext>().AuditEntries.Where(a => a.Area == "catalogue" && a.EntityKey == "decision-domain:music").ToListAsync());
        Assert.Contains(audit, a => a.Field == "Decision domain › Critical" && a.OldValue == "no" && a.NewValue == "yes");
        Assert.Contains(audit, a => a.Action == "deactivated" && a.Field == "Decision domain › Active");
    }

    [Fact]
    public async Task Disabling_a_user_locks_them_out_and_renews_their_security_stamp()
    {
        var admin = await ActAsAdminAsync();
        var invited = await _app.InScopeAsync(s => s.GetRequiredService<IUserAdministration>().InviteAsync(
            new InviteUserInput { Email = "nadia.reviewer@test.coprod.local", DisplayName = "Nadia Reviewer", Roles = ["Lawyer"] }, CancellationToken.None));
        Assert.Equal(23, invited.InitialPassword.Length);
        var stampBefore = await _app.InScopeAsync(async s => (await s.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(invited.Id.ToString()))!.SecurityStamp);

        await _app.InScopeAsync(s => s.GetRequiredService<IUserAdministration>().DisableAsync(invited.Id, CancellationToken.None));

        await _app.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(invited.Id.ToString()))!;
            Assert.NotNull(user.DisabledAt);
            Assert.True(await users.IsLockedOutAsync(user));
            Assert.NotEqual(stampBefore, user.SecurityStamp);
            Assert.True(await users.CheckPasswordAsync(user, invited.InitialPassword), "the password itself still matches; the lockout is what refuses sign-in");
        });
        var self = await Assert.ThrowsAsync<RequestValidationException>(() => _app.InScopeAsync(s => s.GetRequiredService<IUserAdministration>().DisableAsync(admin.Id, CancellationToken.None)));
        Assert.Contains("your own account", self.Errors["id"][0], StringComparison.Ordinal);
        var audit = await _app.InScopeAsync(s => s.GetRequiredService<CoProdDbContext>().AuditEntries.Where(a => a.Area == "user" && a.EntityKey == invited.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Equal(["invited", "disabled"], audit);
    }

    [Fact]
    public async Task An_initial_password_must_pass_the_password_rules()
    {
        await ActAsAdminAsync();

        var weak = await Assert.ThrowsAsync<RequestValidationException>(() => _app.InScopeAsync(s => s.GetRequiredService<IUserAdministration>().InviteAsync(
            new InviteUserInput { Email = "weak@test.coprod.local", DisplayName = "Weak", Roles = ["Producer"], Password = "short" }, CancellationToken.None)));

        Assert.Contains("password", weak.Errors.Keys);
        Assert.Null(await _app.InScopeAsync(s => s.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("weak@test.coprod.local")));
    }

    private Task<T> Deals<T>(Func<DealService, Task<T>> work) => _app.InScopeAsync(s => work(s.GetRequiredService<DealService>()));

    private Task<DealWorkspace> Workspace(Guid id) => _app.InScopeAsync(s => s.GetRequiredService<DealQueries>().GetAsync(id, CancellationToken.None));
}
