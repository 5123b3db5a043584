using Microsoft.EntityFrameworkCore;

namespace CoProd.Infrastructure.Persistence;

public static class DbContextOptionsExtensions
{
    /// <summary>
    /// The one place the EF Core provider is configured: PostgreSQL through Npgsql, snake_case names to match
    /// the SQL migrations, and collections loaded with split queries (no cartesian explosion when an aggregate
    /// includes several collections). Used by the app, the tests and tools/schema-script.cs alike.
    /// </summary>
    public static DbContextOptionsBuilder UseCoProdDatabase(this DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .UseNpgsql(connectionString, npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .UseSnakeCaseNamingConvention();
    }
}
