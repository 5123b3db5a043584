using System.Globalization;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;
using CoProd.Domain.Treaties;

namespace CoProd.Domain.Eligibility;

/// <summary>
/// Checks a deal against one version of a treaty's rules on a date: a pure, deterministic function. Rules are data
/// (<see cref="RuleSet"/>): a treaty entered as data is evaluated with no code change. Each check says what was
/// measured, what the treaty requires, where that comes from, and why it passes or not; a rule that is not on
/// record gives a warning, never an invented number.
/// </summary>
public static class EligibilityEngine
{
    public static EligibilityReport Evaluate(Deal deal, Treaty treaty, RuleVersion version, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(treaty);
        ArgumentNullException.ThrowIfNull(version);

        var context = new EvaluationContext(deal, treaty, version, date);
        var constraints = context.HasContributions ? ShareConstraint.For(context) : [];
        var checks = new List<RuleCheck>();

        checks.Add(InForce(context));
        checks.AddRange(Format(context));
        checks.AddRange(AllParticipantsParties(context));
        checks.AddRange(PartiesRepresented(context));
        checks.Add(Financing(context));
        if (context.HasContributions)
        {
            checks.Add(BudgetCoverage(context));
        }

        checks.AddRange(NonPartyCoProducers(context));
        checks.AddRange(BandNotOnRecord(context));
        checks.AddRange(constraints.Select(c => ShareCheck(context, c)));
        checks.AddRange(FinancialOnly(context));

        var points = PointsCalculator.Score(context);
        checks.Add(PointsCheck(context, points));
        checks.AddRange(Proportionality(context, points));
        checks.AddRange(Nationality(context));
        checks.AddRange(Spend(context));

        var verdict = checks.Exists(c => c.Outcome == CheckOutcome.Fail) ? Verdict.DoesNotQualify
            : checks.Exists(c => c.Outcome == CheckOutcome.Warning) ? Verdict.QualifiesSubjectToApproval
            : Verdict.Qualifies;

        var margins = constraints
            .Select(c => new ShareMargin(c.Subject, c.PartnerId, c.RuleId, c.IsMinimum, c.Limit, c.Share(context.Financing), new Money(c.Headroom(context.Financing), deal.Currency)))
            .ToList();

        return new EligibilityReport(
            treaty.Code, treaty.Name, version.Id, version.Number, version.EffectiveFrom, date, context.Mode, verdict,
            checks, context.Financing, points, margins, CurrencyStressCalculator.Compute(context, constraints));
    }

    private static RuleCheck InForce(EvaluationContext context)
    {
        var treaty = context.Treaty;
        var source = treaty.Sources.FirstOrDefault();
        const string id = "treaty.in-force";
        const string title = "Treaty in force";
        var note = treaty.DatesNote is null ? string.Empty : " " + treaty.DatesNote;
        if (treaty.TerminatedOn is { } end && context.Date >= end)
        {
            return new RuleCheck(id, title, CheckOutcome.Fail, $"ended {Day(end)}", $"in force on {Day(context.Date)}",
                $"{treaty.Name} ended on {Day(end)}; it cannot make this deal an official co-production.{note}", source);
        }

        if (treaty.InForceFrom is { } start)
        {
            return context.Date < start
                ? new RuleCheck(id, title, CheckOutcome.Fail, $"in force from {Day(start)}", $"in force on {Day(context.Date)}",
                    $"{treaty.Name} comes into force on {Day(start)}, after {Day(context.Date)}.{note}", source)
                : new RuleCheck(id, title, CheckOutcome.Pass, $"in force since {Day(start)}", $"in force on {Day(context.Date)}",
                    $"{treaty.Name} has been in force since {Day(start)}.", source);
        }

        return new RuleCheck(id, title, CheckOutcome.Warning, "date not on record", $"in force on {Day(context.Date)}",
            $"The date {treaty.Name} came into force is not on record; confirm with the competent authorities that it applies.{note}", source);
    }

    private static IEnumerable<RuleCheck> Format(EvaluationContext context)
    {
        if (context.Rules.Applicability is not { Formats.Count: > 0 } rule)
        {
            yield break;
        }

        var covered = string.Join(", ", rule.Formats.Select(FormatName));
        yield return rule.Formats.Contains(context.Deal.Format)
            ? new RuleCheck("treaty.format", "Kind of work covered", CheckOutcome.Pass, FormatName(context.Deal.Format), covered,
                $"The treaty covers {covered}.", rule.Source)
            : new RuleCheck("treaty.format", "Kind of work covered", CheckOutcome.Fail, FormatName(context.Deal.Format), covered,
                $"The treaty covers only {covered}; a {FormatName(context.Deal.Format).ToLowerInvariant()} cannot be made under it.", rule.Source);
    }

    private static IEnumerable<RuleCheck> PartiesRepresented(EvaluationContext context)
    {
        const string id = "parties.represented";
        const string title = "Co-producers from the parties";
        var source = context.Rules.Applicability?.Source ?? context.Treaty.Sources.FirstOrDefault();
        var represented = context.CoProducingCountries.Where(context.IsParty).ToList();
        var measured = represented.Count == 0 ? "none" : string.Join(", ", represented);

        if (context.Deal.Partners.Count == 0)
        {
            yield return new RuleCheck(id, title, CheckOutcome.Fail, "no partners", "co-producers from the parties",
                "The deal has no partners yet.", source);
            yield break;
        }

        if (context.Treaty.Kind == TreatyKind.Bilateral)
        {
            var missing = context.Treaty.PartiesOn(context.Date).Where(c => !represented.Contains(c)).OrderBy(c => c).ToList();
            var parties = string.Join(" and ", context.Treaty.PartiesOn(context.Date).OrderBy(c => c));
            yield return missing.Count == 0
                ? new RuleCheck(id, title, CheckOutcome.Pass, measured, $"one from each of {parties}",
                    $"There is a co-producer established in each of {parties}.", source)
                : new RuleCheck(id, title, CheckOutcome.Fail, measured, $"one from each of {parties}",
                    $"No co-producer is established in {string.Join(" or ", missing)}; a co-production under this treaty needs one from each of {parties}.", source);
            yield break;
        }

        var rule = context.Rules.Applicability;
        var hasNonParty = context.CoProducingCountries.Any(c => !context.IsParty(c));
        var needsMultilateral = context.Mode == CoProductionMode.Multilateral || hasNonParty;
        if (needsMultilateral)
        {
            var minimum = Math.Max(2, rule?.MultilateralMinimumPartyCountries ?? 2);
            yield return represented.Count >= minimum
                ? new RuleCheck(id, title, CheckOutcome.Pass, $"{represented.Count} ({measured})", $"at least {minimum} party countries",
                    $"Co-producers are established in {represented.Count} different parties ({measured}).", source)
                : new RuleCheck(id, title, CheckOutcome.Fail, $"{represented.Count} ({measured})", $"at least {minimum} party countries",
                    hasNonParty && context.Mode == CoProductionMode.Bilateral
                        ? $"With a co-producer from outside the parties, the convention needs co-producers from at least {minimum} different parties; this deal has {represented.Count}."
                        : $"A multilateral co-production under the convention needs co-producers from at least {minimum} different parties; this deal has {represented.Count}.",
                    source);
            yield break;
        }

        if (represented.Count < 2)
        {
            yield return new RuleCheck(id, title, CheckOutcome.Fail, $"{represented.Count} ({measured})", "at least 2 party countries",
                "At least two co-producers must be established in different parties to the convention.", source);
        }
        else if (rule is { BilateralUse: false })
        {
            yield return new RuleCheck(id, title, CheckOutcome.Fail, $"2 ({measured})", $"at least {rule.MultilateralMinimumPartyCountries} party countries",
                "The convention serves multilateral co-productions only; a bilateral one needs a bilateral treaty.", source);
        }
        else
        {
            yield return new RuleCheck(id, title, CheckOutcome.Pass, $"2 ({measured})", "2 party countries",
                "Both countries are parties; the convention can serve as the bilateral framework where they have no bilateral treaty of their own.", source);
        }
    }

    private static IEnumerable<RuleCheck> AllParticipantsParties(EvaluationContext context)
    {
        if (context.Rules.Applicability is not { AllParticipatingCountriesMustBeParties: true } rule || context.Deal.Partners.Count == 0)
        {
            yield break;
        }

        var outsiders = context.CoProducingCountries.Where(c => !context.IsParty(c)).ToList();
        var instead = rule.OtherwiseApplies is null ? string.Empty : $", so {rule.OtherwiseApplies} applies instead";
        yield return outsiders.Count == 0
            ? new RuleCheck("parties.all-participants", "Every participating country a party", CheckOutcome.Pass,
                string.Join(", ", context.CoProducingCountries), "all parties",
                "Every participating country is a party, so this version's percentages apply.", rule.Source)
            : new RuleCheck("parties.all-participants", "Every participating country a party", CheckOutcome.Fail,
                $"not parties: {string.Join(", ", outsiders)}", "all parties",
                $"These rules apply only when every participating country is a party; {string.Join(", ", outsiders)} {(outsiders.Count == 1 ? "is" : "are")} not{instead}.", rule.Source);
    }

    private static RuleCheck Financing(EvaluationContext context) =>
        context.HasContributions
            ? new RuleCheck("financing.contributions", "Contributions entered", CheckOutcome.Pass, context.Financing.Total.Format(0), "more than zero",
                $"Shares are measured on the {context.Financing.Total.Format(0)} contributed by {context.Financing.Partners.Count(p => p.Total.Amount > 0)} partner(s).", null)
            : new RuleCheck("financing.contributions", "Contributions entered", CheckOutcome.Fail, "none", "more than zero",
                "No contributions are entered yet, so no shares can be measured.", null);

    private static RuleCheck BudgetCoverage(EvaluationContext context)
    {
        var gap = context.Financing.Gap;
        var budget = context.Financing.Budget.Format(0);
        if (gap.Amount == 0m)
        {
            return new RuleCheck("financing.budget", "Financing covers the budget", CheckOutcome.Pass, context.Financing.Total.Format(0), budget,
                "The contributions add up to the budget.", null);
        }

        var word = gap.Amount < 0m ? "short of" : "above";
        return new RuleCheck("financing.budget", "Financing covers the budget", CheckOutcome.Warning, context.Financing.Total.Format(0), budget,
            $"The contributions are {new Money(Math.Abs(gap.Amount), gap.Currency).Format(0)} {word} the budget. Treaties measure shares of the total production cost: when the financing is complete the shares will change.", null);
    }

    private static IEnumerable<RuleCheck> NonPartyCoProducers(EvaluationContext context)
    {
        var outsiders = context.Deal.Partners.Where(p => !context.IsParty(p.Country)).ToList();
        if (outsiders.Count == 0)
        {
            yield break;
        }

        var names = string.Join(", ", outsiders.Select(EvaluationContext.Describe));
        var rule = context.Rules.NonPartyCoProducers;
        if (rule is null)
        {
            yield return new RuleCheck("non-party.allowed", "Co-producers from outside the parties", CheckOutcome.Warning, names, "not on record",
                $"{names} {(outsiders.Count == 1 ? "is" : "are")} established outside the treaty's parties, and what the treaty allows for such co-producers is not on record. Ask the competent authorities.", null);
        }
        else if (!rule.Allowed)
        {
            yield return new RuleCheck("non-party.allowed", "Co-producers from outside the parties", CheckOutcome.Fail, names, "none",
                $"{names} {(outsiders.Count == 1 ? "is" : "are")} established outside the treaty's parties, and the treaty has no place for such co-producers.{Suffix(rule.Conditions)}", rule.Source);
        }
        else if (rule.MaximumCombinedShare is null)
        {
            yield return new RuleCheck("non-party.allowed", "Co-producers from outside the parties", CheckOutcome.Pass, names, "allowed",
                $"The treaty allows co-producers from other countries.{Suffix(rule.Conditions)}", rule.Source);
        }
    }

    private static IEnumerable<RuleCheck> BandNotOnRecord(EvaluationContext context)
    {
        if (context.Band is { Minimum: null, Maximum: null } empty)
        {
            yield return new RuleCheck("share.band", $"Share band for {context.ModeWord} co-productions", CheckOutcome.Warning, $"{context.CoProducingCountries.Count} countries", "no limits on record",
                $"No minimum or maximum share is on record for {context.ModeWord} co-productions under this treaty.{Suffix(empty.Source.Note)} Confirm what the competent authorities expect.", empty.Source);
            yield break;
        }

        if (context.Band is null && context.Deal.Partners.Any(p => !p.IsFinancialOnly || context.Rules.FinancialOnly is null))
        {
            var other = context.Mode == CoProductionMode.Multilateral ? context.Rules.BilateralShares : context.Rules.MultilateralShares;
            var reference = other is null ? string.Empty : $" (its {(context.Mode == CoProductionMode.Multilateral ? "bilateral" : "multilateral")} band is {Band(other)})";
            yield return new RuleCheck("share.band", $"Share band for {context.ModeWord} co-productions", CheckOutcome.Warning, $"{context.CoProducingCountries.Count} countries", "not on record",
                $"The treaty's minimum and maximum shares for {context.ModeWord} co-productions are not on record{reference}. Confirm them with the competent authorities.", null);
        }
    }

    private static RuleCheck ShareCheck(EvaluationContext context, ShareConstraint constraint)
    {
        var share = constraint.Share(context.Financing);
        var met = constraint.IsMet(share);
        var measured = share.FormatAgainst(constraint.Limit);
        var required = (constraint.IsMinimum ? "≥ " : "≤ ") + constraint.Limit.ToExactString();
        var limit = constraint.Limit.ToExactString();
        var exact = Math.Abs(constraint.Headroom(context.Financing));

        // Amounts in words keep their promise: room to spare is rounded down, a shortfall up.
        var headroom = met ? WholeUnits(Math.Floor(exact), context.Deal.Currency) : WholeUnits(Math.Ceiling(exact), context.Deal.Currency);
        string explanation;
        if (constraint.RuleId == "non-party.cap")
        {
            explanation = met
                ? $"Co-producers from outside the parties bring {measured} together, within the cap of {limit}. They could bring {headroom} more without going over it."
                : $"Co-producers from outside the parties bring {measured} together, above the cap of {limit}. Their contributions must fall by {headroom} (or the others' rise) to fit.";
        }
        else if (constraint.IsMinimum)
        {
            explanation = met
                ? $"{Capital(constraint.Subject)} {Brings(constraint)} {measured} of the financing; {constraint.LimitDescription} is {limit}. {Its(constraint)} contributions could fall by {headroom} and still meet it."
                : $"{Capital(constraint.Subject)} {Brings(constraint)} {measured} of the financing, below {constraint.LimitDescription} ({limit}). {(constraint.PartnerId is null ? "They need" : "It needs")} {headroom} more, other contributions unchanged.";
        }
        else
        {
            explanation = met
                ? $"{Capital(constraint.Subject)} {Brings(constraint)} {measured} of the financing; {constraint.LimitDescription} is {limit}."
                : $"{Capital(constraint.Subject)} {Brings(constraint)} {measured} of the financing, above {constraint.LimitDescription} ({limit}). {Its(constraint)} contributions must fall by {headroom}, or the others' rise.";
        }

        return new RuleCheck(constraint.RuleId, constraint.Title, met ? CheckOutcome.Pass : CheckOutcome.Fail, measured, required, explanation, constraint.Source)
        {
            PartnerId = constraint.PartnerId,
        };
    }

    private static IEnumerable<RuleCheck> FinancialOnly(EvaluationContext context)
    {
        var financial = context.Deal.Partners.Where(p => p.IsFinancialOnly).ToList();
        if (financial.Count == 0)
        {
            yield break;
        }

        var names = string.Join(", ", financial.Select(EvaluationContext.Describe));
        var rule = context.Rules.FinancialOnly;
        if (rule is null)
        {
            yield return new RuleCheck("financial-only.allowed", "Financial co-producers", CheckOutcome.Warning, names, "not on record",
                $"{names} {(financial.Count == 1 ? "is a" : "are")} purely financial co-producer{(financial.Count == 1 ? string.Empty : "s")}; what the treaty allows for them is not on record. Ask the competent authorities.", null);
            yield break;
        }

        if (!rule.Allowed)
        {
            foreach (var partner in financial)
            {
                yield return new RuleCheck("financial-only.allowed", $"Financial co-producer — {EvaluationContext.Describe(partner)}", CheckOutcome.Fail, "financial only", "creative and technical participation",
                    $"{EvaluationContext.Describe(partner)} only brings money, and the treaty requires every co-producer to take part creatively and technically.{Suffix(rule.Conditions)}", rule.Source)
                { PartnerId = partner.Id };
            }

            yield break;
        }

        if (rule.RequiresCreativeMajorityCoProducer && context.HasContributions)
        {
            // On a tie for the largest share, a creative co-producer among the tied holds the majority.
            var top = context.Financing.Partners.Max(p => p.Share);
            var largest = context.Financing.Partners.Where(p => p.Share == top).OrderBy(p => p.Partner.IsFinancialOnly).First();
            yield return largest.Partner.IsFinancialOnly
                ? new RuleCheck("financial-only.majority", "Majority co-producer takes part creatively", CheckOutcome.Fail, EvaluationContext.Describe(largest.Partner), "a creative and technical co-producer",
                    $"The largest share ({largest.Share}) is held by {EvaluationContext.Describe(largest.Partner)}, a financial co-producer; the majority co-producer must make an effective technical and artistic contribution.", rule.Source)
                : new RuleCheck("financial-only.majority", "Majority co-producer takes part creatively", CheckOutcome.Pass, EvaluationContext.Describe(largest.Partner), "a creative and technical co-producer",
                    $"The largest share is held by {EvaluationContext.Describe(largest.Partner)}, which takes part creatively and technically.", rule.Source);
        }

        if (rule.RequiresApproval)
        {
            yield return new RuleCheck("financial-only.approval", "Financial co-production approved case by case", CheckOutcome.Warning, names, "approval by the competent authorities",
                $"Financial co-producers are admitted case by case by the competent authorities.{Suffix(rule.Conditions)}", rule.Source);
        }
    }

    private static RuleCheck PointsCheck(EvaluationContext context, PointsBreakdown? points)
    {
        const string id = "points.threshold";
        var category = context.Deal.Format.PointsCategory();
        var tables = context.Rules.PointsTables;
        if (tables.Count == 0)
        {
            return new RuleCheck(id, "Points test", CheckOutcome.NotApplicable, "—", "—", "This treaty has no points test on record.", null);
        }

        var table = tables.FirstOrDefault(t => t.Category == category);
        if (table is null)
        {
            return new RuleCheck(id, "Points test", CheckOutcome.Warning, "no table", $"{category} table",
                $"The treaty has a points test, but its table for {category.ToString().ToLowerInvariant()} is not on record (tables on record: {string.Join(", ", tables.Select(t => t.Category.ToString().ToLowerInvariant()))}). Have the points checked by the competent authorities.", tables[0].Source);
        }

        var required = $"≥ {table.Threshold} of {table.Total}";
        if (points is null)
        {
            return new RuleCheck(id, "Points test", CheckOutcome.Warning, "elements not on record", required,
                $"The threshold ({table.Threshold} of {table.Total} points) is on record, but not the table's elements, so the points cannot be counted here. Have them checked by the competent authorities.", table.Source);
        }

        var awarded = points.Awarded;
        var missed = points.Lines.Where(l => !l.Awarded).Select(l => $"{l.Element.Label} ({l.Element.Points}): {l.Detail}").ToList();
        var missedText = missed.Count == 0 ? string.Empty : " Not counted: " + string.Join("; ", missed) + ".";
        var measured = $"{awarded} of {table.Total}";
        if (awarded >= table.Threshold)
        {
            return new RuleCheck(id, "Points test", CheckOutcome.Pass, measured, required,
                $"The work scores {awarded} of {table.Total} points, meeting the threshold of {table.Threshold}.{missedText}", table.Source);
        }

        return table.DiscretionBelowThreshold
            ? new RuleCheck(id, "Points test", CheckOutcome.Warning, measured, required,
                $"The work scores {awarded} of {table.Total} points, below the threshold of {table.Threshold}. {table.DiscretionNote ?? "The competent authorities may grant status below the threshold."} This is their discretion, not a pass.{missedText}", table.Source)
            : new RuleCheck(id, "Points test", CheckOutcome.Fail, measured, required,
                $"The work scores {awarded} of {table.Total} points, below the threshold of {table.Threshold}.{missedText}", table.Source);
    }

    private static IEnumerable<RuleCheck> Proportionality(EvaluationContext context, PointsBreakdown? points)
    {
        if (context.Rules.Proportionality is not { } rule || !context.HasContributions)
        {
            yield break;
        }

        const string id = "proportionality";
        const string title = "Creative and technical participation in proportion to money";
        var tolerance = rule.ToleranceNote is null ? string.Empty : $" (tolerance: {rule.ToleranceNote})";
        var participation = PointsCalculator.ParticipationByCountry(context, points);
        if (participation is null)
        {
            yield return new RuleCheck(id, title, CheckOutcome.Warning, "no key people", $"within ±{rule.Tolerance.Value:0.##} points",
                "No key creative or technical people are entered yet, so participation cannot be compared with the money.", rule.Source);
            yield break;
        }

        // Financial co-producers are exempt (they bring money only), so the money is compared among the others.
        var creative = context.Financing.Partners.Where(p => !p.Partner.IsFinancialOnly).ToList();
        var creativeTotal = creative.Sum(p => p.Total.Amount);
        var countries = creative.Select(p => p.Partner.Country).Distinct().OrderBy(c => c).ToList();
        var off = new List<string>();
        var lines = new List<string>();
        foreach (var country in countries)
        {
            var money = Percentage.Of(creative.Where(p => p.Partner.Country == country).Sum(p => p.Total.Amount), creativeTotal);
            var part = participation.GetValueOrDefault(country, Percentage.Zero);
            lines.Add($"{country}: {money} of the money, {part} of the participation");
            if (Math.Abs(money.Value - part.Value) > rule.Tolerance.Value)
            {
                off.Add($"{country} brings {money} of the money but {part} of the creative and technical participation");
            }
        }

        var measured = string.Join("; ", lines);
        var required = $"within ±{rule.Tolerance.Value:0.##} points{tolerance}";
        yield return off.Count == 0
            ? new RuleCheck(id, title, CheckOutcome.Pass, measured, required,
                "Each country's creative and technical participation is in line with its financial share.", rule.Source)
            : new RuleCheck(id, title, CheckOutcome.Warning, measured, required,
                $"{string.Join("; ", off)}. The treaty asks for participation in proportion to money \"in principle\": expect the authorities to ask why.", rule.Source);
    }

    private static IEnumerable<RuleCheck> Nationality(EvaluationContext context)
    {
        if (context.Rules.Nationality is not { } rule)
        {
            yield break;
        }

        const string id = "nationality";
        const string title = "Nationality of key people";
        var people = context.Deal.KeyPeople;
        if (people.Count == 0)
        {
            yield return new RuleCheck(id, title, CheckOutcome.Warning, "no key people", "nationals of the co-producing countries",
                "No key creative or technical people are entered yet.", rule.Source);
            yield break;
        }

        var nonPartyAdmitted = context.Rules.NonPartyCoProducers is { Allowed: true };
        var eligible = (rule.CoProducingCountriesOnly ? context.CoProducingCountries.Where(c => context.IsParty(c) || nonPartyAdmitted) : context.Parties)
            .Concat(rule.AlsoEligible).ToHashSet();
        var describedSet = rule.CoProducingCountriesOnly ? "the co-producing countries" : "the parties";
        var extra = rule.AlsoEligible.Count == 0 ? string.Empty : $" or of {string.Join(", ", rule.AlsoEligible)}";
        var required = $"nationals{(rule.ResidentsCount ? " or residents" : string.Empty)} of {describedSet}{extra}";
        var outsiders = people
            .Where(p => !eligible.Contains(p.Nationality) && !(rule.ResidentsCount && p.Residence is { } r && eligible.Contains(r)))
            .ToList();
        var measured = $"{people.Count - outsiders.Count} of {people.Count} qualify";
        if (outsiders.Count == 0)
        {
            yield return new RuleCheck(id, title, CheckOutcome.Pass, measured, required,
                $"All {people.Count} key people are {required}.", rule.Source);
            yield break;
        }

        var names = string.Join(", ", outsiders.Select(p => $"{p.Name} ({RoleName(p.Role)}, {p.Nationality})"));
        var doNot = outsiders.Count == 1 ? "does not" : "do not";
        yield return rule.OthersWithApproval
            ? new RuleCheck(id, title, CheckOutcome.Warning, measured, required,
                $"{names} {doNot} qualify: the treaty asks for {required}, and allows others only with the competent authorities' approval.", rule.Source)
            : new RuleCheck(id, title, CheckOutcome.Fail, measured, required,
                $"{names} {doNot} qualify: the treaty asks for {required} and allows no exceptions.", rule.Source);
    }

    private static IEnumerable<RuleCheck> Spend(EvaluationContext context)
    {
        if (context.Rules.Spend is not { } rule || !context.HasContributions)
        {
            yield break;
        }

        var currency = context.Deal.Currency;
        var total = context.Financing.Total.Amount;
        var byCountry = context.Deal.Contributions
            .GroupBy(c => c.SpendCountry)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.InDealCurrency(currency).Amount));
        var coProducing = context.CoProducingCountries.ToHashSet();

        if (rule.MaximumOutsideCoProducingCountries is { } cap)
        {
            var outside = byCountry.Where(kv => !coProducing.Contains(kv.Key)).Sum(kv => kv.Value);
            var share = Percentage.Of(outside, total);
            var where = string.Join(", ", byCountry.Keys.Where(c => !coProducing.Contains(c)).OrderBy(c => c));
            yield return share <= cap
                ? new RuleCheck("spend.outside", "Spend outside the co-producing countries", CheckOutcome.Pass, share.FormatAgainst(cap), $"≤ {cap}",
                    outside == 0m ? "Everything is spent in the co-producing countries." : $"{share} is spent outside the co-producing countries ({where}), within the cap of {cap}.{Suffix(rule.Conditions)}", rule.Source)
                : new RuleCheck("spend.outside", "Spend outside the co-producing countries", CheckOutcome.Fail, share.FormatAgainst(cap), $"≤ {cap}",
                    $"{share} is spent outside the co-producing countries ({where}), above the cap of {cap}.{Suffix(rule.Conditions)}", rule.Source);
        }

        if (rule.ProportionalTolerance is { } tolerance)
        {
            var off = new List<string>();
            var lines = new List<string>();
            foreach (var country in context.CoProducingCountries)
            {
                var spend = Percentage.Of(byCountry.GetValueOrDefault(country), total);
                var money = context.Financing.ShareOfCountry(country);
                lines.Add($"{country}: {money} of the money, {spend} of the spend");
                if (Math.Abs(spend.Value - money.Value) > tolerance.Value)
                {
                    off.Add($"{country} brings {money} of the money but {spend} is spent there");
                }
            }

            yield return off.Count == 0
                ? new RuleCheck("spend.proportional", "Spend in proportion to financial share", CheckOutcome.Pass, string.Join("; ", lines), $"within ±{tolerance.Value:0.##} points",
                    "Each country's spend is in line with its financial share.", rule.Source)
                : new RuleCheck("spend.proportional", "Spend in proportion to financial share", CheckOutcome.Warning, string.Join("; ", lines), $"within ±{tolerance.Value:0.##} points",
                    $"{string.Join("; ", off)}. The treaty expects spend reasonably equivalent to the financial share.", rule.Source);
        }
    }

    internal static string RoleName(KeyRole role) => role switch
    {
        KeyRole.LeadActor1 => "first lead",
        KeyRole.LeadActor2 => "second lead",
        KeyRole.LeadActor3 => "third lead",
        KeyRole.DirectorOfPhotography => "director of photography",
        KeyRole.SoundRecordist => "sound",
        KeyRole.ProductionDesigner => "production designer",
        KeyRole.CostumeDesigner => "costume designer",
        KeyRole.VfxSupervisor => "VFX supervisor",
        KeyRole.AnimationDirector => "animation director",
        KeyRole.CharacterDesigner => "character designer",
        KeyRole.StoryboardSupervisor => "storyboard supervisor",
        KeyRole.LeadAnimator => "lead animator",
        KeyRole.VoiceLead => "lead voice",
        _ => role.ToString().ToLowerInvariant(),
    };

    internal static string FormatName(ProductionFormat format) => format switch
    {
        ProductionFormat.FictionFeature => "Fiction feature",
        ProductionFormat.Animation => "Animation",
        ProductionFormat.Documentary => "Documentary",
        ProductionFormat.Series => "Series",
        _ => format.ToString(),
    };

    private static string Band(ShareBandRule band) =>
        $"{band.Minimum?.ToString() ?? "no minimum"} to {band.Maximum?.ToString() ?? "no maximum"}";

    private static string Brings(ShareConstraint constraint) => constraint.PartnerId is null ? "bring" : "brings";

    private static string Its(ShareConstraint constraint) => constraint.PartnerId is null ? "Their" : "Its";

    private static string WholeUnits(decimal amount, CurrencyCode currency) => new Money(amount, currency).Format(0);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Suffix(string? text) => string.IsNullOrWhiteSpace(text) ? string.Empty : " " + text.Trim();

    private static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
