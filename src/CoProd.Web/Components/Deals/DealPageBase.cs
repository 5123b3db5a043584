using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Application.ReferenceData;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Web.Components.Shared;
using CoProd.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace CoProd.Web.Components.Deals;

/// <summary>
/// What every page of a deal's workspace shares: loading the deal (a non-member gets the 404 page), the version
/// the user loaded (a hidden field in every form), and running a change: success redirects back with a "saved"
/// note; invalid input puts each message next to its field; a conflict keeps the user's input and says so; an action
/// the member may not take is refused in place with status 403. Deal pages are for producers and lawyers (others get
/// 403); membership decides the rest.
/// </summary>
[Authorize(Policy = Policies.DealPeople)]
public abstract class DealPageBase : ComponentBase
{

    [Parameter]
    public Guid Id { get; set; }

    [SupplyParameterFromForm]
    public uint? Version { get; set; }

    [SupplyParameterFromQuery(Name = "saved")]
    public string? Saved { get; set; }

    [Inject]
    protected DealQueries Queries { get; set; } = null!;

    [Inject]
    protected DealService Deals { get; set; } = null!;

    [Inject]
    protected ReferenceDataQueries Reference { get; set; } = null!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = null!;

    [CascadingParameter]
    protected HttpContext HttpContext { get; set; } = null!;

    protected DealWorkspace? Workspace { get; private set; }

    /// <summary>A message for the whole page (a refused action, a conflict).</summary>
    protected string? Error { get; private set; }

    protected bool Conflict { get; private set; }

    protected IReadOnlyList<CodeName> Countries { get; private set; } = [];

    protected IReadOnlyList<CodeName> Currencies { get; private set; } = [];

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>
    /// Loads the deal and lets the page prepare its forms before the component renders at all. Loading in
    /// OnInitializedAsync would let Blazor render at its first await that does not complete at once, which can be
    /// after the deal is loaded but before the page's forms exist (an EditForm without an EditContext fails).
    /// </summary>
    public override async Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        var workspace = await FetchAsync();
        if (workspace is not null)
        {
            Countries = await Reference.CountriesAsync(Aborted);
            Currencies = await Reference.CurrenciesAsync(Aborted);
            await OnWorkspaceLoadedAsync(workspace);
            Workspace = workspace;
        }

        await base.SetParametersAsync(ParameterView.Empty);
    }

    /// <summary>For pages that prepare their forms from the loaded deal (before the page first shows it).</summary>
    protected virtual Task OnWorkspaceLoadedAsync(DealWorkspace workspace) => Task.CompletedTask;

    protected async Task LoadAsync() => Workspace = await FetchAsync() ?? Workspace;

    private async Task<DealWorkspace?> FetchAsync()
    {
        try
        {
            return await Queries.GetAsync(Id, Aborted);
        }
        catch (NotFoundException)
        {
            Navigation.NotFound();
            return null;
        }
    }

    /// <summary>Runs a change with the version the user loaded; see the class summary for what follows.</summary>
    protected async Task RunAsync(Func<uint, Task<uint>> change, string savedNote, EditContext? form = null, ValidationMessageStore? messages = null, string? anchor = null, string? redirectTo = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (Workspace is null)
        {
            return;
        }

        try
        {
            await change(Version ?? Workspace.Version);
        }
        catch (RequestValidationException ex) when (form is not null && messages is not null)
        {
            FormErrors.Show(form, messages, ex.Errors);
            return;
        }
        catch (RequestValidationException ex)
        {
            Error = string.Join(" ", ex.Errors.SelectMany(e => e.Value));
            return;
        }
        catch (ConflictException ex)
        {
            Conflict = true;
            Error = ex.Message;
            await LoadAsync();
            return;
        }
        catch (DealAccessException ex)
        {
            Error = ex.Message;
            if (!HttpContext.Response.HasStarted)
            {
                HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
            }

            return;
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
            return;
        }

        var path = redirectTo ?? new Uri(Navigation.Uri).AbsolutePath;
        Navigation.NavigateTo($"{path}?saved={Uri.EscapeDataString(savedNote)}{(anchor is null ? string.Empty : "#" + anchor)}");
    }
}
