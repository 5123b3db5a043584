using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CoProd.Infrastructure.Persistence.LocalPostgres;

/// <summary>
/// For <c>dotnet run</c> in Development with no connection string: a private PostgreSQL cluster under the
/// repository's <c>.data/</c> folder, started (or reused) from the installed server binaries, with the app's
/// database in it. Settings: <c>DevDatabase:DataDirectory</c>, <c>DevDatabase:Port</c>, <c>DevDatabase:Name</c>.
/// </summary>
public static partial class DevelopmentDatabase
{
    private const int DefaultPort = 54329;
    private const string DefaultName = "coprod";

    /// <summary>Starts or reuses the cluster and returns the connection string of the app's database in it.</summary>
    public static async Task<string> StartAsync(IConfiguration configuration, string contentRoot, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var dataDirectory = configuration["DevDatabase:DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, contentRoot)
            : DefaultDataDirectory(contentRoot);
        var port = configuration.GetValue("DevDatabase:Port", DefaultPort);
        var database = configuration["DevDatabase:Name"] is { Length: > 0 } name ? name : DefaultName;

        LocalPostgresCluster cluster;
        try
        {
            cluster = await LocalPostgresCluster.StartOrReuseAsync(dataDirectory, port, ephemeral: false, cancellationToken).ConfigureAwait(false);
        }
        catch (LocalPostgresException) when (configuration["DevDatabase:DataDirectory"] is not { Length: > 0 } && Environment.UserName == "root")
        {
            // The checkout sits where the postgres user cannot reach (e.g. under /root): use a folder it can.
            var fallback = Path.Combine("/var/tmp", "coprod-dev-" + ShortHash(dataDirectory), "postgres");
            LogFallback(logger, dataDirectory, fallback);
            dataDirectory = fallback;
            cluster = await LocalPostgresCluster.StartOrReuseAsync(dataDirectory, port, ephemeral: false, cancellationToken).ConfigureAwait(false);
        }

        await cluster.EnsureDatabaseAsync(database, cancellationToken).ConfigureAwait(false);
        LogStarted(logger, cluster.RootDirectory, cluster.Port.ToString(CultureInfo.InvariantCulture), database, cluster.DataDirectory);
        return cluster.ConnectionString(database);
    }

    /// <summary><c>.data/postgres</c> in the repository root (the folder holding CoProd.sln), else in the content root.</summary>
    private static string DefaultDataDirectory(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoProd.sln")))
            {
                return Path.Combine(dir.FullName, ".data", "postgres");
            }
        }

        return Path.Combine(contentRoot, ".data", "postgres");
    }

    private static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Development database: private PostgreSQL cluster in {ClusterDirectory} on 127.0.0.1:{Port}, database {Database}. It keeps running after the app stops; stop it with: pg_ctl stop -D {DataDirectory}")]
    private static partial void LogStarted(ILogger logger, string clusterDirectory, string port, string database, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The postgres user cannot use {Wanted}; the development cluster lives in {Fallback} instead")]
    private static partial void LogFallback(ILogger logger, string wanted, string fallback);
}
