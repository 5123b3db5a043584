using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoProd.Infrastructure.Persistence;

/// <summary>
/// Brings the schema up to date before the web server starts taking requests. A failure stops start-up:
/// serving with a schema the code does not expect would corrupt data.
/// </summary>
internal sealed class DatabaseMigrationService : IHostedService
{
    private readonly SqlMigrator _migrator;
    private readonly IOptions<DatabaseOptions> _options;

    public DatabaseMigrationService(SqlMigrator migrator, IOptions<DatabaseOptions> options)
    {
        _migrator = migrator;
        _options = options;
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        _migrator.MigrateAsync(_options.Value.ConnectionString, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
