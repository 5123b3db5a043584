using CoProd.Application;
using CoProd.Application.Users;
using CoProd.Infrastructure;
using CoProd.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CoProd.Testing;

/// <summary>A user the application services act for, switchable within a test.</summary>
public sealed class TestCurrentUser : ICurrentUser
{
    public Guid? Id { get; set; }

    public string? Email { get; set; }

    public string DisplayName { get; set; } = "nobody";

    public bool IsAuthenticated => Id is not null;

    public HashSet<string> Roles { get; } = [];

    public bool IsInRole(string role) => Roles.Contains(role);

    public void ActAs(TestUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        Id = user.Id;
        Email = user.Email;
        DisplayName = user.DisplayName;
        Roles.Clear();
        Roles.Add(user.Role);
    }
}

/// <summary>
/// The application and infrastructure services, wired as in the app, on a migrated database of the test class's
/// own; the current user is whoever the test says.
/// </summary>
public sealed class ServiceHarness : IAsyncLifetime
{
    private readonly DatabaseFixture _database = new();
    private ServiceProvider _provider = null!;

    public TestCurrentUser User { get; } = new();

    public string ConnectionString => _database.ConnectionString;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:CoProd"] = _database.ConnectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddApplication().AddInfrastructure(configuration);
        services.AddSingleton<ICurrentUser>(User);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Runs <paramref name="work"/> in a fresh scope (a fresh DbContext), as one request would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = _provider.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) =>
        InScopeAsync<bool>(async services =>
        {
            await work(services);
            return true;
        });

    public async Task<TestUser> CreateUserAsync(string role, string? name = null) =>
        await InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..24] + "@test.coprod.local";
            var user = new AppUser { UserName = email, Email = email, DisplayName = name ?? $"{role} {email[..6]}", CreatedAt = DateTimeOffset.UtcNow, EmailConfirmed = true };
            var created = await users.CreateAsync(user, TestUsers.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, role);
            return new TestUser(user.Id, email, TestUsers.Password, role, user.DisplayName);
        });
}
