using CoProd.Infrastructure.Persistence.Seed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoProd.Infrastructure.Persistence;

/// <summary>
/// Brings the schema up to date, and loads the shipped reference data it lacks, before the web server starts taking requests. A failure stops start-up:
/// serving with a schema the code does not expect would corrupt data.
/// </summary>
internal sealed class DatabaseMigrationService : IHostedService
{
    private readonly SqlMigrator _migrator;
    private readonly IOptions<DatabaseOptions> _options;
    private readonly IServiceScopeFactory _scopes;

    public DatabaseMigrationService(SqlMigrator migrator, IOptions<DatabaseOptions> options, IServiceScopeFactory scopes)
    {
        _migrator = migrator;
        _options = options;
        _scopes = scopes;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _migrator.MigrateAsync(_options.Value.ConnectionString, cancellationToken);
        await using var scope = _scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TreatySeeder>().SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
