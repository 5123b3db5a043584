using CoProd.Application.Deals;

namespace CoProd.Application.Review;

/// <summary>A place a comment can be anchored to: its value ("legal:law"), its words, and the section page it is on.</summary>
public sealed record AnchorChoice(string Value, string Label, string Section);

/// <summary>
/// The parts of a deal a comment can be about: a section ("partners", "legal"), a decision domain
/// ("decisions:final-cut") or a legal term ("legal:law"). Labels use the same words as the comparison of versions,
/// so a comment on "Legal terms › Governing law" sits beside the change it is about.
/// </summary>
public static class ReviewAnchors
{
    private static readonly (string Value, string Label, string Page)[] Sections =
    [
        ("deal", "The deal as a whole", string.Empty),
        ("overview", "Project", string.Empty),
        ("partners", "Partners & money", "/partners"),
        ("people", "People & places", "/people"),
        ("eligibility", "Eligibility", "/eligibility"),
        ("decisions", "Decision rights", "/decisions"),
        ("milestones", "Milestones", "/milestones"),
        ("rights", "Distribution rights", "/rights"),
        ("legal", "Legal terms", "/legal"),
    ];

    /// <summary>The legal terms one can comment on, keyed as in <see cref="DealFacts"/> ("legal.law" → "legal:law").</summary>
    private static readonly (string Key, string Label)[] LegalTerms =
    [
        ("law", "Governing law"),
        ("disputes", "Dispute resolution"),
        ("domicile", "Domicile of the production entity"),
        ("ip", "IP ownership"),
        ("exit", "Exit and termination"),
        ("credits", "Credits"),
        ("insurance", "Insurance"),
        ("collection", "Collection account"),
        ("incentives", "Tax incentives"),
    ];

    /// <summary>Every anchor, in the order of the deal's sections, with decision domains from the catalogue.</summary>
    public static IReadOnlyList<AnchorChoice> Choices(CatalogueNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var choices = new List<AnchorChoice>();
        foreach (var (value, label, _) in Sections)
        {
            choices.Add(new AnchorChoice(value, label, label));
            if (value == "decisions")
            {
                choices.AddRange(names.DecisionDomains.OrderBy(d => d.Value, StringComparer.Ordinal)
                    .Select(d => new AnchorChoice($"decisions:{d.Key}", $"{label} › {d.Value}", label)));
            }
            else if (value == "legal")
            {
                choices.AddRange(LegalTerms.Select(t => new AnchorChoice($"legal:{t.Key}", $"{label} › {t.Label}", label)));
            }
        }

        return choices;
    }

    public static bool IsValid(string? anchor, CatalogueNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var value = anchor?.Trim().ToLowerInvariant();
        return value is not null && Choices(names).Any(c => c.Value == value);
    }

    /// <summary>"Legal terms › Governing law"; an anchor no longer known (a retired domain) reads as its code.</summary>
    public static string Label(string anchor, CatalogueNames names)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(names);
        var (section, detail) = Split(anchor);
        var sectionLabel = Sections.FirstOrDefault(s => s.Value == section).Label ?? section;
        return detail is null ? sectionLabel : section switch
        {
            "decisions" => $"{sectionLabel} › {names.Domain(detail)}",
            "legal" => $"{sectionLabel} › {LegalTerms.FirstOrDefault(t => t.Key == detail).Label ?? detail}",
            _ => $"{sectionLabel} › {detail}",
        };
    }

    /// <summary>The page of the deal the anchor is on ("deals/{id}/legal"), relative to the app's base.</summary>
    public static string Href(Guid dealId, string anchor)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        var (section, _) = Split(anchor);
        var page = Sections.FirstOrDefault(s => s.Value == section).Page ?? string.Empty;
        return $"deals/{dealId}{page}";
    }

    private static (string Section, string? Detail) Split(string anchor)
    {
        var colon = anchor.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (anchor, null) : (anchor[..colon], anchor[(colon + 1)..]);
    }
}
