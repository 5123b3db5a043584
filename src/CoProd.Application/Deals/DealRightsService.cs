using CoProd.Application.Common;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.Deals;

/// <summary>
/// Changing a deal's distribution rights: grants one by one or a whole structure at once (territory split, platform
/// split, joint control), buyout rights, minimum guarantees and the revenue-sharing terms. Every change goes through
/// <see cref="DealStore"/>: membership, permission, concurrency and audit. Minimum guarantees are money, so they
/// need the right to change financial figures (never a lawyer's); everything else is the deal's structure.
/// </summary>
public sealed class DealRightsService
{
    public const string ConfirmReplaceField = "confirmReplace";

    private readonly IApplicationDbContext _db;
    private readonly DealStore _store;

    public DealRightsService(IApplicationDbContext db, DealStore store)
    {
        _db = db;
        _store = store;
    }

    /// <summary>What the rights forms may choose from for this deal (membership checked: "not found" otherwise).</summary>
    public async Task<RightsChoices> ChoicesAsync(Guid dealId, CancellationToken cancellationToken)
    {
        var deal = await _store.LoadAsync(dealId, tracking: false, cancellationToken);
        return await ChoicesAsync(deal, cancellationToken);
    }

    public async Task<uint> AddGrantAsync(Guid dealId, uint version, GrantInput input, CancellationToken cancellationToken)
    {
        var choices = await CheckedAsync(dealId, DealAction.EditStructure, input, c => new GrantInputValidator(c), cancellationToken);
        var grant = Grant(Guid.NewGuid(), input, choices);
        return await _store.ChangeAsync(dealId, version, DealAction.EditStructure, "added rights grant",
            deal => deal.SetRights(deal.Rights with { Grants = [.. deal.Rights.Grants, grant] }), cancellationToken);
    }

    public async Task<uint> UpdateGrantAsync(Guid dealId, uint version, Guid grantId, GrantInput input, CancellationToken cancellationToken)
    {
        var choices = await CheckedAsync(dealId, DealAction.EditStructure, input, c => new GrantInputValidator(c), cancellationToken);
        var grant = Grant(grantId, input, choices);
        return await _store.ChangeAsync(dealId, version, DealAction.EditStructure, "changed rights grant", deal =>
        {
            EnsureGrant(deal, grantId);
            deal.SetRights(deal.Rights with { Grants = [.. deal.Rights.Grants.Select(g => g.Id == grantId ? grant : g)] });
        }, cancellationToken);
    }

    public Task<uint> RemoveGrantAsync(Guid dealId, uint version, Guid grantId, CancellationToken cancellationToken) =>
        _store.ChangeAsync(dealId, version, DealAction.EditStructure, "removed rights grant", deal =>
        {
            EnsureGrant(deal, grantId);
            deal.SetRights(deal.Rights with { Grants = [.. deal.Rights.Grants.Where(g => g.Id != grantId)] });
        }, cancellationToken);

    /// <summary>The grants a territory split would make, without saving (for the confirmation).</summary>
    public async Task<IReadOnlyList<RightsGrant>> PreviewTerritorySplitAsync(Guid dealId, TerritorySplitInput input, CancellationToken cancellationToken)
    {
        var choices = await CheckedAsync(dealId, DealAction.EditStructure, input, c => new TerritorySplitInputValidator(c), cancellationToken);
        return TerritorySplit(input, choices);
    }

    /// <summary>Replaces the grants with a territory split; if the deal has grants, only with <see cref="TerritorySplitInput.ConfirmReplace"/>.</summary>
    public async Task<uint> ApplyTerritorySplitAsync(Guid dealId, uint version, TerritorySplitInput input, CancellationToken cancellationToken)
    {
        var grants = await PreviewTerritorySplitAsync(dealId, input, cancellationToken);
        return await ApplyAsync(dealId, version, RightsStructure.TerritorySplit, grants, input.ConfirmReplace, cancellationToken);
    }

    public async Task<IReadOnlyList<RightsGrant>> PreviewPlatformSplitAsync(Guid dealId, PlatformSplitInput input, CancellationToken cancellationToken)
    {
        var choices = await CheckedAsync(dealId, DealAction.EditStructure, input, c => new PlatformSplitInputValidator(c), cancellationToken);
        return RightsPresets.PlatformSplit(
            [.. input.Taken.Select(s => new PresetShare(s.PartnerId!.Value, choices.MediaCodes(s.Media)))],
            [choices.World!.Code], input.TermStart, input.TermEnd, Guid.NewGuid);
    }

    public async Task<uint> ApplyPlatformSplitAsync(Guid dealId, uint version, PlatformSplitInput input, CancellationToken cancellationToken)
    {
        var grants = await PreviewPlatformSplitAsync(dealId, input, cancellationToken);
        return await ApplyAsync(dealId, version, RightsStructure.PlatformSplit, grants, input.ConfirmReplace, cancellationToken);
    }

    public async Task<IReadOnlyList<RightsGrant>> PreviewJointControlAsync(Guid dealId, JointControlInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var deal = await _store.LoadAsync(dealId, tracking: false, cancellationToken);
        deal.Demand(_store.UserId, _store.IsLawyer, DealAction.EditStructure);
        var choices = await ChoicesAsync(deal, cancellationToken);
        await DealStore.ValidateAsync(new JointControlInputValidator(choices), input, cancellationToken);
        return RightsPresets.JointControl(
            [.. deal.Partners.Select(p => p.Id)], [choices.World!.Code], [.. choices.Media.Order(StringComparer.Ordinal)],
            input.TermStart, input.TermEnd, Guid.NewGuid);
    }

    public async Task<uint> ApplyJointControlAsync(Guid dealId, uint version, JointControlInput input, CancellationToken cancellationToken)
    {
        var grants = await PreviewJointControlAsync(dealId, input, cancellationToken);
        return await ApplyAsync(dealId, version, RightsStructure.JointControl, grants, input.ConfirmReplace, cancellationToken);
    }

    public async Task<uint> AddBuyoutAsync(Guid dealId, uint version, BuyoutInput input, CancellationToken cancellationToken)
    {
        await CheckedAsync(dealId, DealAction.EditStructure, input, c => new BuyoutInputValidator(c), cancellationToken);
        var buyout = new BuyoutRight(Guid.NewGuid(), input.HolderPartnerId!.Value, input.FromPartnerId!.Value, input.Trigger!, input.PriceBasis!);
        return await _store.ChangeAsync(dealId, version, DealAction.EditStructure, "added buyout right",
            deal => deal.SetRights(deal.Rights with { Buyouts = [.. deal.Rights.Buyouts, buyout] }), cancellationToken);
    }

    public Task<uint> RemoveBuyoutAsync(Guid dealId, uint version, Guid buyoutId, CancellationToken cancellationToken) =>
        _store.ChangeAsync(dealId, version, DealAction.EditStructure, "removed buyout right", deal =>
        {
            if (deal.Rights.Buyouts.All(b => b.Id != buyoutId))
            {
                throw new DomainException("That buyout right is not in this deal.");
            }

            deal.SetRights(deal.Rights with { Buyouts = [.. deal.Rights.Buyouts.Where(b => b.Id != buyoutId)] });
        }, cancellationToken);

    public async Task<uint> AddGuaranteeAsync(Guid dealId, uint version, GuaranteeInput input, CancellationToken cancellationToken)
    {
        var choices = await CheckedAsync(dealId, DealAction.EditFinancials, input, c => new GuaranteeInputValidator(c), cancellationToken);
        var guarantee = new MinimumGuarantee(Guid.NewGuid(), input.PartnerId!.Value, new Money(input.Amount!.Value, CurrencyCode.From(input.Currency)), choices.Territory(input.Territory), input.Notes);
        return await _store.ChangeAsync(dealId, version, DealAction.EditFinancials, "added minimum guarantee",
            deal => deal.SetRights(deal.Rights with { Guarantees = [.. deal.Rights.Guarantees, guarantee] }), cancellationToken);
    }

    public Task<uint> RemoveGuaranteeAsync(Guid dealId, uint version, Guid guaranteeId, CancellationToken cancellationToken) =>
        _store.ChangeAsync(dealId, version, DealAction.EditFinancials, "removed minimum guarantee", deal =>
        {
            if (deal.Rights.Guarantees.All(g => g.Id != guaranteeId))
            {
                throw new DomainException("That minimum guarantee is not in this deal.");
            }

            deal.SetRights(deal.Rights with { Guarantees = [.. deal.Rights.Guarantees.Where(g => g.Id != guaranteeId)] });
        }, cancellationToken);

    /// <summary>
    /// The structure's label and the revenue-sharing terms; empty revenue sharing means in proportion to contributions.
    /// Revenue sharing is money: changing it needs <see cref="DealAction.EditFinancials"/> (not lawyers); the label alone is structure.
    /// </summary>
    public async Task<uint> SetTermsAsync(Guid dealId, uint version, RightsTermsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await DealStore.ValidateAsync(new RightsTermsInputValidator(), input, cancellationToken);
        var current = await _store.LoadAsync(dealId, tracking: false, cancellationToken);
        var moneyChanged = !string.Equals(Normalized(current.Rights.RevenueSharing), Normalized(input.RevenueSharing), StringComparison.Ordinal);
        return await _store.ChangeAsync(dealId, version, moneyChanged ? DealAction.EditFinancials : DealAction.EditStructure, "changed structure and revenue sharing",
            deal => deal.SetRights(deal.Rights with { Structure = input.Structure, RevenueSharing = input.RevenueSharing }), cancellationToken);
    }

    private static string Normalized(string? text) => string.IsNullOrWhiteSpace(text) ? string.Empty : text.Trim().ReplaceLineEndings("\n");

    private async Task<uint> ApplyAsync(Guid dealId, uint version, RightsStructure structure, IReadOnlyList<RightsGrant> grants, bool confirmed, CancellationToken cancellationToken) =>
        await _store.ChangeAsync(dealId, version, DealAction.EditStructure, structure switch
        {
            // Audit actions are short (40 characters): the structure's full label is in the changes themselves.
            RightsStructure.TerritorySplit => "applied territory split",
            RightsStructure.PlatformSplit => "applied platform split",
            _ => "applied joint control",
        }, deal =>
        {
            var existing = deal.Rights.Grants.Count;
            if (existing > 0 && !confirmed)
            {
                throw new RequestValidationException(ConfirmReplaceField,
                    $"This replaces the {existing} grant{(existing == 1 ? string.Empty : "s")} the deal has now. Confirm to replace {(existing == 1 ? "it" : "them")}.");
            }

            deal.SetRights(deal.Rights with { Grants = grants, Structure = RightsPresets.Label(structure) });
        }, cancellationToken);

    private static IReadOnlyList<RightsGrant> TerritorySplit(TerritorySplitInput input, RightsChoices choices) =>
        RightsPresets.TerritorySplit(
            [.. input.Taken.Select(s => new PresetShare(s.PartnerId!.Value, choices.Territories(s.Groups, s.Countries)))],
            choices.MediaCodes(input.Media), input.TermStart, input.TermEnd, Guid.NewGuid);

    private static RightsGrant Grant(Guid id, GrantInput input, RightsChoices choices) =>
        new(id, input.PartnerId!.Value, choices.Territories(input.TerritoryGroups, input.Countries), choices.MediaCodes(input.Media),
            input.TermStart, input.TermEnd, input.Exclusive, [.. (input.ApprovalPartnerIds ?? []).Distinct()], input.Holdback, input.Notes);

    private static void EnsureGrant(Deal deal, Guid grantId)
    {
        if (deal.Rights.Grants.All(g => g.Id != grantId))
        {
            throw new DomainException("That grant is not in this deal.");
        }
    }

    /// <summary>Loads the deal as a member, checks the permission before anything else, then validates the input.</summary>
    private async Task<RightsChoices> CheckedAsync<T>(Guid dealId, DealAction action, T input, Func<RightsChoices, IValidator<T>> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var deal = await _store.LoadAsync(dealId, tracking: false, cancellationToken);
        deal.Demand(_store.UserId, _store.IsLawyer, action);
        var choices = await ChoicesAsync(deal, cancellationToken);
        await DealStore.ValidateAsync(validator(choices), input, cancellationToken);
        return choices;
    }

    private async Task<RightsChoices> ChoicesAsync(Deal deal, CancellationToken cancellationToken)
    {
        var groups = await _db.TerritoryGroups.AsNoTracking().Where(g => g.IsActive).ToListAsync(cancellationToken);
        var media = await _db.Media.AsNoTracking().Where(m => m.IsActive).Select(m => m.Code).ToListAsync(cancellationToken);
        var countries = await _db.Countries.AsNoTracking().Select(c => new { c.Code, c.Name, c.IsActive }).ToListAsync(cancellationToken);
        var currencies = await _db.Currencies.AsNoTracking().Where(c => c.IsActive).Select(c => c.Code).ToListAsync(cancellationToken);
        return new RightsChoices(
            deal.Partners.Select(p => p.Id), groups, media,
            countries.OrderByDescending(c => c.IsActive).Select(c => (c.Code.Value, c.Name)),
            currencies.Select(c => c.Value));
    }
}
