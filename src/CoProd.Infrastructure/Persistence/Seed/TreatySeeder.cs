using System.Text.Json;
using CoProd.Application.Common;
using CoProd.Application.Treaties;
using CoProd.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoProd.Infrastructure.Persistence.Seed;

/// <summary>
/// Loads the researched treaties shipped in <c>Seed/treaties.json</c> (the treaty interchange format) into a
/// database that lacks them. Idempotent: a treaty whose code exists is left alone, so admins' later edits are
/// never overwritten. Runs right after the migrations, under an advisory lock.
/// </summary>
public sealed partial class TreatySeeder
{
    /// <summary>Advisory lock key: the ASCII of "COPRODSD".</summary>
    private const long AdvisoryLockKey = 0x434F50524F445344;
    private const string Author = "seed";

    private readonly CoProdDbContext _db;
    private readonly TimeProvider _time;
    private readonly ILogger<TreatySeeder> _logger;

    public TreatySeeder(CoProdDbContext db, TimeProvider time, ILogger<TreatySeeder> logger)
    {
        _db = db;
        _time = time;
        _logger = logger;
    }

    /// <summary>The shipped seed file.</summary>
    public static TreatyFileDto SeedFile()
    {
        using var stream = typeof(TreatySeeder).Assembly.GetManifestResourceStream("CoProd.Seed.treaties.json")
            ?? throw new InvalidOperationException("The treaty seed file is missing from the build.");
        return JsonSerializer.Deserialize<TreatyFileDto>(stream, Json.Options)
            ?? throw new InvalidOperationException("The treaty seed file is empty.");
    }

    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var file = SeedFile();
        var validation = await new TreatyFileValidator(new ReferenceCodes(_db)).ValidateAsync(file, cancellationToken);
        if (!validation.IsValid)
        {
            throw new InvalidOperationException("The shipped treaty seed file is invalid: " + string.Join("; ", validation.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);

        var existing = await _db.Treaties.Select(t => t.Code).ToListAsync(cancellationToken);
        var now = _time.GetUtcNow();
        var added = 0;
        foreach (var dto in file.Treaties!.Where(t => !existing.Contains(t.Code!.Trim().ToLowerInvariant())))
        {
            var treaty = TreatyDocumentMapper.ToDomain(dto, now, Author);
            _db.Treaties.Add(treaty);
            _db.AuditEntries.Add(new AuditEntry(now, null, "system (shipped treaty data)", "treaty", treaty.Code, null, "created",
                "Treaty", null, $"{treaty.Name}: {treaty.RuleVersions.Count} rule version(s) from the shipped data"));
            added++;
        }

        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (added > 0)
        {
            LogSeeded(added);
        }

        return added;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} treaties from the shipped treaty data")]
    private partial void LogSeeded(int count);
}
