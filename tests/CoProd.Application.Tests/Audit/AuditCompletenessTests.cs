using System.Reflection;
using CoProd.Application.Audit;
using CoProd.Application.Catalogues;
using CoProd.Application.Deals;
using CoProd.Application.ReferenceData;
using CoProd.Application.Review;
using CoProd.Application.Tests.Review;
using CoProd.Application.Treaties;
using CoProd.Application.Users;
using CoProd.Domain.Deals;
using CoProd.Domain.Review;
using CoProd.Infrastructure.Persistence;
using CoProd.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProd.Application.Tests.Audit;

/// <summary>
/// Every change leaves an audit row. The application's command services are found by reflection (any service that
/// takes <see cref="DealStore"/> or <see cref="AuditTrail"/>, except the read-only *Queries); each public method is
/// either listed as a read or has a scenario below that runs it and must find new audit rows for the deal, by the
/// person who acted; administrators' changes (reference data, catalogues, treaties and, through
/// <see cref="IUserAdministration"/>, accounts) must leave rows by the administrator, on no deal. A new command
/// method without a scenario fails <see cref="Every_command_method_has_an_audit_scenario"/>.
/// </summary>
public sealed class AuditCompletenessTests : IClassFixture<ServiceHarness>, IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Public methods that change nothing.</summary>
    private static readonly HashSet<string> Reads =
    [
        "MemberService.ListAsync",
        "ReviewService.ThreadsAsync",
        "ReviewService.OpenChangeRequestsAsync",
        "DealRightsService.ChoicesAsync",
        "DealRightsService.PreviewTerritorySplitAsync",
        "DealRightsService.PreviewPlatformSplitAsync",
        "DealRightsService.PreviewJointControlAsync",
        "CatalogueAdminService.ListAsync",
        "ReferenceDataAdminService.CountriesAsync",
        "ReferenceDataAdminService.CurrenciesAsync",
        "TreatyAdminService.ListAsync",
        "TreatyAdminService.GetAsync",
        "TreatyAdminService.ExportAsync",
        "TreatyAdminService.PreviewAsync",
        "IUserAdministration.ListAsync",
        "IUserAdministration.GetAsync",
    ];

    private readonly ServiceHarness _app;
    private DealCast _cast = null!;

    public AuditCompletenessTests(ServiceHarness app) => _app = app;

    /// <summary>
    /// A deal with something of everything, its ids, and the version to change it from; <see cref="Prepared"/> is
    /// the id of what the scenario's preparation made (a second partner, a grant, a milestone …).
    /// </summary>
    public sealed record Scene(Guid DealId, uint Version, Guid PartnerId, Guid ContributionId, Guid PersonId, Guid ThreadId, Guid ResolvedThreadId, Guid ViewerId, string OutsiderEmail)
    {
        public Guid Prepared { get; init; }
    }

    /// <summary>Who acts on a deal in what state doing what; <see cref="Prepare"/> runs first, as the owner, before the audit rows are counted.</summary>
    public sealed record Scenario(Func<DealCast, TestUser> Actor, DealStatus Status, Func<IServiceProvider, Scene, Task> Run)
    {
        public Func<IServiceProvider, Scene, Task<Guid>>? Prepare { get; init; }
    }

    /// <summary>An administrator's change to reference data, treaties or accounts; <see cref="Prepare"/> runs first, as the administrator.</summary>
    public sealed record AdminScenario(Func<IServiceProvider, string, Task> Run)
    {
        public Func<IServiceProvider, Task<string>>? Prepare { get; init; }
    }

    /// <summary>One scenario per deal command method.</summary>
    private static readonly Dictionary<string, Scenario> Commands = new()
    {
        ["DealService.CreateAsync"] = new(c => c.Owner, DealStatus.Draft, (s, _) => Deals(s).CreateAsync(new ProjectInput { Title = "Another", Format = "documentary", Currency = "EUR", Budget = 1_000_000m }, None)),
        ["DealService.UpdateProjectAsync"] = new(c => c.Owner, DealStatus.Draft, (s, d) => Deals(s).UpdateProjectAsync(d.DealId, d.Version, new ProjectInput { Title = "Renamed", Format = "animation", Currency = "USD", Budget = 21_000_000m, Kind = "unofficial" }, None)),
        ["DealService.AddPartnerAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Deals(s).AddPartnerAsync(d.DealId, d.Version, new PartnerInputForm { Company = "Pacific Pictures", Country = "US", Role = "minority" }, None)),
        ["DealService.UpdatePartnerAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Deals(s).UpdatePartnerAsync(d.DealId, d.Version, d.PartnerId, new PartnerInputForm { Company = "Tokyo Anima Studio", Country = "JP", Role = "majorityDelegate" }, None)),
        ["DealService.RemovePartnerAsync"] = new(c => c.Owner, DealStatus.Draft, (s, d) => Deals(s).RemovePartnerAsync(d.DealId, d.Version, d.PartnerId, None)),
        ["DealService.AddContributionAsync"] = new(c => c.Owner, DealStatus.Draft, (s, d) => Deals(s).AddContributionAsync(d.DealId, d.Version, Contribution(d.PartnerId, 500_000m), None)),
        ["DealService.UpdateContributionAsync"] = new(c => c.Owner, DealStatus.Draft, (s, d) => Deals(s).UpdateContributionAsync(d.DealId, d.Version, d.ContributionId, Contribution(d.PartnerId, 750_000m), None)),
        ["DealService.RemoveContributionAsync"] = new(c => c.Owner, DealStatus.Draft, (s, d) => Deals(s).RemoveContributionAsync(d.DealId, d.Version, d.ContributionId, None)),
        ["DealService.SetOveragesAsync"] = new(c => c.Owner, DealStatus.Draft, (s, d) => Deals(s).SetOveragesAsync(d.DealId, d.Version, new OverageInputForm { Mode = "borneByPartner", ResponsiblePartnerId = d.PartnerId }, None)),
        ["DealService.AddKeyPersonAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Deals(s).AddKeyPersonAsync(d.DealId, d.Version, new KeyPersonInputForm { Role = "scriptwriter", Name = "Aiko Sato", Nationality = "JP" }, None)),
        ["DealService.UpdateKeyPersonAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Deals(s).UpdateKeyPersonAsync(d.DealId, d.Version, d.PersonId, new KeyPersonInputForm { Role = "director", Name = "Kenji Mori", Nationality = "JP", Residence = "US" }, None)),
        ["DealService.RemoveKeyPersonAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Deals(s).RemoveKeyPersonAsync(d.DealId, d.Version, d.PersonId, None)),
        ["DealService.AddLocationAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Deals(s).AddLocationAsync(d.DealId, d.Version, new LocationInputForm { Kind = "postProduction", Country = "US" }, None)),
        ["DealService.RemoveLocationAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Deals(s).RemoveLocationAsync(d.DealId, d.Version, 0, None)),
        ["DealService.RecordEligibilityAsync"] = new(c => c.Owner, DealStatus.Draft, async (s, d) =>
        {
            var version = await Deals(s).SetKindAsync(d.DealId, d.Version, DealKind.Official, "ca-gb", None);
            await Deals(s).RecordEligibilityAsync(d.DealId, version, None);
        }
        ),
        ["DealService.SetKindAsync"] = new(c => c.Owner, DealStatus.Draft, (s, d) => Deals(s).SetKindAsync(d.DealId, d.Version, DealKind.Official, "ca-gb", None)),
        ["MemberService.InviteAsync"] = new(c => c.Owner, DealStatus.Draft, (s, d) => s.GetRequiredService<MemberService>().InviteAsync(d.DealId, d.Version, new InviteInput { Email = d.OutsiderEmail, Role = "viewer" }, None)),
        ["MemberService.ChangeRoleAsync"] = new(c => c.Owner, DealStatus.Draft, (s, d) => s.GetRequiredService<MemberService>().ChangeRoleAsync(d.DealId, d.Version, d.ViewerId, "editor", None)),
        ["MemberService.RemoveAsync"] = new(c => c.Owner, DealStatus.Draft, (s, d) => s.GetRequiredService<MemberService>().RemoveAsync(d.DealId, d.Version, d.ViewerId, None)),
        ["DealWorkflowService.TransitionAsync"] = new(c => c.Owner, DealStatus.Draft, (s, d) => s.GetRequiredService<DealWorkflowService>().TransitionAsync(d.DealId, d.Version, DealAction.SubmitForReview, null, None)),
        ["ReviewService.AddAsync"] = new(c => c.Reviewer, DealStatus.InLegalReview, (s, d) => s.GetRequiredService<ReviewService>().AddAsync(d.DealId, new CommentInput { Anchor = "rights", Body = "Who holds SVOD in Asia?", ChangeRequest = true }, None)),
        ["ReviewService.ResolveAsync"] = new(c => c.Reviewer, DealStatus.InLegalReview, (s, d) => s.GetRequiredService<ReviewService>().ResolveAsync(d.DealId, d.ThreadId, None)),
        ["ReviewService.ReopenAsync"] = new(c => c.Owner, DealStatus.InLegalReview, (s, d) => s.GetRequiredService<ReviewService>().ReopenAsync(d.DealId, d.ResolvedThreadId, None)),
        ["DealSectionsService.SetDecisionRuleAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Sections(s).SetDecisionRuleAsync(d.DealId, d.Version, new DecisionRuleInput { DomainCode = "final-cut", Mode = "soleAuthority", DeciderPartnerId = d.PartnerId }, None)),
        ["DealSectionsService.ClearDecisionRuleAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Sections(s).ClearDecisionRuleAsync(d.DealId, d.Version, "final-cut", None))
        {
            Prepare = async (s, d) =>
            {
                await Sections(s).SetDecisionRuleAsync(d.DealId, await VersionAsync(s, d), new DecisionRuleInput { DomainCode = "final-cut", Mode = "soleAuthority", DeciderPartnerId = d.PartnerId }, None);
                return Guid.Empty;
            },
        },
        ["DealSectionsService.AddMilestoneAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Sections(s).AddMilestoneAsync(d.DealId, d.Version, Milestone("Animatic"), None)),
        ["DealSectionsService.UpdateMilestoneAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Sections(s).UpdateMilestoneAsync(d.DealId, d.Version, d.Prepared, Milestone("Animatic locked"), None)) { Prepare = PrepareMilestone },
        ["DealSectionsService.RemoveMilestoneAsync"] = new(c => c.Owner, DealStatus.Draft, (s, d) => Sections(s).RemoveMilestoneAsync(d.DealId, d.Version, d.Prepared, None)) { Prepare = PrepareMilestone },
        ["DealSectionsService.SetLegalTermsAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Sections(s).SetLegalTermsAsync(d.DealId, d.Version, new LegalTermsInput { GoverningLaw = "JP", DisputeResolution = "arbitration", Seat = "Tokyo" }, None)),
        ["DealSectionsService.AddTaxIncentiveAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Sections(s).AddTaxIncentiveAsync(d.DealId, d.Version, new TaxIncentiveInput { PartnerId = d.PartnerId, Incentive = "Japan Location Incentive" }, None)),
        ["DealSectionsService.RemoveTaxIncentiveAsync"] = new(c => c.Owner, DealStatus.Draft, (s, d) => Sections(s).RemoveTaxIncentiveAsync(d.DealId, d.Version, 0, None))
        {
            Prepare = async (s, d) =>
            {
                await Sections(s).AddTaxIncentiveAsync(d.DealId, await VersionAsync(s, d), new TaxIncentiveInput { PartnerId = d.PartnerId, Incentive = "Japan Location Incentive" }, None);
                return Guid.Empty;
            },
        },
        ["DealRightsService.AddGrantAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Rights(s).AddGrantAsync(d.DealId, d.Version, Grant(d.PartnerId), None)),
        ["DealRightsService.UpdateGrantAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Rights(s).UpdateGrantAsync(d.DealId, d.Version, d.Prepared, new GrantInput { PartnerId = d.PartnerId, TerritoryGroups = ["asia"], Media = ["theatrical"] }, None)) { Prepare = PrepareGrant },
        ["DealRightsService.RemoveGrantAsync"] = new(c => c.Owner, DealStatus.Draft, (s, d) => Rights(s).RemoveGrantAsync(d.DealId, d.Version, d.Prepared, None)) { Prepare = PrepareGrant },
        ["DealRightsService.ApplyTerritorySplitAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Rights(s).ApplyTerritorySplitAsync(d.DealId, d.Version,
            new TerritorySplitInput { Shares = [new() { PartnerId = d.PartnerId, Countries = "JP" }, new() { PartnerId = d.Prepared, Countries = "US" }], Media = ["theatrical"] }, None))
        { Prepare = PrepareSecondPartner },
        ["DealRightsService.ApplyPlatformSplitAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Rights(s).ApplyPlatformSplitAsync(d.DealId, d.Version,
            new PlatformSplitInput { Shares = [new() { PartnerId = d.PartnerId, Media = ["theatrical"] }, new() { PartnerId = d.Prepared, Media = ["svod"] }] }, None))
        { Prepare = PrepareSecondPartner },
        ["DealRightsService.ApplyJointControlAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Rights(s).ApplyJointControlAsync(d.DealId, d.Version, new JointControlInput(), None)) { Prepare = PrepareSecondPartner },
        ["DealRightsService.AddBuyoutAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Rights(s).AddBuyoutAsync(d.DealId, d.Version, Buyout(d.PartnerId, d.Prepared), None)) { Prepare = PrepareSecondPartner },
        ["DealRightsService.RemoveBuyoutAsync"] = new(c => c.Owner, DealStatus.Draft, (s, d) => Rights(s).RemoveBuyoutAsync(d.DealId, d.Version, d.Prepared, None))
        {
            Prepare = async (s, d) =>
            {
                var other = await PrepareSecondPartner(s, d);
                await Rights(s).AddBuyoutAsync(d.DealId, await VersionAsync(s, d), Buyout(d.PartnerId, other), None);
                return (await DocumentAsync(s, d)).Rights.Buyouts[0].Id;
            },
        },
        ["DealRightsService.AddGuaranteeAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Rights(s).AddGuaranteeAsync(d.DealId, d.Version, Guarantee(d.PartnerId), None)),
        ["DealRightsService.RemoveGuaranteeAsync"] = new(c => c.Owner, DealStatus.Draft, (s, d) => Rights(s).RemoveGuaranteeAsync(d.DealId, d.Version, d.Prepared, None))
        {
            Prepare = async (s, d) =>
            {
                await Rights(s).AddGuaranteeAsync(d.DealId, await VersionAsync(s, d), Guarantee(d.PartnerId), None);
                return (await DocumentAsync(s, d)).Rights.Guarantees[0].Id;
            },
        },
        ["DealRightsService.SetTermsAsync"] = new(c => c.Editor, DealStatus.Draft, (s, d) => Rights(s).SetTermsAsync(d.DealId, d.Version, new RightsTermsInput { Structure = "Territory split", RevenueSharing = "Net receipts 60/40." }, None)),
    };

    /// <summary>One scenario per administrator command method (reference data, catalogues, treaties, accounts).</summary>
    private static readonly Dictionary<string, AdminScenario> AdminCommands = new()
    {
        ["CatalogueAdminService.AddAsync"] = new((s, _) => Catalogues(s).AddAsync(CatalogueKind.Media, new CatalogueInput { Code = $"medium-{Guid.NewGuid():N}"[..20], Name = "Audit medium", SortOrder = 95 }, None)),
        ["CatalogueAdminService.UpdateAsync"] = new(async (s, code) =>
            await Catalogues(s).UpdateAsync(CatalogueKind.Media, code, await CatalogueVersionAsync(s, code), new CatalogueInput { Name = "Audit medium, renamed", SortOrder = 96 }, None))
        { Prepare = PrepareMedium },
        ["CatalogueAdminService.SetActiveAsync"] = new(async (s, code) => await Catalogues(s).SetActiveAsync(CatalogueKind.Media, code, await CatalogueVersionAsync(s, code), false, None)) { Prepare = PrepareMedium },
        ["ReferenceDataAdminService.AddCountryAsync"] = new((s, _) => Reference(s).AddCountryAsync(new CountryInput { Code = "XQ", Name = "Audit land" }, None)),
        ["ReferenceDataAdminService.RenameCountryAsync"] = new(async (s, _) =>
            await Reference(s).RenameCountryAsync("MT", (await Reference(s).CountriesAsync("Malta", None)).Single(c => c.Code == "MT").Version, new CountryInput { Name = "Republic of Malta" }, None)),
        ["ReferenceDataAdminService.SetCountryActiveAsync"] = new(async (s, _) =>
            await Reference(s).SetCountryActiveAsync("TV", (await Reference(s).CountriesAsync("Tuvalu", None)).Single(c => c.Code == "TV").Version, false, None)),
        ["ReferenceDataAdminService.AddCurrencyAsync"] = new((s, _) => Reference(s).AddCurrencyAsync(new CurrencyInput { Code = "XQA", Name = "Audit crown", MinorUnits = 2 }, None)),
        ["ReferenceDataAdminService.UpdateCurrencyAsync"] = new(async (s, _) =>
            await Reference(s).UpdateCurrencyAsync("ISK", (await Reference(s).CurrenciesAsync("ISK", None)).Single(c => c.Code == "ISK").Version, new CurrencyInput { Name = "Icelandic króna", MinorUnits = 0 }, None)),
        ["ReferenceDataAdminService.SetCurrencyActiveAsync"] = new(async (s, _) =>
            await Reference(s).SetCurrencyActiveAsync("HUF", (await Reference(s).CurrenciesAsync("HUF", None)).Single(c => c.Code == "HUF").Version, false, None)),
        ["ReferenceDataAdminService.AddRateAsync"] = new((s, _) => Reference(s).AddRateAsync(Rate(new DateOnly(2026, 5, 4)), None)),
        ["ReferenceDataAdminService.RemoveRateAsync"] = new((s, id) => Reference(s).RemoveRateAsync(Guid.Parse(id), None))
        {
            Prepare = async s => (await Reference(s).AddRateAsync(Rate(new DateOnly(2026, 5, 5)), None)).ToString(),
        },
        ["ReferenceDataAdminService.ImportRatesAsync"] = new(async (s, _) =>
            Assert.True((await Reference(s).ImportRatesAsync("date,base,quote,rate,source\n2026-05-06,EUR,JPY,162.5,ECB\n", None)).Succeeded)),
        ["TreatyAdminService.CreateAsync"] = new((s, _) => Treaties(s).CreateAsync(TreatyDetails($"audit-{Guid.NewGuid():N}"[..20]), None)),
        ["TreatyAdminService.UpdateDetailsAsync"] = new(async (s, code) =>
        {
            var details = TreatyDetails(code);
            details.Name = "Renamed for the audit";
            await Treaties(s).UpdateDetailsAsync(code, (await Treaties(s).GetAsync(code, None)).Version, details, None);
        })
        { Prepare = PrepareTreaty },
        ["TreatyAdminService.EndAsync"] = new(async (s, code) => await Treaties(s).EndAsync(code, (await Treaties(s).GetAsync(code, None)).Version, new DateOnly(2031, 1, 1), "Denounced.", None)) { Prepare = PrepareTreaty },
        ["TreatyAdminService.CreateDraftAsync"] = new(async (s, code) => await Treaties(s).CreateDraftAsync(code, (await Treaties(s).GetAsync(code, None)).Version, TreatyRules(15m), None)) { Prepare = PrepareTreaty },
        ["TreatyAdminService.ReviseDraftAsync"] = new(async (s, code) =>
        {
            var treaty = await Treaties(s).GetAsync(code, None);
            await Treaties(s).ReviseDraftAsync(code, treaty.Version, treaty.Draft!.Number!.Value, TreatyRules(12m), None);
        })
        { Prepare = PrepareDraft },
        ["TreatyAdminService.PublishAsync"] = new(async (s, code) =>
        {
            var treaty = await Treaties(s).GetAsync(code, None);
            await Treaties(s).PublishAsync(code, treaty.Version, treaty.Draft!.Number!.Value, new DateOnly(2025, 1, 1), None);
        })
        { Prepare = PrepareDraft },
        ["TreatyAdminService.DiscardDraftAsync"] = new(async (s, code) =>
        {
            var treaty = await Treaties(s).GetAsync(code, None);
            await Treaties(s).DiscardDraftAsync(code, treaty.Version, treaty.Draft!.Number!.Value, None);
        })
        { Prepare = PrepareDraft },
        ["TreatyAdminService.ImportAsync"] = new(async (s, _) =>
        {
            var treaty = TreatyDetails($"audit-{Guid.NewGuid():N}"[..20]);
            treaty.RuleVersions = [TreatyRules(20m)];
            var file = new TreatyFileDto { Format = TreatyFileDto.CurrentFormat, Treaties = [treaty] };
            Assert.Empty((await Treaties(s).ImportAsync(TreatyAdminService.Serialize(file), None)).Errors);
        }),
        ["IUserAdministration.InviteAsync"] = new((s, _) => Users(s).InviteAsync(new InviteUserInput { Email = $"audit-{Guid.NewGuid():N}@test.coprod.local", DisplayName = "Audit Invitee", Roles = [Roles.Lawyer] }, None)),
        ["IUserAdministration.SetRolesAsync"] = new((s, id) => Users(s).SetRolesAsync(Guid.Parse(id), [Roles.Producer, Roles.Lawyer], None)) { Prepare = PrepareAccount },
        ["IUserAdministration.ResetPasswordAsync"] = new((s, id) => Users(s).ResetPasswordAsync(Guid.Parse(id), None)) { Prepare = PrepareAccount },
        ["IUserAdministration.DisableAsync"] = new((s, id) => Users(s).DisableAsync(Guid.Parse(id), None)) { Prepare = PrepareAccount },
        ["IUserAdministration.EnableAsync"] = new((s, id) => Users(s).EnableAsync(Guid.Parse(id), None))
        {
            Prepare = async s =>
            {
                var id = await PrepareAccount(s);
                await Users(s).DisableAsync(Guid.Parse(id), None);
                return id;
            },
        },
    };

    public async Task InitializeAsync() => _cast = await DealCast.ForAsync(_app);

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> CommandNames() => [.. Commands.Keys.Order(StringComparer.Ordinal)];

    public static TheoryData<string> AdminCommandNames() => [.. AdminCommands.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_command_method_has_an_audit_scenario()
    {
        var services = typeof(DealStore).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t != typeof(DealStore) && !t.Name.EndsWith("Queries", StringComparison.Ordinal))
            .Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(DealStore) || p.ParameterType == typeof(AuditTrail))))
            .ToList();
        // Accounts are administered in Infrastructure (Identity) behind this interface.
        services.Add(typeof(IUserAdministration));
        var methods = services
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName).Select(m => $"{t.Name}.{m.Name}"))
            .Distinct()
            .ToList();

        Assert.Contains("DealService", services.Select(t => t.Name));
        Assert.Contains("ReviewService", services.Select(t => t.Name));
        Assert.Contains("TreatyAdminService", services.Select(t => t.Name));
        var missing = methods.Where(m => !Commands.ContainsKey(m) && !AdminCommands.ContainsKey(m) && !Reads.Contains(m)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "These public service methods have no audit scenario (add one to Commands or AdminCommands, or list them in Reads if they change nothing): " + string.Join(", ", missing));
        var stale = Commands.Keys.Concat(AdminCommands.Keys).Concat(Reads).Where(m => !methods.Contains(m)).ToList();
        Assert.True(stale.Count == 0, "These scenarios name methods that do not exist: " + string.Join(", ", stale));
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public async Task Each_command_leaves_audit_rows_by_the_person_who_acted(string command)
    {
        var (actorOf, status, run) = Commands[command];
        var scene = await SceneAsync(status);
        if (Commands[command].Prepare is { } prepare)
        {
            _app.User.ActAs(_cast.Owner);
            scene = scene with { Prepared = await _app.InScopeAsync(s => prepare(s, scene)) };
        }

        var actor = actorOf(_cast);
        var before = await AuditIdsAsync();
        _app.User.ActAs(actor);
        var version = (await _app.InScopeAsync(s => s.GetRequiredService<DealQueries>().GetAsync(scene.DealId, None))).Version;

        await _app.InScopeAsync(s => run(s, scene with { Version = version }));

        var rows = await _app.InScopeAsync(s => s.GetRequiredService<CoProdDbContext>().AuditEntries.AsNoTracking().Where(a => !before.Contains(a.Id)).ToListAsync());
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal((actor.Id, actor.DisplayName), (r.UserId!.Value, r.UserName)));
        Assert.All(rows, r => Assert.NotEqual("no field changed", r.NewValue));
        if (command != "DealService.CreateAsync")
        {
            Assert.All(rows, r => Assert.Equal(scene.DealId, r.DealId));
        }
    }

    [Theory]
    [MemberData(nameof(AdminCommandNames))]
    public async Task Each_administrator_command_leaves_audit_rows_by_the_administrator(string command)
    {
        var scenario = AdminCommands[command];
        var admin = await _app.CreateUserAsync(Roles.Admin, "Ada Admin");
        _app.User.ActAs(admin);
        var prepared = scenario.Prepare is { } prepare ? await _app.InScopeAsync(prepare) : string.Empty;
        var before = await AuditIdsAsync();

        await _app.InScopeAsync(s => scenario.Run(s, prepared));

        var rows = await _app.InScopeAsync(s => s.GetRequiredService<CoProdDbContext>().AuditEntries.AsNoTracking().Where(a => !before.Contains(a.Id)).ToListAsync());
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal((admin.Id, admin.DisplayName), (r.UserId!.Value, r.UserName)));
        Assert.All(rows, r => Assert.Null(r.DealId));
    }

    [Fact]
    public async Task Saving_a_comment_a_version_or_a_membership_without_an_audit_row_is_refused()
    {
        var scene = await SceneAsync(DealStatus.InLegalReview);

        var comment = await Assert.ThrowsAsync<InvalidOperationException>(() => _app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CoProdDbContext>();
            db.ReviewComments.Add(new ReviewComment(Guid.NewGuid(), scene.DealId, null, "deal", "Behind the audit trail's back", false, _cast.Owner.Id, "Olivia Owner", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }));
        var version = await Assert.ThrowsAsync<InvalidOperationException>(() => _app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CoProdDbContext>();
            db.DealVersions.Add(new DealVersion(Guid.NewGuid(), scene.DealId, 99, DealStatus.Draft, DealStatus.Signed, "{}", DateTimeOffset.UtcNow, _cast.Owner.Id, "Olivia Owner", null));
            await db.SaveChangesAsync();
        }));
        var member = await Assert.ThrowsAsync<InvalidOperationException>(() => _app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CoProdDbContext>();
            var deal = await db.Deals.Include(d => d.Members).SingleAsync(d => d.Id == scene.DealId);
            deal.AddMember(_cast.Outsider.Id, PersonKind.Producer, MemberRole.Owner, _cast.Outsider.Id, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }));

        Assert.All([comment, version, member], e => Assert.Contains("without an audit entry", e.Message, StringComparison.Ordinal));
        _app.User.ActAs(_cast.Owner);
        Assert.DoesNotContain(await _app.InScopeAsync(s => s.GetRequiredService<MemberService>().ListAsync(scene.DealId, None)), m => m.UserId == _cast.Outsider.Id);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_audit_row()
    {
        await SceneAsync(DealStatus.Draft);

        var update = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => _app.InScopeAsync(s =>
            s.GetRequiredService<CoProdDbContext>().Database.ExecuteSqlRawAsync("UPDATE audit_entries SET new_value = 'forged'")));
        var delete = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => _app.InScopeAsync(s =>
            s.GetRequiredService<CoProdDbContext>().Database.ExecuteSqlRawAsync("DELETE FROM audit_entries")));

        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.MessageText, StringComparison.Ordinal);
    }

    private static DealService Deals(IServiceProvider services) => services.GetRequiredService<DealService>();

    private static DealSectionsService Sections(IServiceProvider services) => services.GetRequiredService<DealSectionsService>();

    private static DealRightsService Rights(IServiceProvider services) => services.GetRequiredService<DealRightsService>();

    private static CatalogueAdminService Catalogues(IServiceProvider services) => services.GetRequiredService<CatalogueAdminService>();

    private static ReferenceDataAdminService Reference(IServiceProvider services) => services.GetRequiredService<ReferenceDataAdminService>();

    private static TreatyAdminService Treaties(IServiceProvider services) => services.GetRequiredService<TreatyAdminService>();

    private static IUserAdministration Users(IServiceProvider services) => services.GetRequiredService<IUserAdministration>();

    private static async Task<DealDocument> DocumentAsync(IServiceProvider services, Scene scene) =>
        (await services.GetRequiredService<DealQueries>().GetAsync(scene.DealId, None)).Deal;

    private static async Task<uint> VersionAsync(IServiceProvider services, Scene scene) =>
        (await services.GetRequiredService<DealQueries>().GetAsync(scene.DealId, None)).Version;

    private static MilestoneInput Milestone(string name) => new() { Name = name, DueDate = new DateOnly(2027, 3, 1), Status = "planned", BufferDays = 5 };

    private static GrantInput Grant(Guid partnerId) => new() { PartnerId = partnerId, Countries = "JP", Media = ["theatrical"], Exclusive = true };

    private static BuyoutInput Buyout(Guid holder, Guid from) => new() { HolderPartnerId = holder, FromPartnerId = from, Trigger = "a deadlock on distribution", PriceBasis = "fair market value" };

    private static GuaranteeInput Guarantee(Guid partnerId) => new() { PartnerId = partnerId, Amount = 1_500_000m, Currency = "USD", Territory = "asia" };

    private static async Task<Guid> PrepareMilestone(IServiceProvider services, Scene scene)
    {
        await Sections(services).AddMilestoneAsync(scene.DealId, await VersionAsync(services, scene), Milestone("Animatic"), None);
        return (await DocumentAsync(services, scene)).Milestones[0].Id;
    }

    private static async Task<Guid> PrepareGrant(IServiceProvider services, Scene scene)
    {
        await Rights(services).AddGrantAsync(scene.DealId, await VersionAsync(services, scene), Grant(scene.PartnerId), None);
        return (await DocumentAsync(services, scene)).Rights.Grants[0].Id;
    }

    private static async Task<Guid> PrepareSecondPartner(IServiceProvider services, Scene scene)
    {
        await Deals(services).AddPartnerAsync(scene.DealId, await VersionAsync(services, scene), new PartnerInputForm { Company = "Pacific Pictures", Country = "US", Role = "minority" }, None);
        return (await DocumentAsync(services, scene)).Partners.Single(p => p.Company == "Pacific Pictures").Id;
    }

    private static async Task<string> PrepareMedium(IServiceProvider services)
    {
        var code = $"medium-{Guid.NewGuid():N}"[..20];
        await Catalogues(services).AddAsync(CatalogueKind.Media, new CatalogueInput { Code = code, Name = "Audit medium", SortOrder = 95 }, None);
        return code;
    }

    private static async Task<uint> CatalogueVersionAsync(IServiceProvider services, string code) =>
        (await Catalogues(services).ListAsync(CatalogueKind.Media, None)).Single(r => r.Code == code).Version;

    private static ExchangeRateInput Rate(DateOnly on) => new() { On = on, Base = "EUR", Quote = "JPY", Rate = 162.4m, Source = "ECB reference rate" };

    private static TreatyDto TreatyDetails(string code) => new()
    {
        Code = code,
        Name = $"Audit agreement {code}",
        Kind = "bilateral",
        Parties = [new TreatyPartyDto { Country = "FR" }, new TreatyPartyDto { Country = "JP" }],
        InForceFrom = new DateOnly(2019, 1, 1),
        Sources = [new SourceDto { Article = "Agreement text", Url = "https://example.org/treaty", Confidence = "solid" }],
    };

    private static RuleVersionDto TreatyRules(decimal minimum) => new()
    {
        ChangeNote = $"minimum {minimum} %",
        Rules = new RuleSetDto { BilateralShares = new ShareBandDto { Minimum = minimum, Maximum = 100m - minimum, Source = new SourceDto { Article = "Art. 6", Url = "https://example.org/treaty", Confidence = "solid" } } },
    };

    private static async Task<string> PrepareTreaty(IServiceProvider services)
    {
        var code = await Treaties(services).CreateAsync(TreatyDetails($"audit-{Guid.NewGuid():N}"[..20]), None);
        var (version, number) = await Treaties(services).CreateDraftAsync(code, (await Treaties(services).GetAsync(code, None)).Version, TreatyRules(20m), None);
        await Treaties(services).PublishAsync(code, version, number, new DateOnly(2020, 1, 1), None);
        return code;
    }

    private static async Task<string> PrepareDraft(IServiceProvider services)
    {
        var code = await PrepareTreaty(services);
        await Treaties(services).CreateDraftAsync(code, (await Treaties(services).GetAsync(code, None)).Version, TreatyRules(15m), None);
        return code;
    }

    private static async Task<string> PrepareAccount(IServiceProvider services) =>
        (await Users(services).InviteAsync(new InviteUserInput { Email = $"audit-{Guid.NewGuid():N}@test.coprod.local", DisplayName = "Audit Account", Roles = [Roles.Producer] }, None)).Id.ToString();

    private static ContributionInputForm Contribution(Guid partnerId, decimal amount) =>
        new() { PartnerId = partnerId, Kind = "cash", Description = "Production finance", Amount = amount, Currency = "USD", SpendCountry = "JP" };

    private Task<HashSet<long>> AuditIdsAsync() =>
        _app.InScopeAsync(async s => (await s.GetRequiredService<CoProdDbContext>().AuditEntries.Select(a => a.Id).ToListAsync()).ToHashSet());

    /// <summary>A deal with a partner, a contribution, a key person, a place, an open and a resolved thread, in the status asked for.</summary>
    private async Task<Scene> SceneAsync(DealStatus status)
    {
        var id = await _cast.NewDealAsync();
        var partnerId = (await _app.InScopeAsync(s => s.GetRequiredService<DealQueries>().GetAsync(id, None))).Deal.Partners[0].Id;
        var version = await _cast.VersionAsync(id);
        version = await _cast.InScope<DealService, uint>(s => s.AddContributionAsync(id, version, Contribution(partnerId, 1_000_000m), None));
        version = await _cast.InScope<DealService, uint>(s => s.AddKeyPersonAsync(id, version, new KeyPersonInputForm { Role = "director", Name = "Kenji Mori", Nationality = "JP" }, None));
        await _cast.InScope<DealService, uint>(s => s.AddLocationAsync(id, version, new LocationInputForm { Kind = "shooting", Country = "JP" }, None));
        var document = (await _app.InScopeAsync(s => s.GetRequiredService<DealQueries>().GetAsync(id, None))).Deal;
        var thread = await _cast.InScope<ReviewService, Guid>(s => s.AddAsync(id, new CommentInput { Anchor = "overview", Body = "Is the budget final?" }, None));
        var resolved = await _cast.InScope<ReviewService, Guid>(s => s.AddAsync(id, new CommentInput { Anchor = "people", Body = "Composer?" }, None));
        await _app.InScopeAsync(s => s.GetRequiredService<ReviewService>().ResolveAsync(id, resolved, None));
        if (status == DealStatus.InLegalReview)
        {
            await _cast.StepAsync(id, _cast.Owner, DealAction.SubmitForReview);
        }

        return new Scene(id, 0, partnerId, document.Partners[0].Contributions[0].Id, document.KeyPeople[0].Id, thread, resolved, _cast.Viewer.Id, _cast.Outsider.Email);
    }
}
