using CoProd.Application;
using CoProd.Infrastructure;
using CoProd.Infrastructure.Persistence;
using CoProd.Infrastructure.Persistence.LocalPostgres;
using CoProd.Web;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Compact;

Log.Logger = new LoggerConfiguration()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
    .CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);

    if (builder.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)))
    {
        using var loggerFactory = new SerilogLoggerFactory(Log.Logger);
        builder.Configuration[$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = await DevelopmentDatabase.StartAsync(
            builder.Configuration, builder.Environment.ContentRootPath, loggerFactory.CreateLogger("CoProd.DevelopmentDatabase"), CancellationToken.None);
    }

    // Levels, enrichers and any extra sinks come from the "Serilog" section; the console writes text or, with
    // CoProd:LogFormat = json, one JSON object per event (for log collectors).
    var json = string.Equals(builder.Configuration["CoProd:LogFormat"], "json", StringComparison.OrdinalIgnoreCase);
    builder.Services.AddSerilog(
        (services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
            if (json)
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        },
        preserveStaticLogger: true);

    builder.Services
        .AddApplication()
        .AddInfrastructure(builder.Configuration)
        .AddWeb(builder.Configuration, builder.Environment);

    var app = builder.Build();
    app.UseWeb();
    await app.RunAsync();
    return 0;
}
catch (LocalPostgresException ex)
{
    Log.Fatal("CoProd could not start its development database: {Reason}", ex.Message);
    return 1;
}
catch (MigrationIntegrityException ex)
{
    Log.Fatal("CoProd did not start: the database schema could not be brought up to date. {Reason}", ex.Message);
    return 1;
}
catch (OptionsValidationException ex)
{
    Log.Fatal("CoProd did not start: {Reason}", string.Join(" ", ex.Failures));
    return 1;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "CoProd stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
