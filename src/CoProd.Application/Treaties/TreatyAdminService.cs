using System.Text.Json;
using CoProd.Application.Audit;
using CoProd.Application.Common;
using CoProd.Application.Eligibility;
using CoProd.Application.Users;
using CoProd.Domain.Common;
using CoProd.Domain.Eligibility;
using CoProd.Domain.Treaties;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.Treaties;

/// <summary>What an import did, or everything wrong with the file (then nothing was imported).</summary>
public sealed record TreatyImportResult(IReadOnlyList<string> Created, IReadOnlyList<TreatyFileError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>The engine's report on a sample deal against a rule version (usually a draft), before it is published.</summary>
public sealed record TreatyPreviewResult(EligibilityReport Report, EvaluationDto Evaluation, string TreatyName);

/// <summary>A treaty as the admin pages list it: where it stands today, and its draft if it has one.</summary>
public sealed record AdminTreatyRow(TreatySummary Summary, int? DraftNumber, DateOnly? DraftEffectiveFrom);

/// <summary>A treaty as the admin pages edit it: in the interchange format, with the version to send back.</summary>
public sealed record AdminTreaty(TreatySummary Summary, TreatyDto Treaty, uint Version, Treaty Model)
{
    public RuleVersionDto? RuleVersion(int number) => Treaty.RuleVersions?.FirstOrDefault(v => v.Number == number);

    public RuleVersionDto? Draft => Treaty.RuleVersions?.FirstOrDefault(v => v.Status == "draft");
}

/// <summary>
/// Admins maintaining treaties: create, edit details and parties, end; rule versions drafted (copied from the
/// latest), revised as a whole, previewed against sample deals, published from a date or discarded; import and
/// export of treaty files. A published version never changes (the domain refuses, and so does the database).
/// Every change is audited field by field (area "treaty", key = the code) and checked against the version the
/// admin loaded. A treaty saved here is used by the engine and the finder at the next request: they read the
/// treaty tables on every evaluation, with no cache to refresh.
/// </summary>
public sealed class TreatyAdminService
{
    private const string Area = "treaty";

    private readonly IApplicationDbContext _db;
    private readonly ReferenceCodes _codes;
    private readonly ICurrentUser _user;
    private readonly AuditTrail _audit;
    private readonly TimeProvider _time;

    public TreatyAdminService(IApplicationDbContext db, ReferenceCodes codes, ICurrentUser user, AuditTrail audit, TimeProvider time)
    {
        _db = db;
        _codes = codes;
        _user = user;
        _audit = audit;
        _time = time;
    }

    public DateOnly Today => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    private string Author => _user.DisplayName;

    public async Task<IReadOnlyList<AdminTreatyRow>> ListAsync(CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        var treaties = await _db.Treaties.AsNoTracking().Include(t => t.RuleVersions).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return [.. treaties.Select(t =>
        {
            var draft = t.RuleVersions.FirstOrDefault(v => !v.IsPublished);
            return new AdminTreatyRow(TreatyQueries.Summary(t, Today), draft?.Number, draft?.EffectiveFrom);
        })];
    }

    public async Task<AdminTreaty> GetAsync(string code, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        var treaty = await FindTreatyAsync(code, tracking: false, cancellationToken);
        return new AdminTreaty(TreatyQueries.Summary(treaty, Today), TreatyDocumentMapper.ToDto(treaty), treaty.Version, treaty);
    }

    /// <summary>
    /// Creates a treaty from its details (code, name, kind, parties, dates, sources) and, optionally, rule versions
    /// as in a treaty file; returns its code.
    /// </summary>
    public async Task<string> CreateAsync(TreatyDto dto, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dto);
        AccessDeniedException.UnlessAdmin(_user);
        await ValidateAsync(new TreatyDtoValidator(_codes, requireVersions: false), dto, cancellationToken);
        var code = dto.Code!.Trim().ToLowerInvariant();
        if (await _db.Treaties.AnyAsync(t => t.Code == code, cancellationToken))
        {
            throw new RequestValidationException("code", $"A treaty with the code '{code}' is already on record.");
        }

        var treaty = TreatyDocumentMapper.ToDomain(dto, _time.GetUtcNow(), Author);
        _db.Treaties.Add(treaty);
        _audit.Record(Area, treaty.Code, null, "created", TreatyFacts.Compare(null, TreatyDocumentMapper.ToDto(treaty)));
        await SaveAsync(cancellationToken);
        return treaty.Code;
    }

    /// <summary>Name, parties, dates and sources. The code and the kind are fixed once created.</summary>
    public async Task<uint> UpdateDetailsAsync(string code, uint version, TreatyDto details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        AccessDeniedException.UnlessAdmin(_user);
        var treaty = await LoadAsync(code, version, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        if (details.Code is { } newCode && !string.Equals(newCode.Trim(), treaty.Code, StringComparison.OrdinalIgnoreCase))
        {
            errors["code"] = ["A treaty's code cannot change: links, deals and imports rely on it."];
        }

        if (details.Kind is { } kind && !string.Equals(kind.Trim(), Enums.Name(treaty.Kind), StringComparison.OrdinalIgnoreCase))
        {
            errors["kind"] = ["A treaty's kind cannot change: create a new treaty instead."];
        }

        if (details.RuleVersions is not null)
        {
            errors["ruleVersions"] = ["Rule versions are not changed with the details: create a new version instead."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var complete = new TreatyDto
        {
            Code = treaty.Code,
            Kind = Enums.Name(treaty.Kind),
            Name = details.Name,
            Parties = details.Parties,
            SignedOn = details.SignedOn,
            InForceFrom = details.InForceFrom,
            TerminatedOn = details.TerminatedOn,
            DatesNote = details.DatesNote,
            Sources = details.Sources,
        };
        await ValidateAsync(new TreatyDetailsValidator(_codes), complete, cancellationToken);
        return await ChangeAsync(treaty, version, "changed details", t =>
        {
            t.Rename(complete.Name!);
            t.SetParties(TreatyDocumentMapper.Parties(complete.Parties!));
            t.SetDates(complete.SignedOn, complete.InForceFrom, complete.TerminatedOn, complete.DatesNote);
            t.SetSources((complete.Sources ?? []).Select(TreatyDocumentMapper.Source));
        }, cancellationToken);
    }

    /// <summary>Ends the treaty on a date (termination, denunciation), with a note on why.</summary>
    public async Task<uint> EndAsync(string code, uint version, DateOnly? terminatedOn, string? note, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        if (terminatedOn is null)
        {
            throw new RequestValidationException("terminatedOn", "Give the date the treaty ends.");
        }

        if (note?.Length > Treaty.NoteMaxLength)
        {
            throw new RequestValidationException("note", $"The note may have at most {Treaty.NoteMaxLength} characters.");
        }

        var treaty = await LoadAsync(code, version, cancellationToken);
        return await ChangeAsync(treaty, version, "ended", t => t.End(terminatedOn.Value, note), cancellationToken);
    }

    /// <summary>
    /// Adds a draft rule version: the rules given, or a copy of the latest version's rules (published or not) to
    /// edit. Returns the draft's number.
    /// </summary>
    public async Task<(uint Version, int Number)> CreateDraftAsync(string code, uint version, RuleVersionDto? content, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        if (content is not null)
        {
            await ValidateDraftAsync(content, cancellationToken);
        }

        var treaty = await LoadAsync(code, version, cancellationToken);
        var latest = treaty.RuleVersions.MaxBy(v => v.Number);
        var rules = content?.Rules is { } dto ? TreatyDocumentMapper.RuleSet(dto) : latest?.Rules ?? new RuleSet();
        var note = content is null ? $"Draft copied from version {latest?.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"}." : content.ChangeNote;
        if (content is null && latest is null)
        {
            note = "First version of the rules.";
        }

        RuleVersion? added = null;
        var saved = await ChangeAsync(treaty, version, "drafted a rule version",
            t => added = t.AddDraftVersion(Guid.NewGuid(), content?.EffectiveFrom ?? (content is null ? Tomorrow(latest) : null), rules, note, _time.GetUtcNow(), Author),
            cancellationToken);
        return (saved, added!.Number);
    }

    /// <summary>Replaces a draft's date, note and rules as a whole (the rules in the interchange format).</summary>
    public async Task<uint> ReviseDraftAsync(string code, uint version, int number, RuleVersionDto content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        AccessDeniedException.UnlessAdmin(_user);
        await ValidateDraftAsync(content, cancellationToken);
        var treaty = await LoadAsync(code, version, cancellationToken);
        var draft = Find(treaty, number);
        return await ChangeAsync(treaty, version, $"revised draft {number}",
            t => t.ReviseDraft(draft.Id, content.EffectiveFrom, TreatyDocumentMapper.RuleSet(content.Rules!), content.ChangeNote), cancellationToken);
    }

    /// <summary>
    /// Publishes a draft from its effective date (given here, or the one on the draft). A date already taken by a
    /// published version is refused; once a treaty has published rules, a new version needs a date.
    /// </summary>
    public async Task<uint> PublishAsync(string code, uint version, int number, DateOnly? effectiveFrom, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        var treaty = await LoadAsync(code, version, cancellationToken);
        var draft = Find(treaty, number);
        var date = effectiveFrom ?? draft.EffectiveFrom;
        if (draft.IsPublished)
        {
            throw new DomainException($"Version {number} is already published; it cannot change. Create a new version instead.");
        }

        if (date is null && treaty.RuleVersions.Any(v => v.IsPublished))
        {
            throw new RequestValidationException("effectiveFrom", "Give the date these rules take effect: the treaty already has published rules.");
        }

        if (treaty.RuleVersions.FirstOrDefault(v => v.IsPublished && v.EffectiveFrom == date) is { } taken)
        {
            throw new RequestValidationException("effectiveFrom",
                $"Version {taken.Number} already takes effect on {date:yyyy-MM-dd}: choose another date (a published version is never replaced).");
        }

        return await ChangeAsync(treaty, version, $"published version {number}", t =>
        {
            t.ReviseDraft(draft.Id, date, draft.Rules, draft.ChangeNote);
            t.PublishVersion(draft.Id, _time.GetUtcNow(), Author);
        }, cancellationToken);
    }

    public async Task<uint> DiscardDraftAsync(string code, uint version, int number, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        var treaty = await LoadAsync(code, version, cancellationToken);
        var draft = Find(treaty, number);
        return await ChangeAsync(treaty, version, $"discarded draft {number}", t => t.DiscardDraft(draft.Id), cancellationToken);
    }

    /// <summary>Evaluates a deal (in the <c>POST /api/eligibility</c> format) against one rule version, draft or published.</summary>
    public async Task<TreatyPreviewResult> PreviewAsync(string code, int number, EvaluateDealRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        AccessDeniedException.UnlessAdmin(_user);
        var validation = await new EvaluateDealRequestValidator(_codes).ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            throw RequestValidationException.From(validation);
        }

        var treaty = await FindTreatyAsync(code, tracking: false, cancellationToken);
        var ruleVersion = Find(treaty, number);
        var date = request.Date ?? Today;
        var deal = EligibilityMapper.ToDomain(request.Deal!, date);
        var report = EligibilityEngine.Evaluate(deal, treaty, ruleVersion, date);
        return new TreatyPreviewResult(report, EligibilityMapper.Evaluation(report, treaty), treaty.Name);
    }

    /// <summary>
    /// Imports a treaty file (JSON text). Everything is checked first — syntax, unknown fields, types, every rule,
    /// codes already on record — and every error comes back with its line and field; if there is any, nothing is
    /// imported. Otherwise every treaty is added in one transaction. A code already on record is refused: an import
    /// only adds treaties (new versions of an existing one are added on its page or through the API).
    /// </summary>
    public async Task<TreatyImportResult> ImportAsync(string json, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        var errors = TreatyFileReader.Read(json, out var file, out var lines).ToList();
        if (errors.Count > 0)
        {
            return new TreatyImportResult([], errors);
        }

        var validation = await new TreatyFileValidator(_codes).ValidateAsync(file!, cancellationToken);
        errors.AddRange(validation.Errors.Select(e => new TreatyFileError(lines.LineOf(e.PropertyName), e.PropertyName, e.ErrorMessage)));

        var treaties = file!.Treaties ?? [];
        var codes = treaties.Select(t => t.Code?.Trim().ToLowerInvariant()).Where(c => !string.IsNullOrEmpty(c)).ToList();
        var existing = await _db.Treaties.Where(t => codes.Contains(t.Code)).Select(t => t.Code).ToListAsync(cancellationToken);
        for (var i = 0; i < treaties.Count; i++)
        {
            var code = treaties[i].Code?.Trim().ToLowerInvariant();
            if (code is not null && existing.Contains(code))
            {
                var path = $"treaties[{i}].code";
                errors.Add(new TreatyFileError(lines.LineOf(path), path,
                    $"A treaty with the code '{code}' is already on record: an import adds new treaties only. Add a rule version to it on its page or with POST /api/admin/treaties/{code}/versions."));
            }
        }

        var now = _time.GetUtcNow();
        var added = new List<Treaty>();
        if (errors.Count == 0)
        {
            for (var i = 0; i < treaties.Count; i++)
            {
                try
                {
                    added.Add(TreatyDocumentMapper.ToDomain(treaties[i], now, Author));
                }
                catch (DomainException ex)
                {
                    var path = $"treaties[{i}]";
                    errors.Add(new TreatyFileError(lines.LineOf(path), path, ex.Message));
                }
            }
        }

        if (errors.Count > 0)
        {
            return new TreatyImportResult([], [.. errors.OrderBy(e => e.Line)]);
        }

        foreach (var treaty in added)
        {
            _db.Treaties.Add(treaty);
            _audit.Record(Area, treaty.Code, null, "imported", TreatyFacts.Compare(null, TreatyDocumentMapper.ToDto(treaty)));
        }

        await SaveAsync(cancellationToken);
        return new TreatyImportResult([.. added.Select(t => t.Code)], []);
    }

    /// <summary>Every treaty (or the ones named) as a treaty file, drafts included.</summary>
    public async Task<TreatyFileDto> ExportAsync(IReadOnlyCollection<string>? codes, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        var query = _db.Treaties.AsNoTracking().Include(t => t.RuleVersions).AsQueryable();
        if (codes is { Count: > 0 })
        {
            var wanted = codes.Select(c => c.Trim().ToLowerInvariant()).ToList();
            query = query.Where(t => wanted.Contains(t.Code));
        }

        var treaties = await query.OrderBy(t => t.Code).ToListAsync(cancellationToken);
        return new TreatyFileDto { Format = TreatyFileDto.CurrentFormat, Treaties = [.. treaties.Select(TreatyDocumentMapper.ToDto)] };
    }

    /// <summary>A treaty file as JSON text, indented, in the interchange format.</summary>
    public static string Serialize(TreatyFileDto file) => JsonSerializer.Serialize(file, Json.Indented);

    /// <summary>The treaty (tracked) if it exists and the admin's loaded version is still current.</summary>
    private async Task<Treaty> LoadAsync(string code, uint version, CancellationToken cancellationToken)
    {
        var treaty = await FindTreatyAsync(code, tracking: true, cancellationToken);
        if (treaty.Version != version)
        {
            throw Conflict();
        }

        return treaty;
    }

    private async Task<Treaty> FindTreatyAsync(string code, bool tracking, CancellationToken cancellationToken)
    {
        var normalized = code?.Trim().ToLowerInvariant() ?? string.Empty;
        var query = _db.Treaties.Include(t => t.RuleVersions).Where(t => t.Code == normalized);
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"There is no treaty with the code '{code}'.");
    }

    private async Task<uint> ChangeAsync(Treaty treaty, uint version, string action, Action<Treaty> change, CancellationToken cancellationToken)
    {
        var before = TreatyDocumentMapper.ToDto(treaty);
        change(treaty);
        _db.ExpectVersion(treaty, version);
        var changes = TreatyFacts.Compare(before, TreatyDocumentMapper.ToDto(treaty));
        if (_audit.Record(Area, treaty.Code, null, action, changes) == 0)
        {
            _audit.Record(Area, treaty.Code, null, action, "Treaty", null, "no field changed");
        }

        await SaveAsync(cancellationToken);
        return treaty.Version;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw Conflict(ex);
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message.Contains("ix_treaties_code", StringComparison.Ordinal) == true)
        {
            throw new ConflictException("A treaty with this code was created meanwhile by someone else. Nothing was saved.", ex);
        }
    }

    private static RuleVersion Find(Treaty treaty, int number) =>
        treaty.RuleVersions.FirstOrDefault(v => v.Number == number)
        ?? throw new NotFoundException($"{treaty.Name} has no rule version {number}.");

    /// <summary>A copied draft starts the day after the latest published date, so it never collides with it.</summary>
    private DateOnly? Tomorrow(RuleVersion? latest) =>
        latest?.EffectiveFrom is { } from && from >= Today ? from.AddDays(1) : Today.AddDays(1);

    private async Task ValidateDraftAsync(RuleVersionDto content, CancellationToken cancellationToken)
    {
        if (content.Status is { } status && !status.Equals("draft", StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestValidationException("status", "A new or revised version is a draft: publish it with its own request once previewed.");
        }

        await ValidateAsync(new RuleVersionDtoValidator(_codes), content, cancellationToken);
    }

    private static async Task ValidateAsync<T>(IValidator<T> validator, T input, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
        {
            throw RequestValidationException.From(result);
        }
    }

    private static ConflictException Conflict(Exception? inner = null) =>
        new("Someone else changed this treaty after you opened it. Nothing was saved: reload it, check their change, and make yours again.",
            inner ?? new DomainException("version mismatch"));
}
