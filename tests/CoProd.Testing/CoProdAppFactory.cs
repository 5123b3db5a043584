using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoProd.Testing;

/// <summary>
/// The whole app, as deployed, on a test database of its own: environment "Testing", migrations applied at
/// start-up like in production. Call <see cref="WebApplicationFactory{TEntryPoint}.UseKestrel()"/> before the
/// first client to serve on a real loopback port for the browser tests.
/// </summary>
public class CoProdAppFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;

    public CoProdAppFactory(string connectionString) => _connectionString = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");

        // Tests run the build output, not a publish: outside Development, static web assets (and their
        // compressed variants, which live under obj/) are only found with the build's manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:CoProd", _connectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", Environment.GetEnvironmentVariable("COPROD_TEST_LOG") ?? "Warning");
    }
}
