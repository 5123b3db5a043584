using CoProd.Infrastructure.Persistence;
using Xunit;

namespace CoProd.Testing;

/// <summary>A migrated database of its own for one test class (use as <c>IClassFixture&lt;DatabaseFixture&gt;</c>).</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync() =>
        ConnectionString = await (await PostgresServer.InstanceAsync()).CreateMigratedDatabaseAsync();

    public async Task DisposeAsync() =>
        await (await PostgresServer.InstanceAsync()).DropDatabaseAsync(ConnectionString);

    public CoProdDbContext CreateDbContext() => CoProdDbContext.Create(ConnectionString);
}
