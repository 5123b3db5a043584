using CoProd.Application.Treaties;

namespace CoProd.Application.Eligibility;

/// <summary>What the API answers: the financing as the engine sees it, and either one evaluation or the finder's candidates.</summary>
public sealed record EligibilityResponse(DateOnly EvaluatedOn, FinancingDto Financing, EvaluationDto? Evaluation, IReadOnlyList<CandidateDto>? Candidates);

/// <summary>Amounts in the deal currency, exact; <see cref="PartnerShareDto.ShareDisplay"/> is rounded to two decimals.</summary>
public sealed record FinancingDto(string Currency, decimal Budget, decimal Total, decimal Gap, IReadOnlyList<PartnerShareDto> Partners);

public sealed record PartnerShareDto(Guid PartnerId, string Company, string Country, string Role, decimal Cash, decimal InKind, decimal Total, decimal Share, string ShareDisplay);

public sealed record TreatyRefDto(string Code, string Name, string Kind);

/// <summary>A rule version; a null <see cref="EffectiveFrom"/> means in effect since the treaty began (date not on record).</summary>
public sealed record RuleVersionRefDto(Guid Id, int Number, DateOnly? EffectiveFrom);

public sealed record EvaluationDto(
    TreatyRefDto Treaty,
    RuleVersionRefDto RuleVersion,
    string Mode,
    string Verdict,
    CheckDto? FirstFailure,
    IReadOnlyList<CheckDto> Checks,
    PointsDto? Points,
    IReadOnlyList<MarginDto> Margins,
    IReadOnlyList<CurrencyStressDto> CurrencyStress);

/// <summary>One rule applied: outcome is "pass", "fail", "warning" or "notApplicable".</summary>
public sealed record CheckDto(string RuleId, string Title, string Outcome, string Measured, string Required, string Explanation, SourceDto? Source, Guid? PartnerId, string? Partner);

public sealed record PointsDto(string Category, int Awarded, int Threshold, int Total, IReadOnlyList<PointsLineDto> Elements);

public sealed record PointsLineDto(string Key, string Label, string Group, int Points, bool Awarded, string Detail);

/// <summary>Distance to a limit in percentage points, and headroom in the deal currency (how much may change before the limit is crossed).</summary>
public sealed record MarginDto(string Subject, Guid? PartnerId, string RuleId, string Limit, decimal LimitValue, decimal Share, decimal Distance, decimal Headroom);

/// <summary>How far the currency may fall or rise against the deal currency (in %) before a share rule breaks; null: no move breaks one.</summary>
public sealed record CurrencyStressDto(string Currency, decimal Exposure, decimal ExposureShare, decimal? MaximumFall, string? BreaksOnFall, decimal? MaximumRise, string? BreaksOnRise);

/// <summary>A treaty the finder found: status "qualifies", "qualifiesSubjectToApproval", "doesNotQualify", "superseded" or "noRulesInEffect".</summary>
public sealed record CandidateDto(TreatyRefDto Treaty, string Status, string? Note, RuleVersionRefDto? RuleVersion, string? Verdict, CheckDto? FirstFailure, int Failures, int Warnings);
