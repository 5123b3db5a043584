using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;
using CoProd.Domain.Treaties;

namespace CoProd.Domain.Eligibility;

/// <summary>Scores a deal's key people and places of work against a treaty's points table.</summary>
internal static class PointsCalculator
{
    /// <summary>The breakdown for the deal's category, or null when there is no table with elements for it.</summary>
    public static PointsBreakdown? Score(EvaluationContext context)
    {
        var table = context.Rules.PointsTables.FirstOrDefault(t => t.Category == context.Deal.Format.PointsCategory());
        if (table is null || table.Elements.Count == 0)
        {
            return null;
        }

        var eligible = table.Eligibility == PointsEligibility.TreatyParties
            ? context.Parties
            : context.CoProducingCountries.Where(context.IsParty).ToHashSet();
        var whose = table.Eligibility == PointsEligibility.TreatyParties ? "a party" : "a co-producing country";
        var lines = table.Elements.Select(element => Line(context.Deal, element, eligible, whose)).ToList();
        return new PointsBreakdown(table, lines);
    }

    /// <summary>
    /// Each co-producing country's part of the creative and technical participation: the points its nationals and
    /// places earn when a points table is on record, otherwise its share of the key people. Null when nobody is entered.
    /// </summary>
    public static Dictionary<CountryCode, Percentage>? ParticipationByCountry(EvaluationContext context, PointsBreakdown? points)
    {
        var weights = new Dictionary<CountryCode, decimal>();
        if (points is not null)
        {
            foreach (var element in points.Table.Elements)
            {
                var country = Attribution(context.Deal, element);
                if (country is not null)
                {
                    weights[country] = weights.GetValueOrDefault(country) + element.Points;
                }
            }
        }
        else
        {
            foreach (var person in context.Deal.KeyPeople)
            {
                weights[person.Nationality] = weights.GetValueOrDefault(person.Nationality) + 1m;
            }
        }

        var total = weights.Values.Sum();
        return total == 0m ? null : weights.ToDictionary(kv => kv.Key, kv => Percentage.Of(kv.Value, total));
    }

    private static PointsLine Line(Deal deal, PointsElement element, HashSet<CountryCode> eligible, string whose)
    {
        if (element.Role is { } role)
        {
            var holders = deal.KeyPeople.Where(p => p.Role == role).ToList();
            if (holders.Count == 0)
            {
                return new PointsLine(element, false, $"no {EligibilityEngine.RoleName(role)} entered");
            }

            var qualifying = holders.FirstOrDefault(p => eligible.Contains(p.Nationality));
            return qualifying is not null
                ? new PointsLine(element, true, $"{qualifying.Name} ({qualifying.Nationality})")
                : new PointsLine(element, false, $"{string.Join(", ", holders.Select(h => $"{h.Name} ({h.Nationality})"))} not from {whose}");
        }

        if (element.Location is { } kind)
        {
            var places = deal.Locations.Where(l => l.Kind == kind).Select(l => l.Country).ToList();
            if (places.Count == 0)
            {
                return new PointsLine(element, false, $"no {LocationName(kind)} entered");
            }

            var inParties = places.Count(eligible.Contains);
            var list = string.Join(", ", places);
            return inParties * 2 > places.Count
                ? new PointsLine(element, true, list)
                : new PointsLine(element, false, $"{list}: not mostly in {whose}");
        }

        return new PointsLine(element, false, "the element names neither a role nor a place");
    }

    /// <summary>The country an element's points belong to: its holder's nationality, or the (main) place of work.</summary>
    private static CountryCode? Attribution(Deal deal, PointsElement element)
    {
        if (element.Role is { } role)
        {
            return deal.KeyPeople.FirstOrDefault(p => p.Role == role)?.Nationality;
        }

        if (element.Location is { } kind)
        {
            return deal.Locations.Where(l => l.Kind == kind)
                .GroupBy(l => l.Country)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Key)
                .Select(g => g.Key)
                .FirstOrDefault();
        }

        return null;
    }

    private static string LocationName(LocationKind kind) => kind switch
    {
        LocationKind.Shooting => "studio or shooting location",
        LocationKind.PostProduction => "post-production location",
        LocationKind.VisualEffects => "VFX location",
        _ => kind.ToString(),
    };
}
