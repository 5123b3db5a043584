using System.Globalization;
using CoProd.Domain.Deals;

namespace CoProd.Application.Deals;

/// <summary>
/// One fact about a deal, in words: a stable key, where it sits ("Decision rights › Final cut"), and its value.
/// <paramref name="LabelIsName"/> is false when the label only repeats part of the value (a grant is labelled by
/// its territories), so a changed label is a changed value, not a rename.
/// </summary>
public sealed record DealFact(string Key, string Section, string Label, string Value, bool LabelIsName = true);

/// <summary>A fact that differs between two states of a deal; a null side means it was added or removed.</summary>
public sealed record FieldChange(string Section, string Label, string? Old, string? New)
{
    public string Field => $"{Section} › {Label}";

    /// <summary>"Final cut: Tokyo Anima alone → joint (Tokyo Anima, Pacific Pictures)".</summary>
    public override string ToString() => Old is null ? $"{Field}: added ({New})" : New is null ? $"{Field}: removed (was {Old})" : $"{Field}: {Old} → {New}";
}

/// <summary>Names the catalogue codes in words when describing a deal.</summary>
public sealed record CatalogueNames(IReadOnlyDictionary<string, string> DecisionDomains, IReadOnlyDictionary<string, string> Media, IReadOnlyDictionary<string, string> Territories)
{
    public static CatalogueNames Empty { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>());

    public string Domain(string code) => DecisionDomains.GetValueOrDefault(code, code);

    public string Medium(string code) => Media.GetValueOrDefault(code, code);

    /// <summary>Country names by ISO code, so grants read "Japan" rather than "JP".</summary>
    public IReadOnlyDictionary<string, string> Countries { get; init; } = new Dictionary<string, string>();

    /// <summary>A territory-group code or a country code in words.</summary>
    public string Territory(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Territories.TryGetValue(code.ToLowerInvariant(), out var group) ? group
            : Countries.TryGetValue(code.ToUpperInvariant(), out var country) ? country
            : code;
    }
}

/// <summary>
/// Turns a deal document into facts in plain words, and compares two documents fact by fact. The same comparison
/// serves "what changed since my last review" and the audit trail, so both describe a change the same way.
/// </summary>
public static class DealFacts
{
    public static IReadOnlyList<FieldChange> Compare(DealDocument before, DealDocument after, CatalogueNames names)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = Flatten(before, names).ToDictionary(f => f.Key);
        var current = Flatten(after, names).ToDictionary(f => f.Key);
        var changes = new List<FieldChange>();
        foreach (var fact in Flatten(after, names))
        {
            if (!old.TryGetValue(fact.Key, out var was))
            {
                changes.Add(new FieldChange(fact.Section, fact.Label, null, fact.Value));
            }
            else if (was.Label != fact.Label && fact.LabelIsName)
            {
                // Renamed (a partner, a contribution's description, a milestone …): say what it was called.
                changes.Add(new FieldChange(fact.Section, fact.Label, $"{was.Label} ({was.Value})", $"{fact.Label} ({fact.Value})"));
            }
            else if (was.Value != fact.Value)
            {
                changes.Add(new FieldChange(fact.Section, fact.Label, was.Value, fact.Value));
            }
        }

        changes.AddRange(Flatten(before, names).Where(f => !current.ContainsKey(f.Key)).Select(f => new FieldChange(f.Section, f.Label, f.Value, null)));
        return changes;
    }

    public static IEnumerable<DealFact> Flatten(DealDocument deal, CatalogueNames names)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(names);
        const string project = "Project";
        yield return new("title", project, "Title", deal.Title);
        yield return new("format", project, "Format", Words(deal.ProductionFormat));
        yield return new("budget", project, "Budget", Amount(deal.Budget, deal.Currency));
        yield return new("synopsis", project, "Synopsis", deal.Synopsis ?? "—");
        yield return new("status", project, "Status", Words(deal.Status));
        yield return new("kind", project, "Type", deal.Kind == "official" ? $"official, under {deal.TreatyCode}" : Words(deal.Kind));
        yield return new("languages", project, "Languages", deal.Languages.Count == 0 ? "—" : string.Join(", ", deal.Languages));
        foreach (var (name, date) in deal.Schedule.Steps)
        {
            yield return new($"schedule.{name}", "Schedule", Capital(name), date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—");
        }

        foreach (var partner in deal.Partners)
        {
            var key = $"partner.{partner.Id}";
            yield return new($"{key}", "Partners", partner.Company, $"{partner.Country}, {Words(partner.Role)}{(partner.Contact is null ? string.Empty : $", contact {partner.Contact}")}");
            foreach (var c in partner.Contributions)
            {
                var rate = c.Currency == deal.Currency ? string.Empty : $" at {c.RateToDealCurrency.ToString("0.############", CultureInfo.InvariantCulture)} {deal.Currency}/{c.Currency} locked {c.RateLockedOn:yyyy-MM-dd}";
                yield return new($"contribution.{c.Id}", "Contributions", $"{partner.Company} › {c.Description}", $"{Words(c.Kind)} {Amount(c.Amount, c.Currency)}{rate}, spent in {c.SpendCountry}");
            }
        }

        foreach (var person in deal.KeyPeople)
        {
            yield return new($"person.{person.Id}", "Key people", Words(person.Role), $"{person.Name} ({person.Nationality}{(person.Residence is null ? string.Empty : $", resident in {person.Residence}")})");
        }

        yield return new("locations", "Places of work", "Locations", deal.Locations.Count == 0 ? "—" : string.Join("; ", deal.Locations.Select(l => $"{Words(l.Kind)}: {(l.Place is null ? l.Country : $"{l.Place}, {l.Country}")}")));

        var overages = deal.Overages;
        yield return new("overages", "Overages", "Who pays overages", overages.Mode switch
        {
            OverageMode.ProRata => "pro rata to shares",
            OverageMode.Capped => $"pro rata up to {Amount(overages.Cap ?? 0m, deal.Currency)}, then {deal.PartnerName(overages.ResponsiblePartnerId)}",
            OverageMode.BorneByPartner => $"borne by {deal.PartnerName(overages.ResponsiblePartnerId)}",
            _ => overages.Mode.ToString(),
        } + (overages.Notes is null ? string.Empty : $" ({overages.Notes})"));

        foreach (var rule in deal.DecisionRules)
        {
            yield return new($"decision.{rule.DomainCode}", "Decision rights", names.Domain(rule.DomainCode), DescribeRule(rule, deal));
        }

        foreach (var milestone in deal.Milestones)
        {
            yield return new($"milestone.{milestone.Id}", "Milestones", milestone.Name,
                $"due {milestone.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—"}, {Words(milestone.Status.ToString())}, buffer {milestone.BufferDays} day(s)" +
                (milestone.ApprovalDomainCode is null ? string.Empty : $", approved as {names.Domain(milestone.ApprovalDomainCode)}") +
                (milestone.CompletedOn is { } completed ? $", completed {completed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : string.Empty) +
                (milestone.Notes is null ? string.Empty : $"; notes: {milestone.Notes}"));
        }

        foreach (var grant in deal.Rights.Grants)
        {
            yield return new($"grant.{grant.Id}", "Distribution rights", $"{deal.PartnerName(grant.PartnerId)} › {string.Join(", ", grant.Territories.Select(names.Territory))}",
                DescribeGrant(grant, deal, names), LabelIsName: false);
        }

        foreach (var buyout in deal.Rights.Buyouts)
        {
            yield return new($"buyout.{buyout.Id}", "Buyout rights", $"{deal.PartnerName(buyout.HolderPartnerId)} may buy out {deal.PartnerName(buyout.FromPartnerId)}", $"when {buyout.Trigger}; price: {buyout.PriceBasis}");
        }

        foreach (var guarantee in deal.Rights.Guarantees)
        {
            yield return new($"guarantee.{guarantee.Id}", "Minimum guarantees", deal.PartnerName(guarantee.PartnerId),
                $"{Amount(guarantee.Amount.Amount, guarantee.Amount.Currency.Value)}{(guarantee.Territory is null ? string.Empty : $" for {names.Territory(guarantee.Territory)}")}" +
                (guarantee.Notes is null ? string.Empty : $"; notes: {guarantee.Notes}"));
        }

        yield return new("rights.structure", "Distribution rights", "Structure", deal.Rights.Structure ?? "—");
        yield return new("rights.revenue", "Distribution rights", "Revenue sharing", deal.Rights.RevenueSharing ?? "in proportion to contributions");

        var legal = deal.Legal;
        const string terms = "Legal terms";
        yield return new("legal.law", terms, "Governing law", legal.GoverningLaw?.Value ?? "—");
        yield return new("legal.disputes", terms, "Dispute resolution",
            legal.DisputeResolution is null ? "—" : $"{Words(legal.DisputeResolution.ToString()!)}{(legal.Seat is null ? string.Empty : $" in {legal.Seat}")}{(legal.ArbitrationRules is null ? string.Empty : $" under {legal.ArbitrationRules}")}");
        yield return new("legal.domicile", terms, "Domicile of the production entity", legal.ProductionEntityDomicile?.Value ?? "—");
        yield return new("legal.ip", terms, "IP ownership", legal.IpOwnership switch
        {
            IpOwnership.ProportionalToShares => "in proportion to shares",
            IpOwnership.Negotiated => "negotiated: " + string.Join(", ", legal.IpSplit.Select(s => $"{deal.PartnerName(s.PartnerId)} {s.Share}")),
            _ => "—",
        });
        yield return new("legal.exit", terms, "Exit and termination", legal.ExitAndTermination ?? "—");
        yield return new("legal.credits", terms, "Credits", legal.Credits ?? "—");
        yield return new("legal.insurance", terms, "Insurance", legal.Insurance ?? "—");
        yield return new("legal.collection", terms, "Collection account", legal.CollectionAccount ?? "—");
        yield return new("legal.incentives", terms, "Tax incentives",
            legal.TaxIncentives.Count == 0 ? "—" : string.Join("; ", legal.TaxIncentives.Select(t => $"{deal.PartnerName(t.PartnerId)}: {t.Incentive}")));

        if (deal.Eligibility is { } check)
        {
            yield return new("eligibility", "Eligibility", "Recorded check", $"{check.TreatyName} v{check.RuleVersionNumber} on {check.CheckedOn:yyyy-MM-dd}: {Words(check.Verdict)}");
        }
    }

    /// <summary>
    /// Everything a grant says, in words: "Asia, Japan; Theatrical, SVOD; exclusive; from 2027-01-01, open-ended;
    /// deals approved by Pacific Pictures; holdback: …; notes: …". Every part is in the value, so any change shows.
    /// </summary>
    public static string DescribeGrant(RightsGrant grant, DealDocument deal, CatalogueNames names)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(names);
        var parts = new List<string>
        {
            string.Join(", ", grant.Territories.Select(names.Territory)),
            string.Join(", ", grant.Media.Select(names.Medium)),
            grant.Exclusive ? "exclusive" : "non-exclusive",
            Term(grant.TermStart, grant.TermEnd),
        };
        if (grant.ApprovalPartnerIds.Count > 0)
        {
            parts.Add($"deals approved by {string.Join(", ", grant.ApprovalPartnerIds.Select(id => deal.PartnerName(id)))}");
        }

        if (grant.Holdback is not null)
        {
            parts.Add($"holdback: {grant.Holdback}");
        }

        if (grant.Notes is not null)
        {
            parts.Add($"notes: {grant.Notes}");
        }

        return string.Join("; ", parts);
    }

    /// <summary>"2027-01-01 to 2034-12-31", "from 2027-01-01, open-ended", "until 2034-12-31" or "no fixed term".</summary>
    public static string Term(DateOnly? start, DateOnly? end) => (start, end) switch
    {
        (null, null) => "no fixed term",
        ({ } from, null) => $"from {Date(from)}, open-ended",
        (null, { } until) => $"until {Date(until)}",
        ({ } from, { } until) => $"{Date(from)} to {Date(until)}",
    };

    public static string DescribeRule(DecisionRule rule, DealDocument deal)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(deal);
        var text = rule.Mode switch
        {
            DecisionMode.SoleAuthority => $"{deal.PartnerName(rule.DeciderPartnerId)} alone",
            DecisionMode.Joint => $"joint ({string.Join(", ", rule.ApproverPartnerIds.Select(id => deal.PartnerName(id)))})",
            DecisionMode.ApproveWithin => $"{deal.PartnerName(rule.DeciderPartnerId)} decides, {string.Join(", ", rule.ApproverPartnerIds.Select(id => deal.PartnerName(id)))} approve within {rule.ApprovalDays} days{(rule.DeemedApproval ? " (deemed approved after)" : string.Empty)}",
            _ => rule.Mode.ToString(),
        };
        text += rule.TieBreak switch
        {
            TieBreak.CastingVote => $"; casting vote: {deal.PartnerName(rule.TieBreakPartnerId)}",
            TieBreak.DeciderPrevails => "; the decider prevails on deadlock",
            TieBreak.Escalate => "; deadlocks escalate",
            _ => string.Empty,
        };
        return rule.Escalation is null ? text : $"{text}; escalation: {rule.Escalation}";
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Amount(decimal amount, string currency) =>
        $"{amount.ToString("#,##0.##", CultureInfo.InvariantCulture)} {currency}";

    /// <summary>"fictionFeature" → "fiction feature", "InLegalReview" → "in legal review".</summary>
    public static string Words(string camel)
    {
        ArgumentNullException.ThrowIfNull(camel);
        var builder = new System.Text.StringBuilder();
        foreach (var c in camel)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Replace("vfx", "VFX", StringComparison.Ordinal).Replace("lead actor", "lead actor ", StringComparison.Ordinal).Trim();
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
