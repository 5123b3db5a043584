using CoProd.Application.Common;
using CoProd.Domain.Audit;
using CoProd.Domain.Catalogues;
using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;
using CoProd.Domain.Review;
using CoProd.Domain.Treaties;
using CoProd.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Infrastructure.Persistence;

public sealed class CoProdDbContext : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>, IApplicationDbContext
{
    public CoProdDbContext(DbContextOptions<CoProdDbContext> options)
        : base(options)
    {
    }

    /// <summary>A context outside dependency injection, for tools and tests.</summary>
    public static CoProdDbContext Create(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<CoProdDbContext>();
        builder.UseCoProdDatabase(connectionString);
        return new CoProdDbContext(builder.Options);
    }

    public DbSet<Country> Countries => Set<Country>();

    public DbSet<Currency> Currencies => Set<Currency>();

    public DbSet<Treaty> Treaties => Set<Treaty>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Deal> Deals => Set<Deal>();

    public DbSet<DealMember> DealMembers => Set<DealMember>();

    public DbSet<DealVersion> DealVersions => Set<DealVersion>();

    public DbSet<ReviewComment> ReviewComments => Set<ReviewComment>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DecisionDomain> DecisionDomains => Set<DecisionDomain>();

    public DbSet<Medium> Media => Set<Medium>();

    public DbSet<TerritoryGroup> TerritoryGroups => Set<TerritoryGroup>();

    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();

    public void SetOriginalVersion(Deal deal, uint version) =>
        Entry(deal).Property(d => d.Version).OriginalValue = version;

    public void ExpectVersion(object aggregate, uint version)
    {
        var entry = Entry(aggregate);
        entry.Property("Version").OriginalValue = version;
        if (entry.State == EntityState.Unchanged)
        {
            // An UPDATE of the row with its own values: checks the version (WHERE xmin = …) and moves it on.
            entry.State = EntityState.Modified;
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CoProdDbContext).Assembly);
    }
}
