using CoProd.Application.Common;
using CoProd.Domain.Common;
using CoProd.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace CoProd.Web.Components.Admin;

/// <summary>
/// What the admin pages share: running a change, then redirecting with a "saved" note; invalid input goes next to
/// its fields (or to the form's own error list); a conflict or a broken rule is said at the top of the page, and the
/// admin's input stays on screen.
/// </summary>
public abstract class AdminPageBase : ComponentBase
{
    [SupplyParameterFromQuery(Name = "saved")]
    public string? Saved { get; set; }

    [Inject]
    protected NavigationManager Navigation { get; set; } = null!;

    [CascadingParameter]
    protected HttpContext HttpContext { get; set; } = null!;

    protected string? Error { get; set; }

    protected bool Conflict { get; set; }

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>
    /// Loads the page's data and prepares its forms before the component renders at all. Loading in
    /// OnInitializedAsync lets Blazor render at the first await that does not complete at once, which can come after
    /// some of the data is loaded but before the forms exist (an EditForm without an EditContext fails the request).
    /// </summary>
    public override async Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        await LoadAsync();
        await base.SetParametersAsync(ParameterView.Empty);
    }

    /// <summary>Loads what the page shows and builds its forms; runs once per request, before the first render.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    /// <summary>Runs <paramref name="change"/>; on success goes to <paramref name="then"/> with <c>?saved=</c> (or stays when null).</summary>
    protected async Task<bool> RunAsync(Func<Task> change, string? then, string savedNote, EditContext? form = null, ValidationMessageStore? messages = null, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            await change();
        }
        catch (RequestValidationException ex) when (form is not null && messages is not null)
        {
            FormErrors.Show(form, messages, ex.Errors, prefix);
            return false;
        }
        catch (RequestValidationException ex)
        {
            Error = string.Join(" ", ex.Errors.SelectMany(e => e.Value));
            return false;
        }
        catch (ConflictException ex)
        {
            Conflict = true;
            Error = ex.Message;
            return false;
        }
        catch (Exception ex) when (ex is DomainException or NotFoundException)
        {
            Error = ex.Message;
            return false;
        }

        if (then is not null)
        {
            var separator = then.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var anchor = then.IndexOf('#', StringComparison.Ordinal);
            var target = anchor < 0
                ? $"{then}{separator}saved={Uri.EscapeDataString(savedNote)}"
                : $"{then[..anchor]}{separator}saved={Uri.EscapeDataString(savedNote)}{then[anchor..]}";
            Navigation.NavigateTo(target);
        }

        return true;
    }
}
