using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;
using CoProd.Domain.Treaties;

namespace CoProd.Domain.Eligibility;

public enum CheckOutcome
{
    Pass,
    Fail,

    /// <summary>Not a failure, but not a clean pass: needs the authorities' approval, or a fact not on record.</summary>
    Warning,
    NotApplicable,
}

public enum Verdict
{
    Qualifies,

    /// <summary>No rule fails, but at least one needs approval or a fact that is not on record.</summary>
    QualifiesSubjectToApproval,
    DoesNotQualify,
}

/// <summary>Two countries take part, or three and more: treaties set different bands for each.</summary>
public enum CoProductionMode
{
    Bilateral,
    Multilateral,
}

/// <summary>One rule applied to the deal: what was measured, what the treaty requires, and why it matters.</summary>
public sealed record RuleCheck(string RuleId, string Title, CheckOutcome Outcome, string Measured, string Required, string Explanation, RuleSource? Source)
{
    /// <summary>The partner the check is about, for per-partner rules.</summary>
    public Guid? PartnerId { get; init; }
}

/// <summary>A points element as scored for this deal.</summary>
public sealed record PointsLine(PointsElement Element, bool Awarded, string Detail);

public sealed record PointsBreakdown(PointsTable Table, IReadOnlyList<PointsLine> Lines)
{
    public int Awarded => Lines.Where(l => l.Awarded).Sum(l => l.Element.Points);
}

/// <summary>How far a share is from a limit, in points of percentage and in money of the deal currency.</summary>
public sealed record ShareMargin(string Subject, Guid? PartnerId, string RuleId, bool IsMinimum, Percentage Limit, Percentage Share, Money Headroom)
{
    /// <summary>Positive while the limit is met: share above a minimum, or below a maximum.</summary>
    public Percentage Distance => IsMinimum ? Share - Limit : Limit - Share;
}

/// <summary>
/// For one foreign currency: how far its rate against the deal currency may move (in %) before a share rule breaks,
/// and which rule breaks first each way. Null moves mean no such move breaks a share rule.
/// </summary>
public sealed record CurrencyStress(
    CurrencyCode Currency, Money Exposure, Percentage ExposureShare, Percentage? MaximumFall, string? BreaksOnFall, Percentage? MaximumRise, string? BreaksOnRise);

public sealed record EligibilityReport(
    string TreatyCode,
    string TreatyName,
    Guid RuleVersionId,
    int RuleVersionNumber,
    DateOnly? RuleVersionEffectiveFrom,
    DateOnly EvaluatedOn,
    CoProductionMode Mode,
    Verdict Verdict,
    IReadOnlyList<RuleCheck> Checks,
    DealFinancing Financing,
    PointsBreakdown? Points,
    IReadOnlyList<ShareMargin> Margins,
    IReadOnlyList<CurrencyStress> CurrencyStress)
{
    public RuleCheck? FirstFailure => Checks.FirstOrDefault(c => c.Outcome == CheckOutcome.Fail);

    public IEnumerable<RuleCheck> Failures => Checks.Where(c => c.Outcome == CheckOutcome.Fail);

    public IEnumerable<RuleCheck> Warnings => Checks.Where(c => c.Outcome == CheckOutcome.Warning);
}
