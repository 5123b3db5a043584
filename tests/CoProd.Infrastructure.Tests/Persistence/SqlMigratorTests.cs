using CoProd.Infrastructure.Persistence;
using CoProd.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CoProd.Infrastructure.Tests.Persistence;

public sealed class SqlMigratorTests
{
    private static readonly SqlMigration CreateWidgets = new("0001_widgets", "CREATE TABLE widgets (id int PRIMARY KEY);");
    private static readonly SqlMigration AddName = new("0002_widget_name", "ALTER TABLE widgets ADD COLUMN name text;");

    private readonly SqlMigrator _migrator = new(NullLogger<SqlMigrator>.Instance);

    [Fact]
    public async Task Applies_pending_scripts_in_order_and_records_them_with_checksums()
    {
        var connectionString = await EmptyDatabaseAsync();

        var applied = await _migrator.MigrateAsync(connectionString, [CreateWidgets, AddName], CancellationToken.None);

        Assert.Equal(["0001_widgets", "0002_widget_name"], applied);
        var history = await QueryAsync(connectionString, "SELECT id || ':' || checksum FROM schema_migrations ORDER BY id");
        Assert.Equal([$"0001_widgets:{CreateWidgets.Checksum}", $"0002_widget_name:{AddName.Checksum}"], history);
        Assert.Equal(["name"], await QueryAsync(connectionString, "SELECT column_name FROM information_schema.columns WHERE table_name = 'widgets' AND column_name = 'name'"));
    }

    [Fact]
    public async Task Running_again_applies_only_what_is_new()
    {
        var connectionString = await EmptyDatabaseAsync();
        await _migrator.MigrateAsync(connectionString, [CreateWidgets], CancellationToken.None);

        var again = await _migrator.MigrateAsync(connectionString, [CreateWidgets], CancellationToken.None);
        var next = await _migrator.MigrateAsync(connectionString, [CreateWidgets, AddName], CancellationToken.None);

        Assert.Empty(again);
        Assert.Equal(["0002_widget_name"], next);
    }

    [Fact]
    public async Task An_applied_script_that_was_edited_stops_migration_with_a_message_naming_it()
    {
        var connectionString = await EmptyDatabaseAsync();
        await _migrator.MigrateAsync(connectionString, [CreateWidgets], CancellationToken.None);
        var edited = CreateWidgets with { Sql = "CREATE TABLE widgets (id bigint PRIMARY KEY);" };

        var error = await Assert.ThrowsAsync<MigrationIntegrityException>(
            () => _migrator.MigrateAsync(connectionString, [edited, AddName], CancellationToken.None));

        Assert.Contains("'0001_widgets' was edited after it was applied", error.Message, StringComparison.Ordinal);
        Assert.Empty(await QueryAsync(connectionString, "SELECT id FROM schema_migrations WHERE id = '0002_widget_name'"));
    }

    [Fact]
    public async Task Line_endings_do_not_count_as_an_edit()
    {
        var lf = new SqlMigration("0001_x", "CREATE TABLE x (\n id int\n);");
        var crlf = new SqlMigration("0001_x", "CREATE TABLE x (\r\n id int\r\n);");

        Assert.Equal(lf.Checksum, crlf.Checksum);
    }

    [Fact]
    public async Task A_failing_script_rolls_back_every_script_of_the_run()
    {
        var connectionString = await EmptyDatabaseAsync();
        var broken = new SqlMigration("0002_broken", "ALTER TABLE no_such_table ADD COLUMN x int;");

        var error = await Assert.ThrowsAsync<MigrationIntegrityException>(
            () => _migrator.MigrateAsync(connectionString, [CreateWidgets, broken], CancellationToken.None));

        Assert.Contains("0002_broken", error.Message, StringComparison.Ordinal);
        Assert.Empty(await QueryAsync(connectionString, "SELECT table_name FROM information_schema.tables WHERE table_name = 'widgets'"));
    }

    [Fact]
    public async Task A_database_migrated_by_a_newer_build_is_refused()
    {
        var connectionString = await EmptyDatabaseAsync();
        await _migrator.MigrateAsync(connectionString, [CreateWidgets, AddName], CancellationToken.None);

        var error = await Assert.ThrowsAsync<MigrationIntegrityException>(
            () => _migrator.MigrateAsync(connectionString, [CreateWidgets], CancellationToken.None));

        Assert.Contains("0002_widget_name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instances_starting_together_apply_each_script_once()
    {
        var connectionString = await EmptyDatabaseAsync();

        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => _migrator.MigrateAsync(connectionString, [CreateWidgets, AddName], CancellationToken.None))));

        Assert.Equal(2, runs.Sum(applied => applied.Count));
        Assert.Equal(["2"], await QueryAsync(connectionString, "SELECT count(*)::text FROM schema_migrations"));
    }

    [Fact]
    public void The_shipped_migrations_are_numbered_uniquely_and_in_order()
    {
        var ids = SqlMigrator.EmbeddedMigrations().Select(m => m.Id).ToList();

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Matches(@"^\d{4}_[a-z0-9_]+$", id));
        var numbers = ids.Select(id => int.Parse(id[..4], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
    }

    private static async Task<string> EmptyDatabaseAsync() =>
        await (await PostgresServer.InstanceAsync()).CreateEmptyDatabaseAsync();

    private static async Task<List<string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
