using CoProd.Domain.Deals;
using CoProd.Domain.Treaties;

namespace CoProd.Domain.Eligibility;

public enum CandidateStatus
{
    Qualifies,
    QualifiesSubjectToApproval,
    DoesNotQualify,

    /// <summary>Another treaty applies in its place for this deal (a bilateral treaty, or a convention for a multilateral deal).</summary>
    Superseded,

    /// <summary>No published rules are in effect on the date.</summary>
    NoRulesInEffect,
}

/// <summary>A treaty that could apply to the deal, and how the deal fares under it.</summary>
public sealed record TreatyCandidate(Treaty Treaty, CandidateStatus Status, EligibilityReport? Report, string? Note)
{
    public RuleCheck? FirstFailure => Report?.FirstFailure;
}

/// <summary>
/// From the partners' countries and a date: every treaty or convention that could apply, each evaluated, ranked
/// with the ones the deal qualifies under first. Precedence between treaties is data too: a convention that
/// <see cref="ApplicabilityRule.YieldsToBilateralTreaties"/> steps aside for a bilateral treaty between the two
/// countries, and bilateral treaties step aside for such a convention in a multilateral deal between its parties.
/// </summary>
public static class TreatyFinder
{
    public static IReadOnlyList<TreatyCandidate> Find(Deal deal, IEnumerable<Treaty> treaties, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(treaties);
        var countries = deal.Partners.Select(p => p.Country).Distinct().ToList();
        if (countries.Count < 2)
        {
            return [];
        }

        var candidates = treaties
            .Where(t => t.TerminatedOn is null || date < t.TerminatedOn)
            .Where(t => t.Kind == TreatyKind.Bilateral
                ? t.PartiesOn(date).All(countries.Contains)
                : countries.Count(c => t.IsPartyOn(c, date)) >= 2)
            .ToList();

        var bilateralBetweenThem = countries.Count == 2
            ? candidates.FirstOrDefault(t => t.Kind == TreatyKind.Bilateral && t.IsInForceOn(date) && t.RulesOn(date) is not null)
            : null;
        var prevailingConvention = countries.Count >= 3
            ? candidates.FirstOrDefault(t => t.Kind == TreatyKind.Convention
                && t.IsInForceOn(date)
                && t.RulesOn(date)?.Rules.Applicability is { YieldsToBilateralTreaties: true } applicability
                && countries.Count(c => t.IsPartyOn(c, date)) >= applicability.MultilateralMinimumPartyCountries)
            : null;

        var results = new List<TreatyCandidate>(candidates.Count);
        foreach (var treaty in candidates)
        {
            var version = treaty.RulesOn(date);
            if (version is null)
            {
                results.Add(new TreatyCandidate(treaty, CandidateStatus.NoRulesInEffect, null, $"No published rules of {treaty.Name} are in effect on {date:yyyy-MM-dd}."));
                continue;
            }

            var report = EligibilityEngine.Evaluate(deal, treaty, version, date);
            var yields = version.Rules.Applicability is { YieldsToBilateralTreaties: true };
            if (treaty.Kind == TreatyKind.Convention && yields && bilateralBetweenThem is not null)
            {
                results.Add(new TreatyCandidate(treaty, CandidateStatus.Superseded, report,
                    $"{string.Join(" and ", countries)} have a bilateral treaty ({bilateralBetweenThem.Name}): it applies to their bilateral co-productions instead of the convention."));
            }
            else if (treaty.Kind == TreatyKind.Bilateral && prevailingConvention is not null && treaty.PartiesOn(date).All(c => prevailingConvention.IsPartyOn(c, date)))
            {
                results.Add(new TreatyCandidate(treaty, CandidateStatus.Superseded, report,
                    $"For a multilateral co-production between its parties, {prevailingConvention.Name} applies instead of this bilateral treaty."));
            }
            else if (report.FirstFailure is { RuleId: "parties.all-participants" } && version.Rules.Applicability?.OtherwiseApplies is { } otherwise)
            {
                results.Add(new TreatyCandidate(treaty, CandidateStatus.Superseded, report,
                    $"Not every participating country is a party to {treaty.Name}, so {otherwise} applies instead."));
            }
            else
            {
                var status = report.Verdict switch
                {
                    Verdict.Qualifies => CandidateStatus.Qualifies,
                    Verdict.QualifiesSubjectToApproval => CandidateStatus.QualifiesSubjectToApproval,
                    _ => CandidateStatus.DoesNotQualify,
                };
                results.Add(new TreatyCandidate(treaty, status, report, null));
            }
        }

        return [.. results
            .OrderBy(c => c.Status)
            .ThenBy(c => c.Report?.Failures.Count() ?? int.MaxValue)
            .ThenBy(c => c.Report?.Warnings.Count() ?? int.MaxValue)
            .ThenBy(c => c.Treaty.Kind)
            .ThenBy(c => c.Treaty.Name, StringComparer.Ordinal)];
    }
}
