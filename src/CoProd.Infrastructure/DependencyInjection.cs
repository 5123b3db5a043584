using CoProd.Application.Common;
using CoProd.Infrastructure.Persistence;
using CoProd.Infrastructure.Persistence.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoProd.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Registers persistence (EF Core on PostgreSQL), migrations at start-up and the database health check.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Configure(options => options.ConnectionString =
                configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? string.Empty)
            .Validate(
                options => !string.IsNullOrWhiteSpace(options.ConnectionString),
                $"No database is configured. Set the connection string 'ConnectionStrings:{DatabaseOptions.ConnectionStringName}' " +
                $"(environment variable ConnectionStrings__{DatabaseOptions.ConnectionStringName}), or run in Development to get a private local cluster.")
            .ValidateOnStart();

        services.AddDbContext<CoProdDbContext>((provider, options) =>
            options.UseCoProdDatabase(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString));
        services.AddScoped<IApplicationDbContext>(provider => provider.GetRequiredService<CoProdDbContext>());

        services.AddSingleton<SqlMigrator>();
        services.AddScoped<TreatySeeder>();
        services.AddHostedService<DatabaseMigrationService>();

        services.AddHealthChecks().AddDbContextCheck<CoProdDbContext>("database", tags: ["ready"]);
        return services;
    }
}
