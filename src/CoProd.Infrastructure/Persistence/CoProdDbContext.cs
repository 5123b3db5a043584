using CoProd.Application.Common;
using CoProd.Domain.ReferenceData;
using CoProd.Domain.Treaties;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Infrastructure.Persistence;

public sealed class CoProdDbContext : DbContext, IApplicationDbContext
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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CoProdDbContext).Assembly);
    }
}
