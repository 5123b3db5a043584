using CoProd.Infrastructure.Persistence.LocalPostgres;

namespace CoProd.Infrastructure.Tests.Persistence;

public sealed class LocalPostgresTests
{
    [Fact]
    public void Without_the_server_binaries_the_message_names_the_install_command()
    {
        var empty = Directory.CreateTempSubdirectory("coprod-no-postgres-");
        try
        {
            var error = Assert.Throws<LocalPostgresException>(() => PostgresBinaries.Locate([empty.FullName]));

            Assert.Contains("sudo apt-get install -y postgresql", error.Message, StringComparison.Ordinal);
            Assert.Contains("ConnectionStrings__CoProd", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_first_folder_with_both_tools_is_used()
    {
        var incomplete = Directory.CreateTempSubdirectory("coprod-pg-a-");
        var complete = Directory.CreateTempSubdirectory("coprod-pg-b-");
        try
        {
            File.WriteAllText(Path.Combine(incomplete.FullName, "initdb"), string.Empty);
            File.WriteAllText(Path.Combine(complete.FullName, "initdb"), string.Empty);
            File.WriteAllText(Path.Combine(complete.FullName, "pg_ctl"), string.Empty);

            var found = PostgresBinaries.Locate([incomplete.FullName, complete.FullName]);

            Assert.Equal(complete.FullName, found.BinDirectory);
        }
        finally
        {
            incomplete.Delete(recursive: true);
            complete.Delete(recursive: true);
        }
    }
}
