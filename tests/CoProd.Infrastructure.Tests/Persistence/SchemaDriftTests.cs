using CoProd.Infrastructure.Persistence;
using CoProd.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoProd.Infrastructure.Tests.Persistence;

/// <summary>
/// The SQL migrations and the EF Core model must describe the same schema: a column the model maps but no
/// migration creates (or the other way round) fails here, naming the difference. To write the next migration,
/// start from <c>dotnet run tools/schema-script.cs</c>.
/// </summary>
public sealed class SchemaDriftTests : IClassFixture<DatabaseFixture>
{
    private readonly DatabaseFixture _migrated;

    public SchemaDriftTests(DatabaseFixture migrated) => _migrated = migrated;

    [Fact]
    public async Task The_migrated_schema_matches_the_EF_Core_model()
    {
        var server = await PostgresServer.InstanceAsync();
        var fromModel = await server.CreateEmptyDatabaseAsync();
        try
        {
            string createScript;
            await using (var context = CoProdDbContext.Create(fromModel))
            {
                createScript = context.Database.GenerateCreateScript();
            }

            await using (var connection = new NpgsqlConnection(fromModel))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(createScript, connection);
                await command.ExecuteNonQueryAsync();
            }

            var expected = await DescribeSchemaAsync(fromModel);
            var actual = await DescribeSchemaAsync(_migrated.ConnectionString);

            var missing = expected.Except(actual).ToList();
            var extra = actual.Except(expected).ToList();
            Assert.True(missing.Count == 0 && extra.Count == 0,
                "The SQL migrations and the EF Core model disagree." + Environment.NewLine +
                "In the model but not made by the migrations:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", missing) + Environment.NewLine +
                "Made by the migrations but not in the model:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", extra));
        }
        finally
        {
            await server.DropDatabaseAsync(fromModel);
        }
    }

    /// <summary>Tables, columns (type, nullability, default, identity), constraints and indexes, one line each.</summary>
    private static async Task<List<string>> DescribeSchemaAsync(string connectionString)
    {
        const string sql = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type
                   || coalesce('(' || character_maximum_length || ')', '')
                   || coalesce(' precision ' || numeric_precision || ',' || numeric_scale, '')
                   || CASE WHEN is_nullable = 'YES' THEN ' null' ELSE ' not null' END
                   || coalesce(' default ' || column_default, '')
                   || CASE WHEN is_identity = 'YES' THEN ' identity ' || identity_generation ELSE '' END
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'schema_migrations'
            UNION ALL
            SELECT 'index ' || indexname || ' ' || indexdef
            FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> 'schema_migrations'
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
