using System.Diagnostics;
using System.Text;

namespace CoProd.Infrastructure.Persistence.LocalPostgres;

/// <summary>Runs a command to completion and captures its output; used to drive PostgreSQL's own tools.</summary>
internal static class ProcessRunner
{
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new LocalPostgresException($"'{Describe(startInfo)}' did not finish in time.");
        }

        var text = output.ToString();
        if (process.ExitCode != 0)
        {
            throw new LocalPostgresException($"'{Describe(startInfo)}' failed with exit code {process.ExitCode}:{Environment.NewLine}{text}");
        }

        return text;
    }

    private static string Describe(ProcessStartInfo startInfo) =>
        $"{Path.GetFileName(startInfo.FileName)} {string.Join(' ', startInfo.ArgumentList)}";
}
