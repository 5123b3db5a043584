using CoProd.Application.Deals;
using CoProd.Domain.Deals;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace CoProd.Web.Components.Pages.Deals;

/// <summary>
/// The deal's distribution rights: grants (one by one, or a whole structure at once after confirming what it
/// replaces), the conflicts between exclusive grants, the coverage view of what nobody holds, buyout rights, minimum
/// guarantees and revenue sharing. Every form posts normally and works without JavaScript.
/// </summary>
public partial class RightsPage
{
    private EditContext _grantContext = null!;
    private ValidationMessageStore _grantMessages = null!;
    private EditContext _territoryContext = null!;
    private ValidationMessageStore _territoryMessages = null!;
    private EditContext _platformContext = null!;
    private ValidationMessageStore _platformMessages = null!;
    private EditContext _jointContext = null!;
    private ValidationMessageStore _jointMessages = null!;
    private EditContext _buyoutContext = null!;
    private ValidationMessageStore _buyoutMessages = null!;
    private EditContext _guaranteeContext = null!;
    private ValidationMessageStore _guaranteeMessages = null!;
    private EditContext _termsContext = null!;
    private ValidationMessageStore _termsMessages = null!;

    /// <summary>The grants a structure would make, shown when it asks to confirm replacing the current ones.</summary>
    private IReadOnlyList<RightsGrant>? _preview;

    /// <summary>Which structure's form waits for confirmation.</summary>
    private string? _previewFor;

    /// <summary>Which structure's form was posted (kept open to show its messages).</summary>
    private string? _posted;

    [Inject]
    private DealRightsService RightsService { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "editGrant")]
    private Guid? EditGrantQuery { get; set; }

    [SupplyParameterFromForm(Name = "EditGrant")]
    private Guid? EditGrantPosted { get; set; }

    private Guid? EditGrant => EditGrantPosted ?? EditGrantQuery;

    [SupplyParameterFromForm(FormName = "grant")]
    private GrantInput? GrantForm { get; set; }

    [SupplyParameterFromForm(FormName = "territory-split")]
    private TerritorySplitInput? TerritoryForm { get; set; }

    [SupplyParameterFromForm(FormName = "platform-split")]
    private PlatformSplitInput? PlatformForm { get; set; }

    [SupplyParameterFromForm(FormName = "joint-control")]
    private JointControlInput? JointForm { get; set; }

    [SupplyParameterFromForm(FormName = "buyout")]
    private BuyoutInput? BuyoutForm { get; set; }

    [SupplyParameterFromForm(FormName = "guarantee")]
    private GuaranteeInput? GuaranteeForm { get; set; }

    [SupplyParameterFromForm(FormName = "rights-terms")]
    private RightsTermsInput? TermsForm { get; set; }

    protected override Task OnWorkspaceLoadedAsync(DealWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var deal = workspace.Deal;
        var first = deal.Partners.Count > 0 ? deal.Partners[0].Id : (Guid?)null;
        var second = deal.Partners.Count > 1 ? deal.Partners[1].Id : (Guid?)null;
        var groups = workspace.TerritoryGroups.Select(g => g.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var editing = deal.Rights.Grants.FirstOrDefault(g => g.Id == EditGrant);
        GrantForm ??= editing is null
            ? new GrantInput { PartnerId = first, Exclusive = true }
            : new GrantInput
            {
                PartnerId = editing.PartnerId,
                TerritoryGroups = [.. editing.Territories.Where(groups.Contains)],

                // Codes that are no active group (countries, or a retired group) go to the text field, where an unknown
                // one is named by validation instead of silently dropped.
                Countries = string.Join(", ", editing.Territories.Where(t => !groups.Contains(t))),
                Media = [.. editing.Media],
                TermStart = editing.TermStart,
                TermEnd = editing.TermEnd,
                Exclusive = editing.Exclusive,
                ApprovalPartnerIds = [.. editing.ApprovalPartnerIds],
                Holdback = editing.Holdback,
                Notes = editing.Notes,
            };
        // One row per partner; a partner given nothing is left out of the split.
        TerritoryForm ??= new TerritorySplitInput { Shares = [.. deal.Partners.Select(p => new TerritoryShareInput { PartnerId = p.Id })], Media = [.. workspace.Media.Select(m => m.Code)] };
        PlatformForm ??= new PlatformSplitInput { Shares = [.. deal.Partners.Select(p => new MediaShareInput { PartnerId = p.Id })] };

        // A post may lack rows (a partner added meanwhile, a hand-made request): every partner keeps a row to fill in.
        TerritoryForm.Shares = [.. (TerritoryForm.Shares ?? []).Where(s => s is not null)];
        TerritoryForm.Shares.AddRange(deal.Partners.Where(p => !TerritoryForm.Shares.Exists(s => s.PartnerId == p.Id)).Select(p => new TerritoryShareInput { PartnerId = p.Id }));
        PlatformForm.Shares = [.. (PlatformForm.Shares ?? []).Where(s => s is not null)];
        PlatformForm.Shares.AddRange(deal.Partners.Where(p => !PlatformForm.Shares.Exists(s => s.PartnerId == p.Id)).Select(p => new MediaShareInput { PartnerId = p.Id }));
        JointForm ??= new JointControlInput();
        BuyoutForm ??= new BuyoutInput { HolderPartnerId = first, FromPartnerId = second };
        GuaranteeForm ??= new GuaranteeInput { PartnerId = second ?? first, Currency = deal.Currency };
        TermsForm ??= new RightsTermsInput { Structure = deal.Rights.Structure, RevenueSharing = deal.Rights.RevenueSharing };

        (_grantContext, _grantMessages) = Context(GrantForm);
        (_territoryContext, _territoryMessages) = Context(TerritoryForm);
        (_platformContext, _platformMessages) = Context(PlatformForm);
        (_jointContext, _jointMessages) = Context(JointForm);
        (_buyoutContext, _buyoutMessages) = Context(BuyoutForm);
        (_guaranteeContext, _guaranteeMessages) = Context(GuaranteeForm);
        (_termsContext, _termsMessages) = Context(TermsForm);
        return Task.CompletedTask;
    }

    private static (EditContext, ValidationMessageStore) Context(object model)
    {
        var context = new EditContext(model);
        return (context, new ValidationMessageStore(context));
    }

    /// <summary>The page's own address with an anchor, so after a post the browser shows the form that was sent.</summary>
    private string FormAction(string anchor)
    {
        // Without "saved": a form shown again with its messages should not also say "Saved." from the last change.
        var relative = Navigation.ToBaseRelativePath(Navigation.GetUriWithQueryParameter("saved", (string?)null));
        var hash = relative.IndexOf('#', StringComparison.Ordinal);
        return $"{(hash < 0 ? relative : relative[..hash])}#{anchor}";
    }

    private bool Open(string form) => _posted == form;

    private static string PartnerName(DealDocument deal, Guid? partnerId) =>
        deal.Partners.FirstOrDefault(p => p.Id == partnerId)?.Company ?? "a partner no longer in the deal";

    private static string ProportionalShares(DealWorkspace workspace) =>
        workspace.Financing.Total.Amount <= 0m ? string.Empty
            : string.Join(", ", workspace.Financing.Partners.Select(p => $"{p.Partner.CompanyName} {p.Share}"));

    private Task SaveGrantAsync() =>
        RunAsync(version => EditGrant is { } id && Workspace!.Deal.Rights.Grants.Any(g => g.Id == id)
            ? RightsService.UpdateGrantAsync(Id, version, id, GrantForm!, Aborted)
            : RightsService.AddGrantAsync(Id, version, GrantForm!, Aborted), "grant", _grantContext, _grantMessages, "grants");

    private Task RemoveGrantAsync(Guid grantId) =>
        RunAsync(version => RightsService.RemoveGrantAsync(Id, version, grantId, Aborted), "grant-removed", anchor: "grants");

    private async Task ApplyTerritorySplitAsync()
    {
        _posted = "territory-split";
        await RunAsync(version => RightsService.ApplyTerritorySplitAsync(Id, version, TerritoryForm!, Aborted), "territory-split", _territoryContext, _territoryMessages, "grants");
        if (AsksToConfirm(_territoryContext, TerritoryForm!))
        {
            _preview = await RightsService.PreviewTerritorySplitAsync(Id, TerritoryForm!, Aborted);
            _previewFor = _posted;
        }
    }

    private async Task ApplyPlatformSplitAsync()
    {
        _posted = "platform-split";
        await RunAsync(version => RightsService.ApplyPlatformSplitAsync(Id, version, PlatformForm!, Aborted), "platform-split", _platformContext, _platformMessages, "grants");
        if (AsksToConfirm(_platformContext, PlatformForm!))
        {
            _preview = await RightsService.PreviewPlatformSplitAsync(Id, PlatformForm!, Aborted);
            _previewFor = _posted;
        }
    }

    private async Task ApplyJointControlAsync()
    {
        _posted = "joint-control";
        await RunAsync(version => RightsService.ApplyJointControlAsync(Id, version, JointForm!, Aborted), "joint-control", _jointContext, _jointMessages, "grants");
        if (AsksToConfirm(_jointContext, JointForm!))
        {
            _preview = await RightsService.PreviewJointControlAsync(Id, JointForm!, Aborted);
            _previewFor = _posted;
        }
    }

    /// <summary>Whether the service refused only for want of confirmation to replace the current grants.</summary>
    private static bool AsksToConfirm(EditContext context, object model) =>
        context.GetValidationMessages(new FieldIdentifier(model, nameof(TerritorySplitInput.ConfirmReplace))).Any();

    private Task AddBuyoutAsync() =>
        RunAsync(version => RightsService.AddBuyoutAsync(Id, version, BuyoutForm!, Aborted), "buyout", _buyoutContext, _buyoutMessages, "buyouts");

    private Task RemoveBuyoutAsync(Guid buyoutId) =>
        RunAsync(version => RightsService.RemoveBuyoutAsync(Id, version, buyoutId, Aborted), "buyout-removed", anchor: "buyouts");

    private Task AddGuaranteeAsync() =>
        RunAsync(version => RightsService.AddGuaranteeAsync(Id, version, GuaranteeForm!, Aborted), "guarantee", _guaranteeContext, _guaranteeMessages, "guarantees");

    private Task RemoveGuaranteeAsync(Guid guaranteeId) =>
        RunAsync(version => RightsService.RemoveGuaranteeAsync(Id, version, guaranteeId, Aborted), "guarantee-removed", anchor: "guarantees");

    private Task SaveTermsAsync() =>
        RunAsync(version => RightsService.SetTermsAsync(Id, version, TermsForm!, Aborted), "revenue", _termsContext, _termsMessages, "revenue");
}
