using CoProd.Application.Common;
using CoProd.Application.Users;
using CoProd.Infrastructure.Identity;
using CoProd.Infrastructure.Persistence;
using CoProd.Infrastructure.Persistence.Seed;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
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

        services.AddSingleton<AuditGuard>();
        services.AddDbContext<CoProdDbContext>((provider, options) =>
            options.UseCoProdDatabase(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString)
                .AddInterceptors(provider.GetRequiredService<AuditGuard>()));
        services.AddScoped<IApplicationDbContext>(provider => provider.GetRequiredService<CoProdDbContext>());

        services.AddSingleton<SqlMigrator>();
        services.AddScoped<TreatySeeder>();
        services.AddScoped<DevelopmentDeals>();
        services.AddHostedService<DatabaseMigrationService>();

        services.AddHealthChecks().AddDbContextCheck<CoProdDbContext>("database", tags: ["ready"]);

        services.AddIdentityCore<AppUser>(options =>
            {
                // NIST SP 800-63B: length, not composition; common passwords refused (CommonPasswordValidator).
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<CoProdDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<IUserAdministration, UserAdministration>();
        services.AddScoped<DevelopmentUsers>();

        // Data Protection keys (cookies, bearer tokens, antiforgery) live in PostgreSQL: every instance shares them.
        services.AddDataProtection().SetApplicationName("CoProd");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options =>
                options.XmlRepository = new DatabaseXmlRepository(provider.GetRequiredService<IServiceScopeFactory>())));
        return services;
    }
}
