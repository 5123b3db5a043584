using CoProd.Application.Common;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.Deals;

/// <summary>
/// The governance sections of a deal: who decides each decision domain, the milestones and approval gates, and
/// the legal terms. All are structure (<see cref="DealAction.EditStructure"/>): owners and editors change them while
/// the deal is editable, lawyers who are editors included; reviewers and viewers read. Every change goes through
/// <see cref="DealStore"/>: membership, permission, concurrency on the loaded version, and the audit trail.
/// </summary>
public sealed class DealSectionsService
{
    private readonly IApplicationDbContext _db;
    private readonly DealStore _store;
    private readonly ReferenceCodes _codes;

    public DealSectionsService(IApplicationDbContext db, DealStore store, ReferenceCodes codes)
    {
        _db = db;
        _store = store;
        _codes = codes;
    }

    /// <summary>Sets who decides a domain (replacing any earlier rule for it).</summary>
    public async Task<uint> SetDecisionRuleAsync(Guid dealId, uint version, DecisionRuleInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var deal = await EditableAsync(dealId, cancellationToken);
        var domains = await DomainCodesAsync(activeOnly: true, cancellationToken);
        await DealStore.ValidateAsync(new DecisionRuleInputValidator(domains, PartnerIds(deal)), input, cancellationToken);
        return await _store.ChangeAsync(dealId, version, DealAction.EditStructure, "set decision rights",
            d => d.SetDecisionRule(input.ToRule()), cancellationToken);
    }

    /// <summary>Clears the rule for a domain: nobody decides it until it is set again.</summary>
    public Task<uint> ClearDecisionRuleAsync(Guid dealId, uint version, string domainCode, CancellationToken cancellationToken) =>
        _store.ChangeAsync(dealId, version, DealAction.EditStructure, "cleared decision rights", d => d.RemoveDecisionRule(domainCode), cancellationToken);

    public async Task<uint> AddMilestoneAsync(Guid dealId, uint version, MilestoneInput input, CancellationToken cancellationToken)
    {
        await ValidateMilestoneAsync(dealId, input, cancellationToken);
        return await _store.ChangeAsync(dealId, version, DealAction.EditStructure, "added milestone",
            d => d.SaveMilestone(input.ToMilestone(Guid.NewGuid())), cancellationToken);
    }

    public async Task<uint> UpdateMilestoneAsync(Guid dealId, uint version, Guid milestoneId, MilestoneInput input, CancellationToken cancellationToken)
    {
        await ValidateMilestoneAsync(dealId, input, cancellationToken);
        return await _store.ChangeAsync(dealId, version, DealAction.EditStructure, "changed milestone", d =>
        {
            if (!d.Milestones.Any(m => m.Id == milestoneId))
            {
                throw new DomainException("That milestone is not in this deal (it may have been removed meanwhile).");
            }

            d.SaveMilestone(input.ToMilestone(milestoneId));
        }, cancellationToken);
    }

    public Task<uint> RemoveMilestoneAsync(Guid dealId, uint version, Guid milestoneId, CancellationToken cancellationToken) =>
        _store.ChangeAsync(dealId, version, DealAction.EditStructure, "removed milestone", d => d.RemoveMilestone(milestoneId), cancellationToken);

    /// <summary>Sets the legal terms; the tax incentives already listed stay as they are.</summary>
    public async Task<uint> SetLegalTermsAsync(Guid dealId, uint version, LegalTermsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var deal = await EditableAsync(dealId, cancellationToken);
        await DealStore.ValidateAsync(new LegalTermsInputValidator(_codes, PartnerIds(deal)), input, cancellationToken);
        return await _store.ChangeAsync(dealId, version, DealAction.EditStructure, "changed legal terms",
            d => d.SetLegalTerms(input.ToTerms(d.Legal.TaxIncentives)), cancellationToken);
    }

    public async Task<uint> AddTaxIncentiveAsync(Guid dealId, uint version, TaxIncentiveInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var deal = await EditableAsync(dealId, cancellationToken);
        await DealStore.ValidateAsync(new TaxIncentiveInputValidator(PartnerIds(deal), deal.Legal.TaxIncentives), input, cancellationToken);
        return await _store.ChangeAsync(dealId, version, DealAction.EditStructure, "added tax incentive",
            d => d.SetLegalTerms(d.Legal with { TaxIncentives = [.. d.Legal.TaxIncentives, new TaxIncentiveClaim(input.PartnerId!.Value, input.Incentive!)] }),
            cancellationToken);
    }

    /// <summary>Removes the incentive at <paramref name="index"/> in the deal's list.</summary>
    public Task<uint> RemoveTaxIncentiveAsync(Guid dealId, uint version, int index, CancellationToken cancellationToken) =>
        _store.ChangeAsync(dealId, version, DealAction.EditStructure, "removed tax incentive", d =>
        {
            if (index < 0 || index >= d.Legal.TaxIncentives.Count)
            {
                throw new DomainException("That tax incentive is not in this deal (it may have been removed meanwhile).");
            }

            d.SetLegalTerms(d.Legal with { TaxIncentives = [.. d.Legal.TaxIncentives.Where((_, i) => i != index)] });
        }, cancellationToken);

    private async Task ValidateMilestoneAsync(Guid dealId, MilestoneInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await EditableAsync(dealId, cancellationToken);
        var domains = await DomainCodesAsync(activeOnly: false, cancellationToken);
        await DealStore.ValidateAsync(new MilestoneInputValidator(domains, _store.Today), input, cancellationToken);
    }

    /// <summary>The deal, if the current user may change its structure: a refusal comes before any complaint about the input.</summary>
    private async Task<Deal> EditableAsync(Guid dealId, CancellationToken cancellationToken)
    {
        var deal = await _store.LoadAsync(dealId, tracking: false, cancellationToken);
        deal.Demand(_store.UserId, _store.IsLawyer, DealAction.EditStructure);
        return deal;
    }

    private async Task<HashSet<string>> DomainCodesAsync(bool activeOnly, CancellationToken cancellationToken) =>
        [.. await _db.DecisionDomains.AsNoTracking().Where(d => !activeOnly || d.IsActive).Select(d => d.Code).ToListAsync(cancellationToken)];

    private static HashSet<Guid> PartnerIds(Deal deal) => [.. deal.Partners.Select(p => p.Id)];
}
