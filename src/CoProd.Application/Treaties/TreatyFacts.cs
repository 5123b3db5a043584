using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoProd.Application.Common;
using CoProd.Application.Deals;

namespace CoProd.Application.Treaties;

/// <summary>
/// A treaty in the interchange format as facts in words, compared field by field for the audit trail and the
/// treaty's history page ("Rule version 2 › Bilateral shares › Minimum: 20 → 15").
/// </summary>
public static class TreatyFacts
{
    /// <summary>A field with no value; not worth a line when a treaty or a version is added or removed.</summary>
    private const string Empty = "—";

    private sealed record Fact(string Key, string Section, string Label, string Value);

    public static IReadOnlyList<FieldChange> Compare(TreatyDto? before, TreatyDto? after)
    {
        var old = before is null ? [] : Flatten(before).ToList();
        var current = after is null ? [] : Flatten(after).ToList();
        var oldByKey = old.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var currentKeys = current.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var changes = new List<FieldChange>();
        foreach (var fact in current)
        {
            if (!oldByKey.TryGetValue(fact.Key, out var was))
            {
                if (fact.Value != Empty)
                {
                    changes.Add(new FieldChange(fact.Section, fact.Label, null, fact.Value));
                }
            }
            else if (was.Value != fact.Value)
            {
                changes.Add(new FieldChange(fact.Section, fact.Label, was.Value, fact.Value));
            }
        }

        changes.AddRange(old.Where(f => !currentKeys.Contains(f.Key) && f.Value != Empty).Select(f => new FieldChange(f.Section, f.Label, f.Value, null)));
        return changes;
    }

    private static IEnumerable<Fact> Flatten(TreatyDto treaty)
    {
        const string details = "Treaty";
        yield return new("code", details, "Code", treaty.Code ?? "—");
        yield return new("name", details, "Name", treaty.Name ?? "—");
        yield return new("kind", details, "Kind", treaty.Kind ?? "—");
        yield return new("signedOn", details, "Signed on", Date(treaty.SignedOn));
        yield return new("inForceFrom", details, "In force from", Date(treaty.InForceFrom));
        yield return new("terminatedOn", details, "Terminated on", Date(treaty.TerminatedOn));
        yield return new("datesNote", details, "Note on dates", treaty.DatesNote ?? "—");
        foreach (var party in treaty.Parties ?? [])
        {
            var code = party.Country?.Trim().ToUpperInvariant() ?? "?";
            yield return new($"party.{code}", "Parties", code, PartyWords(party));
        }

        var sources = treaty.Sources ?? [];
        for (var i = 0; i < sources.Count; i++)
        {
            yield return new($"source.{i}", "Sources", $"Source {i + 1}", SourceWords(sources[i]));
        }

        var versions = treaty.RuleVersions ?? [];
        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions[i];
            var number = version.Number ?? i + 1;
            var section = $"Rule version {number}";
            var key = $"v{number}";
            yield return new($"{key}.status", section, "Status", version.Status ?? "published");
            yield return new($"{key}.effectiveFrom", section, "Effective from", version.EffectiveFrom is { } from ? Date(from) : "since the treaty began");
            yield return new($"{key}.changeNote", section, "Change note", version.ChangeNote ?? "—");
            if (version.Rules is not null)
            {
                var node = JsonSerializer.SerializeToNode(version.Rules, Json.Options);
                foreach (var (path, label, value) in Leaves(node, string.Empty, string.Empty))
                {
                    yield return new($"{key}.rules{path}", section, label, value);
                }
            }
        }
    }

    /// <summary>Every value in the rules, with a path key and a label in words; a source is one value.</summary>
    private static IEnumerable<(string Path, string Label, string Value)> Leaves(JsonNode? node, string path, string label)
    {
        switch (node)
        {
            case JsonObject obj when IsSource(path):
                yield return (path, label, SourceWords(obj.Deserialize<SourceDto>(Json.Options)!));
                break;
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    foreach (var leaf in Leaves(child, $"{path}.{name}", Join(label, Humanize(name))))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonArray array when array.All(item => item is JsonValue):
                yield return (path, label, array.Count == 0 ? "—" : string.Join(", ", array.Select(item => item!.ToString())));
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var leaf in Leaves(array[i], $"{path}[{i}]", $"{label} {i + 1}"))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonValue value:
                yield return (path, label, value.ToJsonString() is var text && text.StartsWith('"') ? value.GetValue<string>() : text);
                break;
            default:
                yield return (path, label, "—");
                break;
        }
    }

    private static bool IsSource(string path) => path.EndsWith(".source", StringComparison.Ordinal);

    private static string Join(string label, string name) => label.Length == 0 ? name : $"{label} › {name}";

    /// <summary>"bilateralShares" → "Bilateral shares".</summary>
    public static string Humanize(string name)
    {
        var words = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return words.ToString();
    }

    private static string PartyWords(TreatyPartyDto party) =>
        (party.From, party.Until) switch
        {
            (null, null) => "party",
            ({ } from, null) => $"party from {Date(from)}",
            (null, { } until) => $"party until {Date(until)}",
            ({ } from, { } until) => $"party from {Date(from)} until {Date(until)}",
        };

    private static string SourceWords(SourceDto source)
    {
        var text = new StringBuilder(source.Article ?? "—");
        if (!string.IsNullOrWhiteSpace(source.Url))
        {
            text.Append(" (").Append(source.Url).Append(')');
        }

        if (!string.IsNullOrWhiteSpace(source.Note))
        {
            text.Append(" — ").Append(source.Note);
        }

        if (source.Confidence is { } confidence && !confidence.Equals("solid", StringComparison.OrdinalIgnoreCase))
        {
            text.Append(" [").Append(confidence).Append(']');
        }

        return text.ToString();
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
}
