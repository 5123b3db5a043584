using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CoProd.Infrastructure.Persistence;

/// <summary>One versioned SQL script shipped in this assembly.</summary>
public sealed record SqlMigration(string Id, string Sql)
{
    /// <summary>SHA-256 of the script with line endings normalised, so a checkout with CRLF endings is not "edited".</summary>
    public string Checksum => Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.Replace("\r\n", "\n", StringComparison.Ordinal))));
}

/// <summary>An applied migration's script no longer matches, or the database is ahead of this build.</summary>
public sealed class MigrationIntegrityException : Exception
{
    public MigrationIntegrityException(string message)
        : base(message)
    {
    }

    public MigrationIntegrityException()
    {
    }

    public MigrationIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Applies the versioned SQL scripts in <c>Persistence/Migrations</c> in name order. All pending scripts run in
/// one transaction under a PostgreSQL advisory lock, so several app instances starting together apply them
/// once; each applied script is recorded with its checksum, and a script edited after it was applied stops
/// start-up with a message saying which.
/// </summary>
public sealed partial class SqlMigrator
{
    /// <summary>Advisory lock key: the ASCII of "COPRODMG".</summary>
    private const long AdvisoryLockKey = 0x434F50524F444D47;

    private const string ResourcePrefix = "CoProd.Migrations.";

    private readonly ILogger<SqlMigrator> _logger;

    public SqlMigrator(ILogger<SqlMigrator> logger) => _logger = logger;

    /// <summary>The scripts embedded in this assembly, in the order they apply.</summary>
    public static IReadOnlyList<SqlMigration> EmbeddedMigrations()
    {
        var assembly = typeof(SqlMigrator).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => new SqlMigration(name[ResourcePrefix.Length..^".sql".Length], ReadResource(assembly, name)))];
    }

    public Task<IReadOnlyList<string>> MigrateAsync(string connectionString, CancellationToken cancellationToken) =>
        MigrateAsync(connectionString, EmbeddedMigrations(), cancellationToken);

    /// <summary>Applies what is pending and returns the ids applied now.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(
        string connectionString, IReadOnlyList<SqlMigration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                id text PRIMARY KEY,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken).ConfigureAwait(false);

        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand("SELECT id, checksum FROM schema_migrations", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var known = migrations.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = applied.Keys.Where(id => !known.Contains(id)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new MigrationIntegrityException(
                $"The database has migrations this build does not know: {string.Join(", ", unknown)}. " +
                "It was migrated by a newer version of CoProd; run that version, or restore a matching backup.");
        }

        var appliedNow = new List<string>();
        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Id, out var checksum))
            {
                if (!string.Equals(checksum, migration.Checksum, StringComparison.Ordinal))
                {
                    throw new MigrationIntegrityException(
                        $"Migration '{migration.Id}' was edited after it was applied to this database " +
                        $"(applied checksum {checksum}, script now {migration.Checksum}). An applied migration must " +
                        "never change: restore the script and put the change in a new migration.");
                }

                continue;
            }

            LogApplying(migration.Id);
            try
            {
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex)
            {
                throw new MigrationIntegrityException($"Migration '{migration.Id}' failed: {ex.MessageText} (SQLSTATE {ex.SqlState}). Nothing was applied.", ex);
            }

            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (id, checksum) VALUES (@id, @checksum)", connection, transaction);
            record.Parameters.AddWithValue("id", migration.Id);
            record.Parameters.AddWithValue("checksum", migration.Checksum);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            appliedNow.Add(migration.Id);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogMigrated(appliedNow.Count, migrations.Count);
        return appliedNow;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded migration {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying database migration {MigrationId}")]
    private partial void LogApplying(string migrationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is current: {AppliedCount} migration(s) applied now, {TotalCount} in all")]
    private partial void LogMigrated(int appliedCount, int totalCount);
}
