using CoProd.Application.Common;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;
using FluentValidation;

namespace CoProd.Application.Deals;

// What the decision, milestone and legal-terms forms post. Nullable fields so validation can name what is
// missing; the validators know the deal's partners and the catalogue, so every message lands beside its field.

/// <summary>Who decides one domain: the form behind a row of the decision matrix.</summary>
public sealed class DecisionRuleInput
{
    /// <summary>A decision domain code from the catalogue, e.g. "final-cut".</summary>
    public string? DomainCode { get; set; }

    /// <summary>"soleAuthority", "joint" or "approveWithin".</summary>
    public string? Mode { get; set; }

    /// <summary>Who decides (sole authority, approve-within).</summary>
    public Guid? DeciderPartnerId { get; set; }

    private List<Guid> _approverPartnerIds = [];

    /// <summary>The joint partners (joint) or those who approve (approve-within). A form with none ticked posts none: an empty list.</summary>
    public List<Guid> ApproverPartnerIds
    {
        get => _approverPartnerIds;
        set => _approverPartnerIds = value ?? [];
    }

    public int? ApprovalDays { get; set; }

    /// <summary>Silence after the approval days counts as approval.</summary>
    public bool DeemedApproval { get; set; }

    /// <summary>"none", "castingVote", "deciderPrevails" or "escalate".</summary>
    public string? TieBreak { get; set; }

    public Guid? TieBreakPartnerId { get; set; }

    public string? Escalation { get; set; }

    public static DecisionRuleInput From(DecisionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new DecisionRuleInput
        {
            DomainCode = rule.DomainCode,
            Mode = Enums.Name(rule.Mode),
            DeciderPartnerId = rule.DeciderPartnerId,
            ApproverPartnerIds = [.. rule.ApproverPartnerIds],
            ApprovalDays = rule.ApprovalDays,
            DeemedApproval = rule.DeemedApproval,
            TieBreak = Enums.Name(rule.TieBreak),
            TieBreakPartnerId = rule.TieBreakPartnerId,
            Escalation = rule.Escalation,
        };
    }

    public DecisionRule ToRule() => new(
        DomainCode ?? string.Empty,
        Enums.Parse<DecisionMode>(Mode),
        DeciderPartnerId,
        [.. ApproverPartnerIds],
        ApprovalDays,
        DeemedApproval,
        ParsedTieBreak,
        TieBreakPartnerId,
        Escalation);

    internal TieBreak ParsedTieBreak => Enums.TryParse<TieBreak>(TieBreak, out var value) ? value : Domain.Deals.TieBreak.None;

    internal bool Is(DecisionMode mode) => Enums.TryParse<DecisionMode>(Mode, out var value) && value == mode;

    /// <summary>Everyone the rule gives a say, as the domain will keep it.</summary>
    internal IEnumerable<Guid> Participants() =>
        Is(DecisionMode.Joint) ? ApproverPartnerIds.Distinct()
        : Is(DecisionMode.SoleAuthority) ? DeciderPartnerId is { } sole ? [sole] : []
        : (DeciderPartnerId is { } decider ? [decider] : Enumerable.Empty<Guid>()).Concat(ApproverPartnerIds).Distinct();
}

public sealed class DecisionRuleInputValidator : AbstractValidator<DecisionRuleInput>
{
    /// <param name="domains">The decision domains that may be given an owner (the active catalogue).</param>
    /// <param name="partners">The ids of the deal's partners.</param>
    public DecisionRuleInputValidator(IReadOnlyCollection<string> domains, IReadOnlyCollection<Guid> partners)
    {
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(partners);
        RuleFor(r => r.DomainCode).NotEmpty().WithMessage("Choose the decision domain.");
        RuleFor(r => r.DomainCode).Must(code => domains.Contains(code!.Trim().ToLowerInvariant())).When(r => !string.IsNullOrWhiteSpace(r.DomainCode))
            .WithMessage(r => $"'{r.DomainCode}' is not a decision domain in the catalogue.");
        RuleFor(r => r.Mode).Must(m => Enums.TryParse<DecisionMode>(m, out _))
            .WithMessage("Choose how it is decided: one partner alone, jointly, or one decides and the others approve.");

        RuleFor(r => r.DeciderPartnerId).NotNull().When(r => r.Is(DecisionMode.SoleAuthority) || r.Is(DecisionMode.ApproveWithin))
            .WithMessage("Choose the partner who decides.");
        RuleFor(r => r.DeciderPartnerId).Must(p => partners.Contains(p!.Value)).When(r => r.DeciderPartnerId is not null && !r.Is(DecisionMode.Joint))
            .WithMessage("That partner is not in this deal.");

        RuleFor(r => r.ApproverPartnerIds).Must(ids => ids.All(partners.Contains)).WithMessage("A partner ticked is not in this deal.");
        RuleFor(r => r.ApproverPartnerIds).Must(ids => ids.Distinct().Count() >= 2).When(r => r.Is(DecisionMode.Joint))
            .WithMessage("Tick at least two partners who decide jointly.");
        RuleFor(r => r.ApproverPartnerIds).Must((r, ids) => ids.Any(id => id != r.DeciderPartnerId)).When(r => r.Is(DecisionMode.ApproveWithin))
            .WithMessage("Tick at least one partner, other than the one who decides, who approves.");

        RuleFor(r => r.ApprovalDays).NotNull().When(r => r.Is(DecisionMode.ApproveWithin))
            .WithMessage("Give the number of days the others have to approve.");
        RuleFor(r => r.ApprovalDays).InclusiveBetween(1, DecisionRule.MaxApprovalDays).When(r => r.Is(DecisionMode.ApproveWithin) && r.ApprovalDays is not null)
            .WithMessage($"The days to approve are between 1 and {DecisionRule.MaxApprovalDays}.");

        RuleFor(r => r.TieBreak).Must(t => string.IsNullOrWhiteSpace(t) || Enums.TryParse<TieBreak>(t, out _))
            .WithMessage("Choose what breaks a deadlock.");
        RuleFor(r => r.TieBreak).Must(t => Enums.TryParse<TieBreak>(t, out var value) is false || value == TieBreak.None).When(r => r.Is(DecisionMode.SoleAuthority))
            .WithMessage("A partner deciding alone has no deadlock to break: choose no tie-break.");
        RuleFor(r => r.TieBreak).Must(t => !Enums.TryParse<TieBreak>(t, out var value) || value != TieBreak.DeciderPrevails).When(r => r.Is(DecisionMode.Joint))
            .WithMessage("A joint decision has no single decider to prevail: choose a casting vote or escalation.");
        RuleFor(r => r.TieBreakPartnerId).NotNull().When(r => r.ParsedTieBreak == TieBreak.CastingVote)
            .WithMessage("Choose the partner who holds the casting vote.");
        RuleFor(r => r.TieBreakPartnerId).Must((r, p) => r.Participants().Contains(p!.Value))
            .When(r => r.ParsedTieBreak == TieBreak.CastingVote && r.TieBreakPartnerId is not null)
            .WithMessage("The casting vote must be held by one of the partners who take the decision.");

        RuleFor(r => r.Escalation).NotEmpty().When(r => r.ParsedTieBreak == TieBreak.Escalate)
            .WithMessage("Say where deadlocks escalate to (e.g. the partners' chief executives, then mediation).");
        RuleFor(r => r.Escalation).MaximumLength(DecisionRule.EscalationMaxLength);
    }
}

/// <summary>A development milestone or approval gate.</summary>
public sealed class MilestoneInput
{
    public string? Name { get; set; }

    public DateOnly? DueDate { get; set; }

    /// <summary>"planned", "inProgress", "awaitingApproval", "approved", "done" or "blocked".</summary>
    public string? Status { get; set; }

    public int? BufferDays { get; set; }

    /// <summary>The decision domain whose deciders approve this gate (optional).</summary>
    public string? ApprovalDomainCode { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public string? Notes { get; set; }

    public static MilestoneInput From(Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return new MilestoneInput
        {
            Name = milestone.Name,
            DueDate = milestone.DueDate,
            Status = Enums.Name(milestone.Status),
            BufferDays = milestone.BufferDays,
            ApprovalDomainCode = milestone.ApprovalDomainCode,
            CompletedOn = milestone.CompletedOn,
            Notes = milestone.Notes,
        };
    }

    public Milestone ToMilestone(Guid id) =>
        new(id, Name ?? string.Empty, DueDate, Enums.Parse<MilestoneStatus>(Status), BufferDays ?? 0, ApprovalDomainCode, CompletedOn, Notes);

    internal bool IsFinished => Enums.TryParse<MilestoneStatus>(Status, out var status) && status is MilestoneStatus.Approved or MilestoneStatus.Done;
}

public sealed class MilestoneInputValidator : AbstractValidator<MilestoneInput>
{
    /// <param name="domains">The decision domains a gate may be approved under.</param>
    /// <param name="today">Completion dates cannot be later than this.</param>
    public MilestoneInputValidator(IReadOnlyCollection<string> domains, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(domains);
        RuleFor(m => m.Name).NotEmpty().WithMessage("Give the milestone a name.").MaximumLength(Milestone.NameMaxLength);
        RuleFor(m => m.DueDate).NotNull().WithMessage("Give the due date.");
        RuleFor(m => m.Status).Must(s => Enums.TryParse<MilestoneStatus>(s, out _)).WithMessage("Choose the status.");
        RuleFor(m => m.BufferDays).InclusiveBetween(0, Milestone.MaxBufferDays)
            .WithMessage($"Buffer days are between 0 and {Milestone.MaxBufferDays}.");
        RuleFor(m => m.ApprovalDomainCode).Must(code => domains.Contains(code!.Trim().ToLowerInvariant())).When(m => !string.IsNullOrWhiteSpace(m.ApprovalDomainCode))
            .WithMessage(m => $"'{m.ApprovalDomainCode}' is not a decision domain in the catalogue.");
        RuleFor(m => m.CompletedOn).Null().When(m => !m.IsFinished)
            .WithMessage("Only an approved or done milestone has a completion date: clear it, or change the status.");
        RuleFor(m => m.CompletedOn).LessThanOrEqualTo(today).When(m => m.CompletedOn is not null)
            .WithMessage("A completion date cannot be in the future.");
        RuleFor(m => m.Notes).MaximumLength(Milestone.NotesMaxLength);
    }
}

/// <summary>One partner's part of the IP in a negotiated split.</summary>
public sealed class IpShareInput
{
    public Guid? PartnerId { get; set; }

    /// <summary>Percent: 60 means 60 %.</summary>
    public decimal? Share { get; set; }
}

/// <summary>The contract terms, all but the tax incentives (added and removed one by one).</summary>
public sealed class LegalTermsInput
{
    public string? GoverningLaw { get; set; }

    /// <summary>"court", "arbitration" or "mediation"; empty while open.</summary>
    public string? DisputeResolution { get; set; }

    public string? Seat { get; set; }

    public string? ArbitrationRules { get; set; }

    public string? ProductionEntityDomicile { get; set; }

    /// <summary>"proportionalToShares" or "negotiated"; empty while open.</summary>
    public string? IpOwnership { get; set; }

    private List<IpShareInput> _ipSplit = [];

    /// <summary>One row per partner; rows without a share are left out. A form without rows posts none: an empty list.</summary>
    public List<IpShareInput> IpSplit
    {
        get => _ipSplit;
        set => _ipSplit = value ?? [];
    }

    public string? ExitAndTermination { get; set; }

    public string? Credits { get; set; }

    public string? Insurance { get; set; }

    public string? CollectionAccount { get; set; }

    /// <summary>The form for a deal's terms, with a split row for every partner.</summary>
    public static LegalTermsInput From(DealDocument deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var legal = deal.Legal;
        return new LegalTermsInput
        {
            GoverningLaw = legal.GoverningLaw?.Value,
            DisputeResolution = legal.DisputeResolution is { } forum ? Enums.Name(forum) : null,
            Seat = legal.Seat,
            ArbitrationRules = legal.ArbitrationRules,
            ProductionEntityDomicile = legal.ProductionEntityDomicile?.Value,
            IpOwnership = legal.IpOwnership is { } ownership ? Enums.Name(ownership) : null,
            IpSplit = [.. deal.Partners.Select(p => new IpShareInput { PartnerId = p.Id, Share = legal.IpSplit.FirstOrDefault(s => s.PartnerId == p.Id)?.Share.Value })],
            ExitAndTermination = legal.ExitAndTermination,
            Credits = legal.Credits,
            Insurance = legal.Insurance,
            CollectionAccount = legal.CollectionAccount,
        };
    }

    /// <summary>The terms, keeping the tax incentives the deal already has.</summary>
    public LegalTerms ToTerms(IReadOnlyList<TaxIncentiveClaim> incentives) => new()
    {
        GoverningLaw = Country(GoverningLaw),
        DisputeResolution = Enums.TryParse<Domain.Deals.DisputeResolution>(DisputeResolution, out var forum) ? forum : null,
        Seat = Seat,
        ArbitrationRules = ArbitrationRules,
        ProductionEntityDomicile = Country(ProductionEntityDomicile),
        IpOwnership = Enums.TryParse<Domain.Deals.IpOwnership>(IpOwnership, out var ownership) ? ownership : null,
        IpSplit = [.. GivenShares().Select(s => new IpShare(s.PartnerId!.Value, new Percentage(s.Share!.Value)))],
        ExitAndTermination = ExitAndTermination,
        Credits = Credits,
        Insurance = Insurance,
        CollectionAccount = CollectionAccount,
        TaxIncentives = incentives,
    };

    internal IEnumerable<IpShareInput> GivenShares() => IpSplit.Where(s => s.PartnerId is not null && s.Share is not null and not 0m);

    internal bool IsNegotiated => Enums.TryParse<Domain.Deals.IpOwnership>(IpOwnership, out var value) && value == Domain.Deals.IpOwnership.Negotiated;

    private static CountryCode? Country(string? code) => string.IsNullOrWhiteSpace(code) ? null : CountryCode.From(code);
}

public sealed class LegalTermsInputValidator : AbstractValidator<LegalTermsInput>
{
    public LegalTermsInputValidator(ReferenceCodes codes, IReadOnlyCollection<Guid> partners)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(partners);
        RuleFor(l => l.GoverningLaw).MustAsync(codes.IsCountryAsync).When(l => !string.IsNullOrWhiteSpace(l.GoverningLaw))
            .WithMessage(l => $"'{l.GoverningLaw}' is not a country on record.");
        RuleFor(l => l.DisputeResolution).Must(d => Enums.TryParse<DisputeResolution>(d, out _)).When(l => !string.IsNullOrWhiteSpace(l.DisputeResolution))
            .WithMessage("Choose court, arbitration or mediation.");
        RuleFor(l => l.Seat).MaximumLength(LegalTerms.ShortTextMaxLength);
        RuleFor(l => l.ArbitrationRules).MaximumLength(LegalTerms.ShortTextMaxLength);
        RuleFor(l => l.ProductionEntityDomicile).MustAsync(codes.IsCountryAsync).When(l => !string.IsNullOrWhiteSpace(l.ProductionEntityDomicile))
            .WithMessage(l => $"'{l.ProductionEntityDomicile}' is not a country on record.");
        RuleFor(l => l.IpOwnership).Must(o => Enums.TryParse<IpOwnership>(o, out _)).When(l => !string.IsNullOrWhiteSpace(l.IpOwnership))
            .WithMessage("Choose proportional to shares or a negotiated split.");
        RuleForEach(l => l.IpSplit).ChildRules(share =>
        {
            share.RuleFor(s => s.PartnerId).Must(p => p is { } id && partners.Contains(id)).WithMessage("That partner is not in this deal.");
            share.RuleFor(s => s.Share).InclusiveBetween(0m, 100m).When(s => s.Share is not null).WithMessage("A part of the IP is between 0 and 100 %.");
        }).When(l => l.IsNegotiated);
        RuleFor(l => l.IpSplit).Must(split => split.Where(s => s.PartnerId is not null).GroupBy(s => s.PartnerId).All(g => g.Count() == 1))
            .When(l => l.IsNegotiated).WithMessage("Name each partner once in the IP split.");
        RuleFor(l => l.IpSplit).Must((l, _) => l.GivenShares().Sum(s => s.Share!.Value) == 100m)
            .When(l => l.IsNegotiated && l.GivenShares().Any())
            .WithMessage(l => $"The parts add up to {l.GivenShares().Sum(s => s.Share!.Value):0.##} %; a negotiated split must add up to 100 %.");
        RuleFor(l => l.ExitAndTermination).MaximumLength(LegalTerms.TextMaxLength);
        RuleFor(l => l.Credits).MaximumLength(LegalTerms.TextMaxLength);
        RuleFor(l => l.Insurance).MaximumLength(LegalTerms.TextMaxLength);
        RuleFor(l => l.CollectionAccount).MaximumLength(LegalTerms.TextMaxLength);
    }
}

/// <summary>A tax incentive one partner is to capture.</summary>
public sealed class TaxIncentiveInput
{
    public Guid? PartnerId { get; set; }

    /// <summary>The incentive, e.g. "Canadian Film or Video Production Tax Credit (CPTC)".</summary>
    public string? Incentive { get; set; }
}

public sealed class TaxIncentiveInputValidator : AbstractValidator<TaxIncentiveInput>
{
    public TaxIncentiveInputValidator(IReadOnlyCollection<Guid> partners, IReadOnlyList<TaxIncentiveClaim> existing)
    {
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(existing);
        RuleFor(t => t.PartnerId).NotNull().WithMessage("Choose the partner who captures it.");
        RuleFor(t => t.PartnerId).Must(p => partners.Contains(p!.Value)).When(t => t.PartnerId is not null).WithMessage("That partner is not in this deal.");
        RuleFor(t => t.Incentive).NotEmpty().WithMessage("Name the incentive.").MaximumLength(LegalTerms.ShortTextMaxLength);
        RuleFor(t => t.Incentive).Must((t, name) => !existing.Any(e => e.PartnerId == t.PartnerId && string.Equals(e.Incentive, name!.Trim(), StringComparison.OrdinalIgnoreCase)))
            .When(t => !string.IsNullOrWhiteSpace(t.Incentive)).WithMessage("That partner already captures that incentive.");
        RuleFor(t => t).Must(_ => existing.Count < LegalTerms.MaxTaxIncentives).OverridePropertyName("incentive")
            .WithMessage($"A deal lists at most {LegalTerms.MaxTaxIncentives} tax incentives.");
    }
}
