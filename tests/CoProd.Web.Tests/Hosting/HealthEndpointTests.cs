using System.Net;
using System.Text.Json;
using CoProd.Testing;
using Npgsql;

namespace CoProd.Web.Tests.Hosting;

public sealed class HealthEndpointTests : IClassFixture<WebAppFixture>
{
    private readonly WebAppFixture _app;

    public HealthEndpointTests(WebAppFixture app) => _app = app;

    [Fact]
    public async Task Live_answers_200_without_asking_the_database()
    {
        using var client = _app.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(0, body.RootElement.GetProperty("checks").GetArrayLength());
    }

    [Fact]
    public async Task Ready_is_200_with_the_database_up_and_503_while_it_refuses_connections()
    {
        using var client = _app.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);

        var database = new NpgsqlConnectionStringBuilder(_app.ConnectionString).Database!;
        var maintenance = new NpgsqlConnectionStringBuilder(_app.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await ExecuteAsync(maintenance, $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false");
        await ExecuteAsync(maintenance, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
        NpgsqlConnection.ClearAllPools();
        try
        {
            using var down = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            using var body = JsonDocument.Parse(await down.Content.ReadAsStringAsync());
            Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        }
        finally
        {
            await ExecuteAsync(maintenance, $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true");
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
