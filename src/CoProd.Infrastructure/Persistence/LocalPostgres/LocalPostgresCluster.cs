using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace CoProd.Infrastructure.Persistence.LocalPostgres;

/// <summary>
/// A private PostgreSQL cluster in a folder of its own, created with the installed server binaries and
/// reachable only on 127.0.0.1. The development host uses one that survives restarts; the test suites use
/// throwaway ones. PostgreSQL refuses to run as root, so when we are root its tools run as the
/// <c>postgres</c> user through <c>runuser</c>.
/// </summary>
public sealed class LocalPostgresCluster
{
    private const string SuperUser = "postgres";
    private const string PasswordFileName = "superuser-password";

    private readonly PostgresBinaries _binaries;

    private LocalPostgresCluster(PostgresBinaries binaries, string rootDirectory, int port, string password)
    {
        _binaries = binaries;
        RootDirectory = rootDirectory;
        Port = port;
        Password = password;
    }

    /// <summary>The folder that holds the cluster's data directory, its log and its superuser password.</summary>
    public string RootDirectory { get; }

    public string DataDirectory => Path.Combine(RootDirectory, "data");

    public string LogFile => Path.Combine(RootDirectory, "postgres.log");

    public int Port { get; }

    private string Password { get; }

    private static bool RunningAsRoot => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Password = Password,
        Database = database,
    }.ConnectionString;

    /// <summary>
    /// Starts the cluster under <paramref name="rootDirectory"/>, creating it first when the folder holds none,
    /// or reuses it when it is already running.
    /// </summary>
    /// <param name="rootDirectory">Folder for the cluster; created when missing.</param>
    /// <param name="preferredPort">Port to listen on when free; any free port otherwise. Null picks a free one.</param>
    /// <param name="ephemeral">Trades durability for speed (no fsync): for throwaway test clusters only.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<LocalPostgresCluster> StartOrReuseAsync(
        string rootDirectory, int? preferredPort, bool ephemeral, CancellationToken cancellationToken)
    {
        var binaries = PostgresBinaries.Locate();
        rootDirectory = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(rootDirectory);

        var cluster = new LocalPostgresCluster(binaries, rootDirectory, 0, string.Empty);
        if (!File.Exists(Path.Combine(cluster.DataDirectory, "PG_VERSION")))
        {
            await cluster.InitializeAsync(ephemeral, cancellationToken).ConfigureAwait(false);
        }

        var password = (await File.ReadAllTextAsync(Path.Combine(rootDirectory, PasswordFileName), cancellationToken).ConfigureAwait(false)).Trim();

        var runningPort = cluster.RunningPort();
        if (runningPort is { } port && await cluster.IsRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            return new LocalPostgresCluster(binaries, rootDirectory, port, password);
        }

        var chosenPort = preferredPort is { } wanted && IsPortFree(wanted) ? wanted : FreePort();
        await cluster.RunToolAsync(
            binaries.PgCtl,
            ["start", "-D", cluster.DataDirectory, "-l", cluster.LogFile, "-w", "-t", "60", "-o", $"-p {chosenPort.ToString(CultureInfo.InvariantCulture)}"],
            cancellationToken).ConfigureAwait(false);

        return new LocalPostgresCluster(binaries, rootDirectory, chosenPort, password);
    }

    /// <summary>Creates the database when it does not exist yet.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the cluster immediately (no checkpoint): for throwaway clusters.</summary>
    public Task StopAsync(CancellationToken cancellationToken) =>
        RunToolAsync(_binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "30"], cancellationToken);

    /// <summary>
    /// Stops this cluster and deletes its folder once process <paramref name="processId"/> has exited, however it
    /// exits (a crashed or killed test run included): a detached shell watches the process and cleans up after it.
    /// </summary>
    public void DeleteWhenProcessExits(int processId)
    {
        var stop = $"'{_binaries.PgCtl}' stop -D '{DataDirectory}' -m immediate -w -t 30";
        if (RunningAsRoot)
        {
            stop = $"runuser -u {SuperUser} -- {stop}";
        }

        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {processId.ToString(CultureInfo.InvariantCulture)}; do sleep 1; done; {stop}; rm -rf '{RootDirectory}'";
        using var watcher = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", script },
            UseShellExecute = false,
        });
    }

    /// <summary>Stops a cluster left running in <paramref name="rootDirectory"/> by a process that is gone.</summary>
    public static async Task StopIfRunningAsync(string rootDirectory, CancellationToken cancellationToken)
    {
        var cluster = new LocalPostgresCluster(PostgresBinaries.Locate(), rootDirectory, 0, string.Empty);
        if (cluster.RunningPort() is not null && await cluster.IsRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            await cluster.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task InitializeAsync(bool ephemeral, CancellationToken cancellationToken)
    {
        if (Directory.Exists(DataDirectory))
        {
            // A half-created data directory from an interrupted initdb: start again.
            Directory.Delete(DataDirectory, recursive: true);
        }

        var passwordFile = Path.Combine(RootDirectory, PasswordFileName);
        await File.WriteAllTextAsync(passwordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)), cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        if (RunningAsRoot)
        {
            await ProcessRunner.RunAsync("chown", ["-R", $"{SuperUser}:{SuperUser}", RootDirectory], cancellationToken).ConfigureAwait(false);
            try
            {
                await ProcessRunner.RunAsync("runuser", ["-u", SuperUser, "--", "test", "-w", RootDirectory], cancellationToken).ConfigureAwait(false);
            }
            catch (LocalPostgresException ex)
            {
                throw new LocalPostgresException(
                    $"The '{SuperUser}' user cannot write to {RootDirectory} (a parent folder is closed to it). " +
                    "Choose another folder for the database.", ex);
            }
        }

        await RunToolAsync(
            _binaries.InitDb,
            ["-D", DataDirectory, "-U", SuperUser, "--pwfile", passwordFile, "-E", "UTF8", "--locale=C",
             "--auth-host=scram-sha-256", "--auth-local=peer"],
            cancellationToken).ConfigureAwait(false);

        var settings = new List<string>
        {
            string.Empty,
            "# Written by CoProd: a private cluster reachable only on loopback.",
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = ''",
            "max_connections = 300",
        };
        if (ephemeral)
        {
            settings.AddRange(["fsync = off", "synchronous_commit = off", "full_page_writes = off"]);
        }

        await File.AppendAllLinesAsync(Path.Combine(DataDirectory, "postgresql.conf"), settings, cancellationToken).ConfigureAwait(false);
    }

    private int? RunningPort()
    {
        // postmaster.pid: line 1 the server's pid, line 4 its port.
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        try
        {
            var lines = File.ReadAllLines(pidFile);
            return lines.Length >= 4 && int.TryParse(lines[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) ? port : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunToolAsync(_binaries.PgCtl, ["status", "-D", DataDirectory], cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (LocalPostgresException)
        {
            return false;
        }
    }

    private Task<string> RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunningAsRoot
            ? ProcessRunner.RunAsync("runuser", ["-u", SuperUser, "--", tool, .. arguments], cancellationToken)
            : ProcessRunner.RunAsync(tool, arguments, cancellationToken);

    private static bool IsPortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
