using System.Globalization;
using CoProd.Application.Eligibility;
using CoProd.Domain.Treaties;

namespace CoProd.Application.Treaties;

/// <summary>A sample deal to evaluate a draft against, with what it is meant to show.</summary>
public sealed record PreviewSample(string Key, string Title, string Purpose, EvaluateDealRequest Request);

/// <summary>
/// Sample deals built from a treaty's parties and a version's own numbers, so an admin sees a draft at work before
/// publishing it: a bilateral feature at the minimum share (it should pass that rule), one just below it (it
/// should fail), one above the maximum when there is one, a multilateral deal when the rules have a multilateral
/// band, and a financial-only co-producer when the rules allow one. Budgets are 10,000,000 EUR, all cash.
/// </summary>
public static class TreatyPreviewSamples
{
    private const decimal Budget = 10_000_000m;

    public static IReadOnlyList<PreviewSample> For(Treaty treaty, RuleSet rules, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        ArgumentNullException.ThrowIfNull(rules);
        var parties = treaty.Parties.Select(p => p.Country.Value).Order(StringComparer.Ordinal).ToList();
        if (parties.Count < 2)
        {
            return [];
        }

        var (a, b) = (parties[0], parties[1]);
        var band = rules.BandsByFormat.FirstOrDefault(f => f.Formats.Contains(Domain.Deals.ProductionFormat.FictionFeature))?.Bilateral ?? rules.BilateralShares;
        var minimum = band?.Minimum?.Value;
        var samples = new List<PreviewSample>();
        var atMinimum = minimum ?? 20m;
        samples.Add(new("at-minimum", $"{a}–{b} feature, minority at {Pct(atMinimum)}",
            minimum is null ? "No bilateral minimum is on record: the minority takes 20 %." : "The minority co-producer brings exactly the minimum share: the minimum-share rule should pass.",
            Request(date, [(a, 100m - atMinimum, "majorityDelegate"), (b, atMinimum, "minority")])));
        if (minimum is { } min && min >= 1m)
        {
            samples.Add(new("below-minimum", $"{a}–{b} feature, minority at {Pct(min - 1m)}",
                "One point below the minimum share: the minimum-share rule should fail.",
                Request(date, [(a, 100m - (min - 1m), "majorityDelegate"), (b, min - 1m, "minority")])));
        }

        if (band?.Maximum?.Value is { } max && max < 99m)
        {
            samples.Add(new("above-maximum", $"{a}–{b} feature, majority at {Pct(max + 1m)}",
                "One point above the maximum share: the maximum-share rule should fail.",
                Request(date, [(a, max + 1m, "majorityDelegate"), (b, 100m - (max + 1m), "minority")])));
        }

        if (rules.MultilateralShares is { } multilateral && parties.Count >= 3)
        {
            var c = parties[2];
            var third = multilateral.Minimum?.Value ?? 10m;
            samples.Add(new("multilateral", $"{a}–{b}–{c} feature, smallest at {Pct(third)}",
                "Three party countries; the smallest co-producer brings the multilateral minimum.",
                Request(date, [(a, 100m - 30m - third, "majorityDelegate"), (b, 30m, "minority"), (c, third, "minority")])));
        }

        if (rules.FinancialOnly is { Allowed: true } financial)
        {
            var share = financial.Minimum?.Value ?? 10m;
            var other = parties.Count >= 3 ? parties[2] : b;
            var minority = Math.Max(atMinimum, 20m);
            samples.Add(new("financial-only", $"{a}–{b} feature with a financial co-producer from {other} at {Pct(share)}",
                "A purely financial co-producer at the financial-only minimum.",
                Request(date, [(a, 100m - minority - share, "majorityDelegate"), (b, minority, "minority"), (other, share, "financialOnly")])));
        }

        return samples;
    }

    private static EvaluateDealRequest Request(DateOnly date, IReadOnlyList<(string Country, decimal Share, string Role)> partners) =>
        new()
        {
            Date = date,
            Deal = new DealInput
            {
                Title = "Sample co-production",
                Format = "fictionFeature",
                Currency = "EUR",
                Budget = Budget,
                Partners = [.. partners.Select((p, i) => new PartnerInput
                {
                    Company = $"Sample Films {i + 1} ({p.Country})",
                    Country = p.Country,
                    Role = p.Role,
                    Contributions = [new ContributionInput { Kind = "cash", Description = "Cash", Amount = Budget * p.Share / 100m }],
                })],
                KeyPeople =
                [
                    new KeyPersonInput { Role = "director", Name = "Sample director", Nationality = partners[0].Country },
                    new KeyPersonInput { Role = "scriptwriter", Name = "Sample writer", Nationality = partners[1].Country },
                    new KeyPersonInput { Role = "leadActor1", Name = "Sample lead", Nationality = partners[0].Country },
                    new KeyPersonInput { Role = "leadActor2", Name = "Sample second lead", Nationality = partners[1].Country },
                ],
                Locations =
                [
                    new LocationInput { Kind = "shooting", Country = partners[0].Country },
                    new LocationInput { Kind = "postProduction", Country = partners[1].Country },
                ],
            },
        };

    private static string Pct(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
