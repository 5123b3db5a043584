using System.Globalization;
using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Application.ReferenceData;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;
using CoProd.Web.Components.Deals;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoProd.Web.Deals;

/// <summary>
/// HTML fragments htmx asks for while a deal is edited. They change nothing: they render what the deal would look
/// like with the figures on screen. Membership is checked by the same query the pages use (a non-member gets 404).
/// </summary>
internal static class DealFragments
{
    public static IEndpointRouteBuilder MapDealFragments(this IEndpointRouteBuilder app)
    {
        app.MapPost("/deals/{id:guid}/preview/contribution", async (Guid id, IFormCollection form, DealQueries queries, ExchangeRateQueries rates, CancellationToken cancellationToken) =>
            {
                var saved = await queries.GetAsync(id, cancellationToken);
                var currency = form["ContributionForm.Currency"].FirstOrDefault()?.Trim().ToUpperInvariant();
                var lockedOn = DateOnly.TryParse(form["ContributionForm.RateLockedOn"].FirstOrDefault(), CultureInfo.InvariantCulture, out var date) ? date : saved.Today;
                var suggestion = currency is { Length: 3 } && currency != saved.Deal.Currency
                    ? await rates.RateOnAsync(currency, saved.Deal.Currency, lockedOn, cancellationToken)
                    : null;
                try
                {
                    var workspace = await queries.PreviewAsync(id, deal => ApplyContribution(deal, form, suggestion?.Rate), cancellationToken);
                    return new RazorComponentResult<LiveFinancing>(new { Workspace = workspace, Preview = true, RateHint = true, Suggestion = suggestion });
                }
                catch (Exception ex) when (ex is DomainException or FormatException or ArgumentException or OverflowException)
                {
                    // Figures not complete yet (an empty amount, no rate typed or on record): show the deal as saved.
                    return new RazorComponentResult<LiveFinancing>(new { Workspace = saved, Preview = false, RateHint = true, Suggestion = suggestion });
                }
            })
            .RequireAuthorization(Security.Policies.DealPeople)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Applies the contribution form's figures to the deal in memory (a new item, or the one being edited).</summary>
    /// <remarks>With no rate typed yet, the preview uses the rate on record (<paramref name="rateOnRecord"/>), if any.</remarks>
    private static void ApplyContribution(Deal deal, IFormCollection form, decimal? rateOnRecord)
    {
        string? Field(string name) => form[$"ContributionForm.{name}"].FirstOrDefault() is { Length: > 0 } value ? value.Trim() : null;

        var partnerId = Guid.Parse(Field("PartnerId") ?? throw new FormatException("partner"));
        var currency = CurrencyCode.From(Field("Currency") ?? deal.Currency.Value);
        var amount = decimal.Parse(Field("Amount") ?? throw new FormatException("amount"), NumberStyles.Number, CultureInfo.InvariantCulture);
        var rate = currency == deal.Currency ? 1m
            : Field("RateToDealCurrency") is { } typed ? decimal.Parse(typed, NumberStyles.Number, CultureInfo.InvariantCulture)
            : rateOnRecord ?? throw new FormatException("rate");
        var kind = Enums.Parse<ContributionKind>(Field("Kind") ?? "cash");
        var lockedOn = Field("RateLockedOn") is { } date ? DateOnly.Parse(date, CultureInfo.InvariantCulture) : DateOnly.FromDateTime(DateTime.UtcNow);
        var spend = CountryCode.From(Field("SpendCountry") ?? deal.Partners.First(p => p.Id == partnerId).Country.Value);
        var description = Field("Description") ?? "Preview";
        var money = new Money(amount, currency);

        if (Guid.TryParse(form["EditContribution"].FirstOrDefault(), out var editing) && deal.Contributions.Any(c => c.Id == editing))
        {
            deal.RemoveContribution(editing);
        }

        deal.AddContribution(Guid.NewGuid(), partnerId, kind, description, money, rate, lockedOn, spend);
    }
}
