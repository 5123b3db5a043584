using CoProd.Infrastructure.Persistence;
using CoProd.Infrastructure.Persistence.LocalPostgres;
using CoProd.Infrastructure.Persistence.Seed;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CoProd.Testing;

/// <summary>
/// The PostgreSQL server the integration tests of one test process share. With <c>COPROD_TEST_POSTGRES</c> set
/// (a connection string allowed to create databases) it uses that server; otherwise it starts a throwaway
/// cluster in a temp folder on a free port and removes it when the process ends. A migrated template database
/// is made once, and every test class gets its own copy (CREATE DATABASE ... TEMPLATE is fast).
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "COPROD_TEST_POSTGRES";

    private const string TempPrefix = "coprod-test-pg-";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _adminConnectionString;
    private readonly string _runId = Guid.NewGuid().ToString("N")[..10];
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private string? _templateDatabase;

    private PostgresServer(string adminConnectionString) => _adminConnectionString = adminConnectionString;

    public static Task<PostgresServer> InstanceAsync() => Shared.Value;

    /// <summary>A new database as a fresh deployment has it (migrations applied, shipped treaties seeded).</summary>
    public async Task<string> CreateMigratedDatabaseAsync()
    {
        await _createLock.WaitAsync();
        try
        {
            _templateDatabase ??= await CreateTemplateAsync();
            var name = NewDatabaseName();
            await ExecuteAdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{_templateDatabase}\"");
            return ConnectionStringFor(name);
        }
        finally
        {
            _createLock.Release();
        }
    }

    /// <summary>A new database with nothing in it; returns its connection string.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = NewDatabaseName();
        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\"");
        return ConnectionStringFor(name);
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new PostgresServer(configured);
        }

        await RemoveStaleClustersAsync();
        var root = Path.Combine(Path.GetTempPath(), $"{TempPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        LocalPostgresCluster cluster;
        try
        {
            cluster = await LocalPostgresCluster.StartOrReuseAsync(root, preferredPort: null, ephemeral: true, CancellationToken.None);
        }
        catch (LocalPostgresException ex)
        {
            throw new InvalidOperationException(
                $"Integration tests need PostgreSQL. Either install the server ({PostgresServer.InstallHint}) " +
                $"or set {EnvironmentVariable} to a connection string that may create databases. {ex.Message}", ex);
        }

        cluster.DeleteWhenProcessExits(Environment.ProcessId);

        return new PostgresServer(cluster.ConnectionString("postgres"));
    }

    private static string InstallHint => PostgresBinaries.InstallCommand;

    /// <summary>Throwaway clusters whose test process died without cleaning up: stop and delete them.</summary>
    private static async Task RemoveStaleClustersAsync()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), TempPrefix + "*"))
        {
            var pidText = Path.GetFileName(dir)[TempPrefix.Length..].Split('-')[0];
            if (!int.TryParse(pidText, out var pid) || ProcessIsAlive(pid))
            {
                continue;
            }

            try
            {
                await LocalPostgresCluster.StopIfRunningAsync(dir, CancellationToken.None);
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LocalPostgresException)
            {
                // Someone else's, or still busy: leave it.
            }
        }
    }

    private static bool ProcessIsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private async Task<string> CreateTemplateAsync()
    {
        var name = $"coprod_tpl_{_runId}";
        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\"");
        var connectionString = ConnectionStringFor(name);
        await new SqlMigrator(NullLogger<SqlMigrator>.Instance).MigrateAsync(connectionString, CancellationToken.None);
        await using (var db = CoProdDbContext.Create(connectionString))
        {
            await new TreatySeeder(db, TimeProvider.System, NullLogger<TreatySeeder>.Instance).SeedAsync(CancellationToken.None);
        }

        // CREATE DATABASE ... TEMPLATE needs the template to have no open connections.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        return name;
    }

    private string NewDatabaseName() => $"coprod_t_{_runId}_{Guid.NewGuid():N}"[..48];

    private string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = database, IncludeErrorDetail = true }.ConnectionString;

    private async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
