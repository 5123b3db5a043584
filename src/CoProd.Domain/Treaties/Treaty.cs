using CoProd.Domain.Common;
using CoProd.Domain.ReferenceData;

namespace CoProd.Domain.Treaties;

public enum TreatyKind
{
    /// <summary>An agreement between two states.</summary>
    Bilateral,

    /// <summary>A multilateral convention open to many parties (the European Conventions).</summary>
    Convention,
}

/// <summary>A country's membership of a treaty, with dates where they are known.</summary>
public sealed record TreatyParty(CountryCode Country, DateOnly? From = null, DateOnly? Until = null)
{
    public bool IsPartyOn(DateOnly date) => (From is null || From <= date) && (Until is null || date < Until);
}

/// <summary>
/// A co-production treaty or convention: its parties and dates, and its rules as versions effective from a date.
/// A published version is never rewritten: a change is a new version, so a deal checked against version 1 can
/// always show what version 1 said.
/// </summary>
public sealed class Treaty
{
    public const int CodeMaxLength = 50;
    public const int NameMaxLength = 300;
    public const int NoteMaxLength = 4000;

    private readonly List<TreatyParty> _parties = [];
    private readonly List<RuleVersion> _ruleVersions = [];
    private readonly List<RuleSource> _sources = [];

    private Treaty()
    {
        Code = null!;
        Name = null!;
    }

    public Treaty(Guid id, string code, string name, TreatyKind kind, IEnumerable<TreatyParty> parties)
    {
        Id = id;
        Code = ValidCode(code);
        Name = null!;
        Rename(name);
        Kind = kind;
        SetParties(parties);
    }

    public Guid Id { get; private set; }

    /// <summary>Stable short name used in links, the API and imports (e.g. "ca-fr", "coe-ets-147").</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public TreatyKind Kind { get; private set; }

    public DateOnly? SignedOn { get; private set; }

    /// <summary>Null when the date is not on record: the engine then warns instead of assuming.</summary>
    public DateOnly? InForceFrom { get; private set; }

    public DateOnly? TerminatedOn { get; private set; }

    /// <summary>What is known or unsure about the dates.</summary>
    public string? DatesNote { get; private set; }

    public IReadOnlyList<TreatyParty> Parties => _parties;

    public IReadOnlyList<RuleVersion> RuleVersions => _ruleVersions;

    /// <summary>Sources for the treaty as a whole (its text, the authorities' summaries).</summary>
    public IReadOnlyList<RuleSource> Sources => _sources;

    public uint Version { get; private set; }

    public bool IsPartyOn(CountryCode country, DateOnly date) =>
        _parties.Exists(p => p.Country == country && p.IsPartyOn(date));

    public IEnumerable<CountryCode> PartiesOn(DateOnly date) =>
        _parties.Where(p => p.IsPartyOn(date)).Select(p => p.Country);

    /// <summary>In force on the date, as far as the record shows (an unknown start date counts as in force).</summary>
    public bool IsInForceOn(DateOnly date) =>
        (InForceFrom is null || InForceFrom <= date) && (TerminatedOn is null || date < TerminatedOn);

    /// <summary>The published rule version in effect on the date: the latest one effective on or before it.</summary>
    public RuleVersion? RulesOn(DateOnly date) =>
        _ruleVersions
            .Where(v => v.IsPublished && v.IsEffectiveOn(date))
            .MaxBy(v => (v.EffectiveFrom ?? DateOnly.MinValue, v.Number));

    public RuleVersion? LatestPublished =>
        _ruleVersions.Where(v => v.IsPublished).MaxBy(v => (v.EffectiveFrom ?? DateOnly.MinValue, v.Number));

    public void Rename(string name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        Name = trimmed.Length is > 0 and <= NameMaxLength
            ? trimmed
            : throw new DomainException($"A treaty's name needs 1 to {NameMaxLength} characters.");
    }

    public void SetDates(DateOnly? signedOn, DateOnly? inForceFrom, DateOnly? terminatedOn, string? datesNote)
    {
        if (inForceFrom is { } start && terminatedOn is { } end && end <= start)
        {
            throw new DomainException("A treaty cannot end before it comes into force.");
        }

        if (datesNote?.Length > NoteMaxLength)
        {
            throw new DomainException($"The note on dates may have at most {NoteMaxLength} characters.");
        }

        SignedOn = signedOn;
        InForceFrom = inForceFrom;
        TerminatedOn = terminatedOn;
        DatesNote = string.IsNullOrWhiteSpace(datesNote) ? null : datesNote.Trim();
    }

    /// <summary>Ends the treaty on a date (termination or denunciation); later evaluations fail its in-force check.</summary>
    public void End(DateOnly terminatedOn, string? note)
    {
        if (InForceFrom is { } start && terminatedOn <= start)
        {
            throw new DomainException("A treaty cannot end before it comes into force.");
        }

        TerminatedOn = terminatedOn;
        if (!string.IsNullOrWhiteSpace(note))
        {
            DatesNote = string.IsNullOrWhiteSpace(DatesNote) ? note.Trim() : $"{DatesNote} {note.Trim()}";
        }
    }

    public void SetParties(IEnumerable<TreatyParty> parties)
    {
        ArgumentNullException.ThrowIfNull(parties);
        var list = parties.ToList();
        if (list.Select(p => p.Country).Distinct().Count() != list.Count)
        {
            throw new DomainException("A country is listed twice among the parties.");
        }

        if (Kind == TreatyKind.Bilateral && list.Count != 2)
        {
            throw new DomainException("A bilateral treaty has exactly two parties.");
        }

        if (Kind == TreatyKind.Convention && list.Count < 2)
        {
            throw new DomainException("A convention needs at least two parties.");
        }

        _parties.Clear();
        _parties.AddRange(list);
    }

    public void SetSources(IEnumerable<RuleSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources.Clear();
        _sources.AddRange(sources);
    }

    /// <summary>Adds a draft version of the rules; it takes effect only once published.</summary>
    public RuleVersion AddDraftVersion(Guid id, DateOnly? effectiveFrom, RuleSet rules, string? changeNote, DateTimeOffset now, string? author)
    {
        if (_ruleVersions.Exists(v => !v.IsPublished))
        {
            throw new DomainException("This treaty already has a draft version: publish or discard it first.");
        }

        var number = _ruleVersions.Count == 0 ? 1 : _ruleVersions.Max(v => v.Number) + 1;
        var version = new RuleVersion(id, Id, number, effectiveFrom, rules, changeNote, now, author);
        _ruleVersions.Add(version);
        return version;
    }

    public void PublishVersion(Guid versionId, DateTimeOffset now, string? publisher)
    {
        var version = FindVersion(versionId);
        if (_ruleVersions.Exists(v => v.IsPublished && v.EffectiveFrom == version.EffectiveFrom))
        {
            throw new DomainException(version.EffectiveFrom is { } date
                ? $"A published version already takes effect on {date:yyyy-MM-dd}: choose another date."
                : "A published version already applies from the treaty's start: give this one the date it takes effect.");
        }

        version.Publish(now, publisher);
    }

    public void DiscardDraft(Guid versionId)
    {
        var version = FindVersion(versionId);
        if (version.IsPublished)
        {
            throw new DomainException("A published version is kept for the deals checked against it; publish a new version instead.");
        }

        _ruleVersions.Remove(version);
    }

    public void ReviseDraft(Guid versionId, DateOnly? effectiveFrom, RuleSet rules, string? changeNote) =>
        FindVersion(versionId).Revise(effectiveFrom, rules, changeNote);

    private RuleVersion FindVersion(Guid versionId) =>
        _ruleVersions.Find(v => v.Id == versionId) ?? throw new DomainException("That rule version is not part of this treaty.");

    private static string ValidCode(string code)
    {
        var trimmed = code?.Trim().ToLowerInvariant() ?? string.Empty;
        return trimmed.Length is > 0 and <= CodeMaxLength && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? trimmed
            : throw new DomainException($"A treaty code has 1 to {CodeMaxLength} letters, digits and hyphens (e.g. ca-fr).");
    }
}
