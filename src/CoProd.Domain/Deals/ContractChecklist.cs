namespace CoProd.Domain.Deals;

/// <summary>One clause a co-production contract must cover, and whether this deal settles it yet.</summary>
public sealed record ChecklistItem(string Key, string Clause, string Section, bool Settled, string Detail);

/// <summary>Names to say the checklist in words: decision domains and countries by code, and the deal's treaty.</summary>
public sealed record ChecklistNames(IReadOnlyDictionary<string, string> Domains, IReadOnlyDictionary<string, string> Countries, string? Treaty)
{
    /// <summary>No names: codes are shown as they are.</summary>
    public static ChecklistNames None { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>(), null);

    internal string Domain(string code) => Domains.GetValueOrDefault(code) ?? code;

    internal string Country(ReferenceData.CountryCode? code) => code is null ? string.Empty : Countries.GetValueOrDefault(code.Value) ?? code.Value;
}

/// <summary>
/// The clauses a co-production contract must cover (design.md and the guides in shared/seeds), checked against the
/// deal: each says what is settled and what is still missing.
/// </summary>
public static class ContractChecklist
{
    /// <param name="deal">The deal to check.</param>
    /// <param name="criticalDomains">Codes of the decision domains every deal must give an owner.</param>
    /// <param name="rights">The analysis of the deal's grants, if made.</param>
    /// <param name="names">Names of domains, countries and the treaty, to say in words what is settled or missing.</param>
    public static IReadOnlyList<ChecklistItem> For(Deal deal, IReadOnlyCollection<string> criticalDomains, RightsReport? rights, ChecklistNames? names = null)
    {
        names ??= ChecklistNames.None;
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(criticalDomains);
        var financing = deal.Financing();
        var legal = deal.Legal;
        var owned = deal.DecisionRules.Select(r => r.DomainCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unowned = criticalDomains.Where(d => !owned.Contains(d)).ToList();

        return
        [
            Item("partners", "Partners and what each brings", "partners", financing.Partners.Count(p => p.Total.Amount > 0) >= 2,
                $"{financing.Partners.Count} partner(s), {financing.Partners.Count(p => p.Total.Amount > 0)} contributing", "at least two partners with contributions"),
            Roles(financing),
            Item("financing", "Financing plan covers the budget", "partners", financing.Total.Amount > 0 && financing.Gap.Amount == 0,
                financing.Gap.Amount == 0 ? "contributions equal the budget" : $"{(financing.Gap.Amount < 0 ? "short by" : "over by")} {Math.Abs(financing.Gap.Amount):N0} {deal.Currency}", "contributions must add up to the budget"),
            Item("treaty", "Treaty (official) or contract basis (unofficial)", "overview", deal.Kind != DealKind.Undecided,
                deal.Kind switch { DealKind.Official => $"official, under {names.Treaty ?? deal.TreatyCode}", DealKind.Unofficial => "unofficial: the contract alone", _ => string.Empty }, "decide official or unofficial"),
            Item("overages", "Who pays overages", "partners", true, OverageText(deal.Overages), string.Empty),
            Item("decisions", "Decision rights for every critical domain", "decisions", unowned.Count == 0,
                $"{owned.Count} domain(s) assigned", $"no owner yet for: {string.Join(", ", unowned.Select(names.Domain))}"),
            Item("milestones", "Milestones and approval gates", "milestones", deal.Milestones.Any(m => m.DueDate is not null),
                $"{deal.Milestones.Count} milestone(s)", "add milestones with due dates"),
            Item("rights", "Distribution rights, without conflicts or gaps", "rights",
                deal.Rights.Grants.Count > 0 && rights is { IsComplete: true },
                $"{deal.Rights.Grants.Count} grant(s)",
                deal.Rights.Grants.Count == 0 ? "no grants yet" : rights is null ? "not analysed" : $"{rights.Conflicts.Count} conflict(s), {rights.Gaps.Count(g => g.Unassigned.Count > 0)} medium/media with unassigned territories"),
            Item("revenue", "Revenue sharing", "rights", true,
                string.IsNullOrWhiteSpace(deal.Rights.RevenueSharing) ? "in proportion to contributions (default)" : "negotiated terms recorded", string.Empty),
            Item("governing-law", "Governing law", "legal", legal.GoverningLaw is not null, $"law of {names.Country(legal.GoverningLaw)}", "choose the governing law"),
            Item("disputes", "Dispute resolution (forum, seat, rules)", "legal",
                legal.DisputeResolution is not null && !string.IsNullOrWhiteSpace(legal.Seat) && (legal.DisputeResolution != DisputeResolution.Arbitration || !string.IsNullOrWhiteSpace(legal.ArbitrationRules)),
                $"{legal.DisputeResolution} in {legal.Seat}{(string.IsNullOrWhiteSpace(legal.ArbitrationRules) ? string.Empty : $" under {legal.ArbitrationRules}")}",
                legal.DisputeResolution is null ? "choose court or arbitration" : string.IsNullOrWhiteSpace(legal.Seat) ? "give the seat" : "name the arbitration rules"),
            Item("domicile", "Domicile of the production entity", "legal", legal.ProductionEntityDomicile is not null, names.Country(legal.ProductionEntityDomicile), "say where the production entity is domiciled"),
            Item("ip", "Copyright and IP ownership", "legal",
                legal.IpOwnership == IpOwnership.ProportionalToShares || (legal.IpOwnership == IpOwnership.Negotiated && legal.IpSplit.Sum(s => s.Share.Value) == 100m),
                legal.IpOwnership == IpOwnership.ProportionalToShares ? "in proportion to shares" : "negotiated split",
                legal.IpOwnership is null ? "say who owns the IP" : "the negotiated split must add up to 100 %"),
            Item("exit", "Exit and termination", "legal", !string.IsNullOrWhiteSpace(legal.ExitAndTermination), "settled", "say what happens if a partner wants out"),
            Item("credits", "Credits", "legal", !string.IsNullOrWhiteSpace(legal.Credits), "settled", "agree the credits"),
            Item("insurance", "Insurance", "legal", !string.IsNullOrWhiteSpace(legal.Insurance), "settled", "agree the insurance"),
            Item("collection", "Collection account or escrow", "legal", !string.IsNullOrWhiteSpace(legal.CollectionAccount), "settled", "agree how revenue is collected"),
            Item("incentives", "Who captures which tax incentive", "legal", legal.TaxIncentives.Count > 0, $"{legal.TaxIncentives.Count} incentive(s) assigned", "say which partner claims which incentive"),
        ];
    }

    private static ChecklistItem Item(string key, string clause, string section, bool settled, string done, string missing) =>
        new(key, clause, section, settled, settled ? done : missing);

    /// <summary>
    /// One partner leads (majority or delegate producer), and it brings no less than any other partner: a "majority"
    /// partner at 20 % is a contract that says one thing and a financing plan that says another.
    /// </summary>
    private static ChecklistItem Roles(DealFinancing financing)
    {
        const string Clause = "Partner roles match the money";
        var leads = financing.Partners.Where(p => p.Partner.Role == PartnerRole.MajorityDelegate).ToList();
        if (leads.Count == 0)
        {
            return new("roles", Clause, "partners", false, "name the majority or delegate producer who leads the production");
        }

        if (leads.Count > 1)
        {
            return new("roles", Clause, "partners", false, $"only one partner leads: {string.Join(" and ", leads.Select(l => l.Partner.CompanyName))} are each named majority or delegate producer");
        }

        var lead = leads[0];
        if (financing.Total.Amount <= 0m)
        {
            return new("roles", Clause, "partners", false, $"{lead.Partner.CompanyName} leads; add contributions to check that the money agrees");
        }

        var larger = financing.Partners.Where(p => p.Share > lead.Share).OrderByDescending(p => p.Share).FirstOrDefault();
        return larger is null
            ? new("roles", Clause, "partners", true, $"{lead.Partner.CompanyName} leads with {lead.Share}{(financing.Partners.Any(p => p != lead && p.Share == lead.Share) ? " (equal partners)" : string.Empty)}")
            : new("roles", Clause, "partners", false,
                $"{lead.Partner.CompanyName} is named majority or delegate producer with {lead.Share}, but {larger.Partner.CompanyName} brings {larger.Share}: change the roles or the money");
    }

    private static string OverageText(OveragePolicy policy) => policy.Mode switch
    {
        OverageMode.ProRata => "pro rata to shares",
        OverageMode.Capped => $"pro rata up to {policy.Cap:N0}, then as agreed",
        OverageMode.BorneByPartner => "borne by one partner",
        _ => policy.Mode.ToString(),
    };
}
