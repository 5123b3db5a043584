using System.Globalization;

namespace CoProd.Infrastructure.Persistence.LocalPostgres;

/// <summary>Locates the PostgreSQL server binaries (initdb, pg_ctl) installed on this machine.</summary>
public sealed class PostgresBinaries
{
    /// <summary>The command that installs the server on the Debian machines CoProd is built on.</summary>
    public const string InstallCommand = "sudo apt-get install -y postgresql";

    private PostgresBinaries(string binDirectory) => BinDirectory = binDirectory;

    public string BinDirectory { get; }

    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    /// <summary>Finds the newest installed server, or throws with the install command when there is none.</summary>
    public static PostgresBinaries Locate() => Locate(DefaultCandidates());

    /// <summary>The first of <paramref name="directories"/> holding both initdb and pg_ctl.</summary>
    public static PostgresBinaries Locate(IEnumerable<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        foreach (var dir in directories)
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            {
                return new PostgresBinaries(dir);
            }
        }

        throw new LocalPostgresException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found on this machine. " +
            $"Install them with: {InstallCommand} — or set ConnectionStrings__CoProd to an existing database.");
    }

    /// <summary>Debian's versioned folders, newest first, then the PATH.</summary>
    private static List<string> DefaultCandidates()
    {
        var candidates = new List<string>();
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            candidates.AddRange(Directory.GetDirectories(debianRoot)
                .Select(dir => (dir, version: ParseVersion(Path.GetFileName(dir))))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.dir, "bin")));
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        candidates.AddRange(path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        return candidates;
    }

    private static int ParseVersion(string name) =>
        int.TryParse(name, NumberStyles.Integer, CultureInfo.InvariantCulture, out var version) ? version : 0;
}
