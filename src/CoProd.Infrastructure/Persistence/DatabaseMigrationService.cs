using CoProd.Infrastructure.Identity;
using CoProd.Infrastructure.Persistence.Seed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoProd.Infrastructure.Persistence;

/// <summary>
/// Brings the schema up to date, and loads the shipped reference data it lacks (in Development also the demo users and deals), before the web server starts taking requests. A failure stops start-up:
/// serving with a schema the code does not expect would corrupt data.
/// </summary>
internal sealed class DatabaseMigrationService : IHostedService
{
    private readonly SqlMigrator _migrator;
    private readonly IOptions<DatabaseOptions> _options;
    private readonly IServiceScopeFactory _scopes;
    private readonly IHostEnvironment _environment;

    public DatabaseMigrationService(SqlMigrator migrator, IOptions<DatabaseOptions> options, IServiceScopeFactory scopes, IHostEnvironment environment)
    {
        _migrator = migrator;
        _options = options;
        _scopes = scopes;
        _environment = environment;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _migrator.MigrateAsync(_options.Value.ConnectionString, cancellationToken);
        await using var scope = _scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TreatySeeder>().SeedAsync(cancellationToken);

        var developmentUsers = scope.ServiceProvider.GetRequiredService<DevelopmentUsers>();
        if (_environment.IsDevelopment())
        {
            await developmentUsers.EnsureAsync();
            await scope.ServiceProvider.GetRequiredService<DevelopmentDeals>().SeedAsync(cancellationToken);
        }
        else
        {
            await developmentUsers.DisableAsync();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
