using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.Treaties;

namespace CoProd.Domain.Eligibility;

/// <summary>
/// A limit on the combined share of some partners (one partner, a country's partners, or all co-producers from
/// outside the parties). The band checks, the margins and the currency stress all derive from the same list,
/// so they cannot disagree.
/// </summary>
internal sealed record ShareConstraint(
    string RuleId, string Title, string Subject, Guid? PartnerId, IReadOnlyList<Guid> PartnerIds,
    Percentage Limit, bool IsMinimum, string LimitDescription, RuleSource Source)
{
    public decimal GroupTotal(DealFinancing financing) =>
        financing.Partners.Where(p => PartnerIds.Contains(p.Partner.Id)).Sum(p => p.Total.Amount);

    public Percentage Share(DealFinancing financing) => Percentage.Of(GroupTotal(financing), financing.Total.Amount);

    public bool IsMet(Percentage share) => IsMinimum ? share >= Limit : share <= Limit;

    /// <summary>
    /// How much the group's contributions could fall (minimum) or rise (maximum) with everything else unchanged
    /// before the limit is crossed; negative when it is crossed already.
    /// </summary>
    public decimal Headroom(DealFinancing financing)
    {
        var group = GroupTotal(financing);
        var total = financing.Total.Amount;
        var limit = Limit.Fraction;
        return IsMinimum
            ? (limit >= 1m ? 0m : (group - (limit * total)) / (1m - limit))
            : (limit >= 1m ? decimal.MaxValue : ((limit * total) - group) / (1m - limit));
    }

    public static IReadOnlyList<ShareConstraint> For(EvaluationContext context)
    {
        var constraints = new List<ShareConstraint>();
        var rules = context.Rules;
        var partners = context.Deal.Partners;
        var financialBand = rules.FinancialOnly is { Allowed: true } f && (f.Minimum is not null || f.Maximum is not null) ? f : null;

        if (context.Band is { } band)
        {
            var bandLabel = $"the treaty's {context.ModeWord}";
            var banded = partners.Where(p => !(p.IsFinancialOnly && financialBand is not null)).ToList();
            if (band.Basis == ShareBasis.PerCountry)
            {
                foreach (var group in banded.GroupBy(p => p.Country).OrderBy(g => g.Key))
                {
                    var ids = group.Select(p => p.Id).ToList();
                    var subject = $"{group.Key}'s co-producers";
                    AddBand(constraints, "share", band.Minimum, band.Maximum, $"{group.Key}", subject, null, ids, bandLabel + " band per country", band.Source);
                }
            }
            else
            {
                foreach (var partner in banded)
                {
                    AddBand(constraints, "share", band.Minimum, band.Maximum, EvaluationContext.Describe(partner), EvaluationContext.Describe(partner), partner.Id, [partner.Id], bandLabel + " band per co-producer", band.Source);
                }
            }
        }

        if (financialBand is not null)
        {
            foreach (var partner in partners.Where(p => p.IsFinancialOnly))
            {
                AddBand(constraints, "financial-only", financialBand.Minimum, financialBand.Maximum, EvaluationContext.Describe(partner), EvaluationContext.Describe(partner), partner.Id, [partner.Id], "the band for financial co-producers", financialBand.Source);
            }
        }

        var nonParty = partners.Where(p => !context.IsParty(p.Country)).ToList();
        if (nonParty.Count > 0 && rules.NonPartyCoProducers is { Allowed: true, MaximumCombinedShare: { } cap } nonPartyRule)
        {
            constraints.Add(new ShareConstraint(
                "non-party.cap", "Co-producers from outside the parties", "the co-producers from outside the parties", null,
                [.. nonParty.Select(p => p.Id)], cap, IsMinimum: false, "the cap on their combined share", nonPartyRule.Source));
        }

        return constraints;
    }

    private static void AddBand(List<ShareConstraint> constraints, string rulePrefix, Percentage? minimum, Percentage? maximum,
        string titleSubject, string subject, Guid? partnerId, IReadOnlyList<Guid> ids, string limitDescription, RuleSource source)
    {
        if (minimum is { } min)
        {
            constraints.Add(new ShareConstraint($"{rulePrefix}.minimum", $"Minimum share — {titleSubject}", subject, partnerId, ids, min, IsMinimum: true, "the minimum of " + limitDescription, source));
        }

        if (maximum is { } max)
        {
            constraints.Add(new ShareConstraint($"{rulePrefix}.maximum", $"Maximum share — {titleSubject}", subject, partnerId, ids, max, IsMinimum: false, "the maximum of " + limitDescription, source));
        }
    }
}
