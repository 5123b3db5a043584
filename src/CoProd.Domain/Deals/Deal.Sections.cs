using CoProd.Domain.Common;

namespace CoProd.Domain.Deals;

// The parts of a deal beyond its financing: project details, schedule, how decisions are made, milestones,
// distribution rights and legal terms. Sections held as values are replaced whole by their setters.
public sealed partial class Deal
{
    public const int SynopsisMaxLength = 4000;
    public const int MaxLanguages = 12;
    public const int LanguageMaxLength = 60;
    public const int MaxMilestones = 200;
    public const int MaxGrants = 500;

    private List<string> _languages = [];
    private List<DecisionRule> _decisionRules = [];
    private readonly List<Milestone> _milestones = [];

    public string? Synopsis { get; private set; }

    public DealKind Kind { get; private set; }

    /// <summary>The treaty the deal is made under, for an official co-production.</summary>
    public string? TreatyCode { get; private set; }

    public DealSchedule Schedule { get; private set; } = DealSchedule.Empty;

    public IReadOnlyList<string> Languages => _languages;

    public OveragePolicy Overages { get; private set; } = OveragePolicy.Default;

    public IReadOnlyList<DecisionRule> DecisionRules => _decisionRules;

    public IReadOnlyList<Milestone> Milestones => _milestones;

    public DealRights Rights { get; private set; } = DealRights.Empty;

    public LegalTerms Legal { get; private set; } = LegalTerms.Empty;

    /// <summary>The last eligibility check recorded on the deal (treaty, rule version, date, verdict).</summary>
    public EligibilityRecord? Eligibility { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    /// <summary>Changed on every edit, so the row's version moves with any change to the aggregate.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    public void SetDetails(string? synopsis, IEnumerable<string> languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        var trimmed = synopsis?.Trim();
        if (trimmed?.Length > SynopsisMaxLength)
        {
            throw new DomainException($"The synopsis may have at most {SynopsisMaxLength} characters.");
        }

        var list = languages.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count > MaxLanguages || list.Exists(l => l.Length > LanguageMaxLength))
        {
            throw new DomainException($"List up to {MaxLanguages} languages of up to {LanguageMaxLength} characters each.");
        }

        Synopsis = string.IsNullOrEmpty(trimmed) ? null : trimmed;
        _languages = list;
    }

    /// <summary>Official under a treaty (by code), unofficial, or undecided.</summary>
    public void SetKind(DealKind kind, string? treatyCode)
    {
        if (kind == DealKind.Official && string.IsNullOrWhiteSpace(treatyCode))
        {
            throw new DomainException("An official co-production needs the treaty it is made under.");
        }

        Kind = kind;
        TreatyCode = kind == DealKind.Official ? treatyCode!.Trim().ToLowerInvariant() : null;
    }

    public void SetSchedule(DealSchedule schedule) =>
        Schedule = (schedule ?? throw new DomainException("Give the schedule.")).Validated();

    public void SetOverages(OveragePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Mode is OverageMode.Capped && policy.Cap is not > 0m)
        {
            throw new DomainException("A capped overage policy needs a cap above zero.");
        }

        if (policy.Mode is OverageMode.BorneByPartner && policy.ResponsiblePartnerId is null)
        {
            throw new DomainException("Say which partner bears the overages.");
        }

        if (policy.ResponsiblePartnerId is { } partner)
        {
            FindPartner(partner);
        }

        if (policy.Notes?.Length > OveragePolicy.NotesMaxLength)
        {
            throw new DomainException($"Notes on overages may have at most {OveragePolicy.NotesMaxLength} characters.");
        }

        Overages = policy;
    }

    /// <summary>
    /// Sets who decides a domain, replacing any earlier rule for it. The rule is kept normalized (see
    /// <see cref="DecisionRule.Normalized"/>); every partner named must be in the deal.
    /// </summary>
    public void SetDecisionRule(DecisionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var normalized = rule.Normalized();
        if (normalized.Problem() is { } problem)
        {
            throw new DomainException(problem);
        }

        foreach (var partner in normalized.Participants)
        {
            FindPartner(partner);
        }

        var index = _decisionRules.FindIndex(r => r.DomainCode == normalized.DomainCode);
        if (index < 0)
        {
            _decisionRules.Add(normalized);
        }
        else
        {
            _decisionRules[index] = normalized;
        }
    }

    /// <summary>Clears the rule for a domain: nobody decides it any more.</summary>
    public void RemoveDecisionRule(string domainCode)
    {
        var code = domainCode?.Trim() ?? string.Empty;
        if (_decisionRules.RemoveAll(r => string.Equals(r.DomainCode, code, StringComparison.OrdinalIgnoreCase)) == 0)
        {
            throw new DomainException("No one has been set to decide that domain in this deal.");
        }
    }

    /// <summary>The rule for a domain, if one is set.</summary>
    public DecisionRule? DecisionRuleFor(string? domainCode) =>
        domainCode is null ? null : _decisionRules.Find(r => string.Equals(r.DomainCode, domainCode.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Adds the milestone, or replaces the one with its id. A completion date belongs to an approved or done
    /// milestone only; the approval domain is a catalogue code (its deciders approve the gate).
    /// </summary>
    public void SaveMilestone(Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        if (milestone.Id == Guid.Empty)
        {
            throw new DomainException("A milestone needs an id.");
        }

        var name = milestone.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > Milestone.NameMaxLength)
        {
            throw new DomainException($"A milestone needs a name of 1 to {Milestone.NameMaxLength} characters.");
        }

        if (!Enum.IsDefined(milestone.Status))
        {
            throw new DomainException("Choose the milestone's status.");
        }

        if (milestone.BufferDays is < 0 or > Milestone.MaxBufferDays)
        {
            throw new DomainException($"Buffer days are between 0 and {Milestone.MaxBufferDays}.");
        }

        if (milestone.CompletedOn is not null && !milestone.IsFinished)
        {
            throw new DomainException("Only an approved or done milestone has a completion date.");
        }

        var notes = string.IsNullOrWhiteSpace(milestone.Notes) ? null : milestone.Notes.Trim();
        if (notes?.Length > Milestone.NotesMaxLength)
        {
            throw new DomainException($"Notes may have at most {Milestone.NotesMaxLength} characters.");
        }

        var domain = string.IsNullOrWhiteSpace(milestone.ApprovalDomainCode) ? null : milestone.ApprovalDomainCode.Trim().ToLowerInvariant();
        if (domain?.Length > DecisionRule.DomainCodeMaxLength)
        {
            throw new DomainException("That is not a decision domain.");
        }

        var index = _milestones.FindIndex(m => m.Id == milestone.Id);
        if (index < 0 && _milestones.Count >= MaxMilestones)
        {
            throw new DomainException($"A deal has at most {MaxMilestones} milestones.");
        }

        var saved = milestone with { Name = name, Notes = notes, ApprovalDomainCode = domain };
        if (index < 0)
        {
            _milestones.Add(saved);
        }
        else
        {
            _milestones[index] = saved;
        }
    }

    public void RemoveMilestone(Guid milestoneId)
    {
        if (_milestones.RemoveAll(m => m.Id == milestoneId) == 0)
        {
            throw new DomainException("That milestone is not in this deal.");
        }
    }

    /// <summary>
    /// Replaces the rights section whole: every grant, buyout and guarantee must name partners of this deal, grants
    /// need a territory and a medium and a term that does not end before it starts; texts are trimmed and lists
    /// lose duplicates.
    /// </summary>
    public void SetRights(DealRights rights)
    {
        ArgumentNullException.ThrowIfNull(rights);
        if (rights.Grants.Count > MaxGrants)
        {
            throw new DomainException($"A deal has at most {MaxGrants} rights grants.");
        }

        if (rights.Buyouts.Count > DealRights.MaxBuyouts || rights.Guarantees.Count > DealRights.MaxGuarantees)
        {
            throw new DomainException($"A deal has at most {DealRights.MaxBuyouts} buyout rights and {DealRights.MaxGuarantees} minimum guarantees.");
        }

        if (rights.Grants.Select(g => g.Id).Distinct().Count() != rights.Grants.Count
            || rights.Buyouts.Select(b => b.Id).Distinct().Count() != rights.Buyouts.Count
            || rights.Guarantees.Select(g => g.Id).Distinct().Count() != rights.Guarantees.Count)
        {
            throw new DomainException("Each grant, buyout right and guarantee needs an id of its own.");
        }

        var grants = rights.Grants.Select(ValidatedGrant).ToList();
        var buyouts = rights.Buyouts.Select(ValidatedBuyout).ToList();
        var guarantees = rights.Guarantees.Select(ValidatedGuarantee).ToList();
        Rights = new DealRights(
            grants, buyouts, guarantees,
            OptionalText(rights.Structure, DealRights.StructureMaxLength, "The structure"),
            OptionalText(rights.RevenueSharing, DealRights.RevenueSharingMaxLength, "The revenue-sharing terms"));
    }

    private RightsGrant ValidatedGrant(RightsGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        FindPartner(grant.PartnerId);
        var territories = CodeList(grant.Territories);
        var media = CodeList(grant.Media);
        if (territories.Count == 0 || media.Count == 0)
        {
            throw new DomainException("A grant needs at least one territory and one medium.");
        }

        if (territories.Count > RightsGrant.MaxTerritories || media.Count > RightsGrant.MaxMedia)
        {
            throw new DomainException($"A grant lists at most {RightsGrant.MaxTerritories} territories and {RightsGrant.MaxMedia} media.");
        }

        if (grant.TermStart is { } start && grant.TermEnd is { } end && end < start)
        {
            throw new DomainException("A grant's term cannot end before it starts.");
        }

        var approvers = (grant.ApprovalPartnerIds ?? []).Distinct().ToList();
        foreach (var approver in approvers)
        {
            FindPartner(approver);
        }

        if (approvers.Contains(grant.PartnerId))
        {
            throw new DomainException("A partner does not approve its own distribution deals: choose the other partners who must approve.");
        }

        return grant with
        {
            Territories = territories,
            Media = media,
            ApprovalPartnerIds = approvers,
            Holdback = OptionalText(grant.Holdback, RightsGrant.TextMaxLength, "A holdback"),
            Notes = OptionalText(grant.Notes, RightsGrant.TextMaxLength, "Notes on a grant"),
        };
    }

    private BuyoutRight ValidatedBuyout(BuyoutRight buyout)
    {
        ArgumentNullException.ThrowIfNull(buyout);
        FindPartner(buyout.HolderPartnerId);
        FindPartner(buyout.FromPartnerId);
        if (buyout.HolderPartnerId == buyout.FromPartnerId)
        {
            throw new DomainException("A partner cannot buy itself out.");
        }

        var trigger = OptionalText(buyout.Trigger, BuyoutRight.TextMaxLength, "The trigger");
        var price = OptionalText(buyout.PriceBasis, BuyoutRight.TextMaxLength, "The price basis");
        return trigger is null || price is null
            ? throw new DomainException("A buyout right needs the trigger and the price basis.")
            : buyout with { Trigger = trigger, PriceBasis = price };
    }

    private MinimumGuarantee ValidatedGuarantee(MinimumGuarantee guarantee)
    {
        ArgumentNullException.ThrowIfNull(guarantee);
        FindPartner(guarantee.PartnerId);
        if (guarantee.Amount is null || guarantee.Amount.Amount <= 0m)
        {
            throw new DomainException("A minimum guarantee must be greater than zero.");
        }

        return guarantee with
        {
            Territory = OptionalText(guarantee.Territory, RightsGrant.TextMaxLength, "The territory"),
            Notes = OptionalText(guarantee.Notes, MinimumGuarantee.TextMaxLength, "Notes on a guarantee"),
        };
    }

    /// <summary>Codes trimmed, blanks dropped, duplicates (in any letter case) dropped, order kept.</summary>
    private static List<string> CodeList(IEnumerable<string>? codes) =>
        [.. (codes ?? []).Select(c => c?.Trim() ?? string.Empty).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string? OptionalText(string? text, int maxLength, string what)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null
            : trimmed.Length <= maxLength ? trimmed
            : throw new DomainException($"{what} may have at most {maxLength} characters.");
    }

    /// <summary>
    /// Sets the contract terms, all at once. Anything may still be open while drafting; what is given must hold: a
    /// negotiated IP split names each partner once and adds up to 100 %, every partner named is in the deal, texts
    /// fit their limits. Blank texts are kept as "not settled"; a split under proportional ownership, and arbitration
    /// rules under a court, are dropped.
    /// </summary>
    public void SetLegalTerms(LegalTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var normalized = terms.Normalized();
        foreach (var share in normalized.IpSplit)
        {
            FindPartner(share.PartnerId);
        }

        foreach (var claim in normalized.TaxIncentives)
        {
            FindPartner(claim.PartnerId);
        }

        if (normalized.Problem() is { } problem)
        {
            throw new DomainException(problem);
        }

        Legal = normalized;
    }

    public void RecordEligibility(EligibilityRecord record) =>
        Eligibility = record ?? throw new DomainException("Give the eligibility result to record.");

    /// <summary>What a removed partner leaves behind in the other sections goes with it.</summary>
    private void ForgetPartner(Guid partnerId)
    {
        // A rule that no longer holds without the partner (a sole decider gone, a joint decision left with one
        // partner) is dropped: the domain shows as without an owner until someone decides it again.
        _decisionRules = [.. _decisionRules
            .Select(r => (r with
            {
                DeciderPartnerId = r.DeciderPartnerId == partnerId ? null : r.DeciderPartnerId,
                ApproverPartnerIds = [.. r.ApproverPartnerIds.Where(p => p != partnerId)],
                TieBreak = r.TieBreakPartnerId == partnerId ? TieBreak.None : r.TieBreak,
                TieBreakPartnerId = r.TieBreakPartnerId == partnerId ? null : r.TieBreakPartnerId,
            }).Normalized())
            .Where(r => r.Problem() is null)];
        Rights = Rights with
        {
            Grants = [.. Rights.Grants.Where(g => g.PartnerId != partnerId).Select(g => g with { ApprovalPartnerIds = [.. g.ApprovalPartnerIds.Where(p => p != partnerId)] })],
            Buyouts = [.. Rights.Buyouts.Where(b => b.HolderPartnerId != partnerId && b.FromPartnerId != partnerId)],
            Guarantees = [.. Rights.Guarantees.Where(g => g.PartnerId != partnerId)],
        };
        Legal = Legal with
        {
            IpSplit = [.. Legal.IpSplit.Where(s => s.PartnerId != partnerId)],
            TaxIncentives = [.. Legal.TaxIncentives.Where(t => t.PartnerId != partnerId)],
        };
        if (Overages.ResponsiblePartnerId == partnerId)
        {
            Overages = OveragePolicy.Default with { Notes = Overages.Notes };
        }
    }
}
