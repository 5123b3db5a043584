using CoProd.Application.Audit;
using CoProd.Application.Deals;
using CoProd.Application.Users;
using CoProd.Domain.Audit;
using CoProd.Domain.Deals;
using CoProd.Infrastructure.Persistence;
using CoProd.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProd.Application.Tests.Deals;

/// <summary>
/// A Japan–US deal owned by a producer, with two partners and, when asked, other people as members: what the
/// decision, milestone and legal-terms tests start from.
/// </summary>
internal sealed class SectionsTestDeal
{
    private readonly ServiceHarness _app;

    private SectionsTestDeal(ServiceHarness app, TestUser owner, Guid id, Guid tokyo, Guid pacific)
    {
        _app = app;
        Owner = owner;
        Id = id;
        Tokyo = tokyo;
        Pacific = pacific;
    }

    public TestUser Owner { get; }

    public Guid Id { get; }

    public Guid Tokyo { get; }

    public Guid Pacific { get; }

    public static async Task<SectionsTestDeal> CreateAsync(ServiceHarness app)
    {
        var owner = await app.CreateUserAsync(Roles.Producer, "Paula Producer");
        app.User.ActAs(owner);
        var id = await app.InScopeAsync(s => s.GetRequiredService<DealService>().CreateAsync(
            new ProjectInput { Title = "Starlight Courier", Format = "animation", Currency = "USD", Budget = 20_000_000m, Kind = "unofficial" }, CancellationToken.None));
        var version = (await WorkspaceAsync(app, id)).Version;
        version = await app.InScopeAsync(s => s.GetRequiredService<DealService>().AddPartnerAsync(id, version,
            new PartnerInputForm { Company = "Tokyo Anima", Country = "JP", Role = "majorityDelegate" }, CancellationToken.None));
        await app.InScopeAsync(s => s.GetRequiredService<DealService>().AddPartnerAsync(id, version,
            new PartnerInputForm { Company = "Pacific Pictures", Country = "US", Role = "minority" }, CancellationToken.None));
        var partners = (await WorkspaceAsync(app, id)).Deal.Partners;
        return new SectionsTestDeal(app, owner, id, partners[0].Id, partners[1].Id);
    }

    public static Task<DealWorkspace> WorkspaceAsync(ServiceHarness app, Guid id) =>
        app.InScopeAsync(s => s.GetRequiredService<DealQueries>().GetAsync(id, CancellationToken.None));

    /// <summary>The deal as the current user sees it.</summary>
    public Task<DealWorkspace> WorkspaceAsync() => WorkspaceAsync(_app, Id);

    public async Task<uint> VersionAsync() => (await WorkspaceAsync()).Version;

    /// <summary>A new user with the role, made a member of the deal by its owner.</summary>
    public async Task<TestUser> MemberAsync(string role, MemberRole membership, string? name = null)
    {
        var user = await _app.CreateUserAsync(role, name);
        await _app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CoProdDbContext>();
            var deal = await db.Deals.Include(d => d.Members).SingleAsync(d => d.Id == Id);
            deal.AddMember(user.Id, user.Kind, membership, Owner.Id, DateTimeOffset.UtcNow);
            s.GetRequiredService<AuditTrail>().Record("deal", Id.ToString(), Id, "invited", "Members", null, $"{user.DisplayName} as {membership}");
            await db.SaveChangesAsync();
        });
        return user;
    }

    public Task<T> SectionsAsync<T>(Func<DealSectionsService, Task<T>> work) =>
        _app.InScopeAsync(s => work(s.GetRequiredService<DealSectionsService>()));

    public Task<List<AuditEntry>> AuditAsync() =>
        _app.InScopeAsync(s => s.GetRequiredService<CoProdDbContext>().AuditEntries.AsNoTracking().Where(a => a.DealId == Id).OrderBy(a => a.Id).ToListAsync());
}
