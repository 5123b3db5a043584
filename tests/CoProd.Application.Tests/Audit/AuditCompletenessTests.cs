using System.Reflection;
using CoProd.Application.Audit;
using CoProd.Application.Deals;
using CoProd.Application.Review;
using CoProd.Application.Tests.Review;
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
/// person who acted. A new command method without a scenario fails <see cref="Every_command_method_has_an_audit_scenario"/>.
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
    ];

    private readonly ServiceHarness _app;
    private DealCast _cast = null!;

    public AuditCompletenessTests(ServiceHarness app) => _app = app;

    /// <summary>A deal with something of everything, its ids, and the version to change it from.</summary>
    public sealed record Scene(Guid DealId, uint Version, Guid PartnerId, Guid ContributionId, Guid PersonId, Guid ThreadId, Guid ResolvedThreadId, Guid ViewerId, string OutsiderEmail);

    /// <summary>One scenario per command method: who acts, on what state, doing what.</summary>
    private static readonly Dictionary<string, (Func<DealCast, TestUser> Actor, DealStatus Status, Func<IServiceProvider, Scene, Task> Run)> Commands = new()
    {
        ["DealService.CreateAsync"] = (c => c.Owner, DealStatus.Draft, (s, _) => Deals(s).CreateAsync(new ProjectInput { Title = "Another", Format = "documentary", Currency = "EUR", Budget = 1_000_000m }, None)),
        ["DealService.UpdateProjectAsync"] = (c => c.Owner, DealStatus.Draft, (s, d) => Deals(s).UpdateProjectAsync(d.DealId, d.Version, new ProjectInput { Title = "Renamed", Format = "animation", Currency = "USD", Budget = 21_000_000m, Kind = "unofficial" }, None)),
        ["DealService.AddPartnerAsync"] = (c => c.Editor, DealStatus.Draft, (s, d) => Deals(s).AddPartnerAsync(d.DealId, d.Version, new PartnerInputForm { Company = "Pacific Pictures", Country = "US", Role = "minority" }, None)),
        ["DealService.UpdatePartnerAsync"] = (c => c.Editor, DealStatus.Draft, (s, d) => Deals(s).UpdatePartnerAsync(d.DealId, d.Version, d.PartnerId, new PartnerInputForm { Company = "Tokyo Anima Studio", Country = "JP", Role = "majorityDelegate" }, None)),
        ["DealService.RemovePartnerAsync"] = (c => c.Owner, DealStatus.Draft, (s, d) => Deals(s).RemovePartnerAsync(d.DealId, d.Version, d.PartnerId, None)),
        ["DealService.AddContributionAsync"] = (c => c.Owner, DealStatus.Draft, (s, d) => Deals(s).AddContributionAsync(d.DealId, d.Version, Contribution(d.PartnerId, 500_000m), None)),
        ["DealService.UpdateContributionAsync"] = (c => c.Owner, DealStatus.Draft, (s, d) => Deals(s).UpdateContributionAsync(d.DealId, d.Version, d.ContributionId, Contribution(d.PartnerId, 750_000m), None)),
        ["DealService.RemoveContributionAsync"] = (c => c.Owner, DealStatus.Draft, (s, d) => Deals(s).RemoveContributionAsync(d.DealId, d.Version, d.ContributionId, None)),
        ["DealService.SetOveragesAsync"] = (c => c.Owner, DealStatus.Draft, (s, d) => Deals(s).SetOveragesAsync(d.DealId, d.Version, new OverageInputForm { Mode = "borneByPartner", ResponsiblePartnerId = d.PartnerId }, None)),
        ["DealService.AddKeyPersonAsync"] = (c => c.Editor, DealStatus.Draft, (s, d) => Deals(s).AddKeyPersonAsync(d.DealId, d.Version, new KeyPersonInputForm { Role = "scriptwriter", Name = "Aiko Sato", Nationality = "JP" }, None)),
        ["DealService.UpdateKeyPersonAsync"] = (c => c.Editor, DealStatus.Draft, (s, d) => Deals(s).UpdateKeyPersonAsync(d.DealId, d.Version, d.PersonId, new KeyPersonInputForm { Role = "director", Name = "Kenji Mori", Nationality = "JP", Residence = "US" }, None)),
        ["DealService.RemoveKeyPersonAsync"] = (c => c.Editor, DealStatus.Draft, (s, d) => Deals(s).RemoveKeyPersonAsync(d.DealId, d.Version, d.PersonId, None)),
        ["DealService.AddLocationAsync"] = (c => c.Editor, DealStatus.Draft, (s, d) => Deals(s).AddLocationAsync(d.DealId, d.Version, new LocationInputForm { Kind = "postProduction", Country = "US" }, None)),
        ["DealService.RemoveLocationAsync"] = (c => c.Editor, DealStatus.Draft, (s, d) => Deals(s).RemoveLocationAsync(d.DealId, d.Version, 0, None)),
        ["DealService.RecordEligibilityAsync"] = (c => c.Owner, DealStatus.Draft, async (s, d) =>
        {
            var version = await Deals(s).SetKindAsync(d.DealId, d.Version, DealKind.Official, "ca-gb", None);
            await Deals(s).RecordEligibilityAsync(d.DealId, version, None);
        }
        ),
        ["DealService.SetKindAsync"] = (c => c.Owner, DealStatus.Draft, (s, d) => Deals(s).SetKindAsync(d.DealId, d.Version, DealKind.Official, "ca-gb", None)),
        ["MemberService.InviteAsync"] = (c => c.Owner, DealStatus.Draft, (s, d) => s.GetRequiredService<MemberService>().InviteAsync(d.DealId, d.Version, new InviteInput { Email = d.OutsiderEmail, Role = "viewer" }, None)),
        ["MemberService.ChangeRoleAsync"] = (c => c.Owner, DealStatus.Draft, (s, d) => s.GetRequiredService<MemberService>().ChangeRoleAsync(d.DealId, d.Version, d.ViewerId, "editor", None)),
        ["MemberService.RemoveAsync"] = (c => c.Owner, DealStatus.Draft, (s, d) => s.GetRequiredService<MemberService>().RemoveAsync(d.DealId, d.Version, d.ViewerId, None)),
        ["DealWorkflowService.TransitionAsync"] = (c => c.Owner, DealStatus.Draft, (s, d) => s.GetRequiredService<DealWorkflowService>().TransitionAsync(d.DealId, d.Version, DealAction.SubmitForReview, null, None)),
        ["ReviewService.AddAsync"] = (c => c.Reviewer, DealStatus.InLegalReview, (s, d) => s.GetRequiredService<ReviewService>().AddAsync(d.DealId, new CommentInput { Anchor = "rights", Body = "Who holds SVOD in Asia?", ChangeRequest = true }, None)),
        ["ReviewService.ResolveAsync"] = (c => c.Reviewer, DealStatus.InLegalReview, (s, d) => s.GetRequiredService<ReviewService>().ResolveAsync(d.DealId, d.ThreadId, None)),
        ["ReviewService.ReopenAsync"] = (c => c.Owner, DealStatus.InLegalReview, (s, d) => s.GetRequiredService<ReviewService>().ReopenAsync(d.DealId, d.ResolvedThreadId, None)),
    };

    public async Task InitializeAsync() => _cast = await DealCast.ForAsync(_app);

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> CommandNames() => [.. Commands.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_command_method_has_an_audit_scenario()
    {
        var services = typeof(DealStore).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t != typeof(DealStore) && !t.Name.EndsWith("Queries", StringComparison.Ordinal))
            .Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(DealStore) || p.ParameterType == typeof(AuditTrail))))
            .ToList();
        var methods = services
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => $"{t.Name}.{m.Name}"))
            .Distinct()
            .ToList();

        Assert.Contains("DealService", services.Select(t => t.Name));
        Assert.Contains("ReviewService", services.Select(t => t.Name));
        var missing = methods.Where(m => !Commands.ContainsKey(m) && !Reads.Contains(m)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "These public service methods have no audit scenario (add one to Commands, or list them in Reads if they change nothing): " + string.Join(", ", missing));
        var stale = Commands.Keys.Concat(Reads).Where(m => !methods.Contains(m)).ToList();
        Assert.True(stale.Count == 0, "These scenarios name methods that do not exist: " + string.Join(", ", stale));
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public async Task Each_command_leaves_audit_rows_by_the_person_who_acted(string command)
    {
        var (actorOf, status, run) = Commands[command];
        var scene = await SceneAsync(status);
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
