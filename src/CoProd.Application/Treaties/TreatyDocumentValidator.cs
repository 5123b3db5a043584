using CoProd.Application.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.Treaties;
using FluentValidation;

namespace CoProd.Application.Treaties;

/// <summary>A treaty file: the format marker, and every treaty in it.</summary>
public sealed class TreatyFileValidator : AbstractValidator<TreatyFileDto>
{
    public TreatyFileValidator(ReferenceCodes codes)
    {
        RuleFor(f => f.Format)
            .Equal(TreatyFileDto.CurrentFormat).WithMessage($"The file must say \"format\": \"{TreatyFileDto.CurrentFormat}\".");
        RuleFor(f => f.Treaties)
            .NotEmpty().WithMessage("The file has no treaties.");
        RuleForEach(f => f.Treaties).SetValidator(new TreatyDtoValidator(codes));
        RuleFor(f => f.Treaties)
            .Must(treaties => treaties!.Select(t => t.Code?.Trim().ToLowerInvariant()).Where(c => c is not null).GroupBy(c => c).All(g => g.Count() == 1))
            .When(f => f.Treaties is not null)
            .WithMessage("Two treaties in the file have the same code.");
    }
}

/// <summary>One treaty with its parties, dates, sources and rule versions.</summary>
public sealed class TreatyDtoValidator : AbstractValidator<TreatyDto>
{
    /// <param name="codes">Countries on record.</param>
    /// <param name="requireVersions">A treaty file needs at least one rule version; a treaty created by an admin may start without.</param>
    public TreatyDtoValidator(ReferenceCodes codes, bool requireVersions = true)
    {
        Include(new TreatyDetailsValidator(codes));
        if (requireVersions)
        {
            RuleFor(t => t.RuleVersions)
                .NotEmpty().WithMessage("A treaty needs at least one version of its rules.");
        }

        RuleForEach(t => t.RuleVersions).SetValidator(new RuleVersionDtoValidator(codes));
        RuleFor(t => t.RuleVersions)
            .Must(v => v!.Count(x => string.Equals(x.Status, "draft", StringComparison.OrdinalIgnoreCase)) <= 1).When(t => t.RuleVersions is not null)
            .WithMessage("A treaty can have at most one draft version.");
        RuleFor(t => t.RuleVersions)
            .Must(v => v!.Where(x => !string.Equals(x.Status, "draft", StringComparison.OrdinalIgnoreCase))
                .GroupBy(x => x.EffectiveFrom).All(g => g.Count() == 1))
            .When(t => t.RuleVersions is not null)
            .WithMessage("Two published versions take effect on the same date (or both lack a date: only the first version may).");
    }
}

/// <summary>A treaty's details: code, name, kind, parties, dates and sources (everything but its rule versions).</summary>
public sealed class TreatyDetailsValidator : AbstractValidator<TreatyDto>
{
    public TreatyDetailsValidator(ReferenceCodes codes)
    {
        RuleFor(t => t.Code)
            .NotEmpty().WithMessage("A treaty needs a code (e.g. ca-fr).")
            .MaximumLength(Treaty.CodeMaxLength)
            .Matches("^[a-zA-Z0-9-]+$").WithMessage("A code has letters, digits and hyphens only (e.g. ca-fr).");
        RuleFor(t => t.Name)
            .NotEmpty().WithMessage("A treaty needs a name.")
            .MaximumLength(Treaty.NameMaxLength);
        RuleFor(t => t.Kind)
            .Must(Valid.Enum<TreatyKind>).WithMessage($"Kind must be {Enums.Names<TreatyKind>()}.");
        RuleFor(t => t.Parties)
            .NotEmpty().WithMessage("A treaty needs its parties.");
        RuleFor(t => t.Parties)
            .Must(p => p!.Count == 2).When(t => t.Parties is { Count: > 0 } && string.Equals(t.Kind, "bilateral", StringComparison.OrdinalIgnoreCase))
            .WithMessage("A bilateral treaty has exactly two parties.");
        RuleFor(t => t.Parties)
            .Must(p => p!.Count >= 2).When(t => t.Parties is { Count: > 0 } && string.Equals(t.Kind, "convention", StringComparison.OrdinalIgnoreCase))
            .WithMessage("A convention needs at least two parties.");
        RuleFor(t => t.Parties)
            .Must(p => p!.Select(x => x.Country?.Trim().ToUpperInvariant()).Distinct().Count() == p!.Count).When(t => t.Parties is not null)
            .WithMessage("A country is listed twice among the parties.");
        RuleForEach(t => t.Parties).ChildRules(party =>
        {
            party.RuleFor(p => p.Country).MustAsync(codes.IsCountryAsync).WithMessage(p => $"'{p.Country}' is not a country on record (ISO 3166-1 alpha-2).");
            party.RuleFor(p => p.Until).GreaterThan(p => p.From).When(p => p.From is not null && p.Until is not null)
                .WithMessage("A party's end date must come after its start date.");
        });
        RuleFor(t => t.TerminatedOn).GreaterThan(t => t.InForceFrom).When(t => t.InForceFrom is not null && t.TerminatedOn is not null)
            .WithMessage("A treaty cannot end before it comes into force.");
        RuleFor(t => t.DatesNote).MaximumLength(Treaty.NoteMaxLength);
        RuleForEach(t => t.Sources).SetValidator(new SourceValidator());
    }
}

public sealed class RuleVersionDtoValidator : AbstractValidator<RuleVersionDto>
{
    public RuleVersionDtoValidator(ReferenceCodes codes)
    {
        RuleFor(v => v.Status)
            .Must(s => s is null || s.Equals("published", StringComparison.OrdinalIgnoreCase) || s.Equals("draft", StringComparison.OrdinalIgnoreCase))
            .WithMessage("Status must be published or draft.");
        RuleFor(v => v.ChangeNote).MaximumLength(RuleVersion.ChangeNoteMaxLength);
        RuleFor(v => v.Rules).NotNull().WithMessage("A rule version needs its rules.").SetValidator(new RuleSetDtoValidator(codes)!);
    }
}

public sealed class RuleSetDtoValidator : AbstractValidator<RuleSetDto>
{
    public RuleSetDtoValidator(ReferenceCodes codes)
    {
        RuleFor(r => r.Applicability).SetValidator(new ApplicabilityValidator()!);
        RuleFor(r => r.BilateralShares).SetValidator(new ShareBandValidator()!);
        RuleFor(r => r.MultilateralShares).SetValidator(new ShareBandValidator()!);
        RuleForEach(r => r.BandsByFormat).ChildRules(bands =>
        {
            bands.RuleFor(b => b.Formats).NotEmpty().WithMessage("Say which formats these bands are for.");
            bands.RuleForEach(b => b.Formats).Must(Valid.Enum<ProductionFormat>).WithMessage($"Format must be {Enums.Names<ProductionFormat>()}.");
            bands.RuleFor(b => b.Bilateral).SetValidator(new ShareBandValidator()!);
            bands.RuleFor(b => b.Multilateral).SetValidator(new ShareBandValidator()!);
        });
        RuleFor(r => r.NonPartyCoProducers).SetValidator(new NonPartyValidator()!);
        RuleFor(r => r.FinancialOnly).SetValidator(new FinancialOnlyValidator()!);
        RuleForEach(r => r.PointsTables).SetValidator(new PointsTableValidator());
        RuleFor(r => r.PointsTables)
            .Must(t => t!.GroupBy(x => x.Category?.ToLowerInvariant()).All(g => g.Count() == 1)).When(r => r.PointsTables is not null)
            .WithMessage("Two points tables are for the same category.");
        RuleFor(r => r.Proportionality).SetValidator(new ProportionalityValidator()!);
        RuleFor(r => r.Nationality).SetValidator(new NationalityValidator(codes)!);
        RuleFor(r => r.Spend).SetValidator(new SpendValidator()!);
        RuleForEach(r => r.CompetentAuthorities).ChildRules(authority =>
        {
            authority.RuleFor(a => a.Country).MustAsync(codes.IsCountryAsync).WithMessage(a => $"'{a.Country}' is not a country on record.");
            authority.RuleFor(a => a.Name).NotEmpty().WithMessage("Name the authority.").MaximumLength(RuleSource.ArticleMaxLength);
            authority.RuleFor(a => a.Url).Must(Valid.Url).WithMessage(Valid.UrlMessage);
        });
        RuleFor(r => r.Notes).MaximumLength(CoProd.Domain.Treaties.RuleSet.NotesMaxLength);
    }
}

public sealed class NonPartyValidator : AbstractValidator<NonPartyDto>
{
    public NonPartyValidator()
    {
        RuleFor(n => n.Allowed).NotNull().WithMessage("Say whether co-producers from other countries are allowed.");
        RuleFor(n => n.MaximumCombinedShare).Must(Valid.Percentage).WithMessage(Valid.PercentageMessage);
        RuleFor(n => n.Conditions).MaximumLength(RuleSource.NoteMaxLength);
        RuleFor(n => n.Source).NotNull().WithMessage(Valid.SourceMessage).SetValidator(new SourceValidator()!);
    }
}

public sealed class FinancialOnlyValidator : AbstractValidator<FinancialOnlyDto>
{
    public FinancialOnlyValidator()
    {
        RuleFor(f => f.Allowed).NotNull().WithMessage("Say whether financial-only co-producers are allowed.");
        RuleFor(f => f.Minimum).Must(Valid.Percentage).WithMessage(Valid.PercentageMessage);
        RuleFor(f => f.Maximum).Must(Valid.Percentage).WithMessage(Valid.PercentageMessage);
        RuleFor(f => f.Maximum).GreaterThanOrEqualTo(f => f.Minimum).When(f => f.Minimum is not null && f.Maximum is not null)
            .WithMessage("The maximum must not be below the minimum.");
        RuleFor(f => f.Conditions).MaximumLength(RuleSource.NoteMaxLength);
        RuleFor(f => f.Source).NotNull().WithMessage(Valid.SourceMessage).SetValidator(new SourceValidator()!);
    }
}

public sealed class ProportionalityValidator : AbstractValidator<ProportionalityDto>
{
    public ProportionalityValidator()
    {
        RuleFor(p => p.Tolerance).NotNull().WithMessage("Give the tolerance in percentage points.").Must(Valid.Percentage).WithMessage(Valid.PercentageMessage);
        RuleFor(p => p.ToleranceNote).MaximumLength(RuleSource.NoteMaxLength);
        RuleFor(p => p.Source).NotNull().WithMessage(Valid.SourceMessage).SetValidator(new SourceValidator()!);
    }
}

public sealed class NationalityValidator : AbstractValidator<NationalityDto>
{
    public NationalityValidator(ReferenceCodes codes)
    {
        RuleForEach(n => n.AlsoEligible).MustAsync(codes.IsCountryAsync).WithMessage((_, c) => $"'{c}' is not a country on record.");
        RuleFor(n => n.Source).NotNull().WithMessage(Valid.SourceMessage).SetValidator(new SourceValidator()!);
    }
}

public sealed class SpendValidator : AbstractValidator<SpendDto>
{
    public SpendValidator()
    {
        RuleFor(s => s.MaximumOutsideCoProducingCountries).Must(Valid.Percentage).WithMessage(Valid.PercentageMessage);
        RuleFor(s => s.ProportionalTolerance).Must(Valid.Percentage).WithMessage(Valid.PercentageMessage);
        RuleFor(s => s.Conditions).MaximumLength(RuleSource.NoteMaxLength);
        RuleFor(s => s.Source).NotNull().WithMessage(Valid.SourceMessage).SetValidator(new SourceValidator()!);
    }
}

public sealed class ApplicabilityValidator : AbstractValidator<ApplicabilityDto>
{
    public ApplicabilityValidator()
    {
        RuleForEach(a => a.Formats).Must(Valid.Enum<ProductionFormat>).WithMessage($"Format must be {Enums.Names<ProductionFormat>()}.");
        RuleFor(a => a.MultilateralMinimumPartyCountries).InclusiveBetween(2, 50).When(a => a.MultilateralMinimumPartyCountries is not null)
            .WithMessage("The minimum number of party countries is between 2 and 50.");
        RuleFor(a => a.OtherwiseApplies).MaximumLength(Treaty.CodeMaxLength);
        RuleFor(a => a.Source).NotNull().WithMessage(Valid.SourceMessage).SetValidator(new SourceValidator()!);
    }
}

public sealed class ShareBandValidator : AbstractValidator<ShareBandDto>
{
    public ShareBandValidator()
    {
        RuleFor(b => b.Minimum).Must(Valid.Percentage).WithMessage(Valid.PercentageMessage);
        RuleFor(b => b.Maximum).Must(Valid.Percentage).WithMessage(Valid.PercentageMessage);
        RuleFor(b => b.Maximum).GreaterThanOrEqualTo(b => b.Minimum).When(b => b.Minimum is not null && b.Maximum is not null)
            .WithMessage("The maximum must not be below the minimum.");
        RuleFor(b => b.Basis).Must(b => b is null || Enums.TryParse<ShareBasis>(b, out _)).WithMessage($"Basis must be {Enums.Names<ShareBasis>()}.");
        RuleFor(b => b.Source).NotNull().WithMessage(Valid.SourceMessage).SetValidator(new SourceValidator()!);
    }
}

public sealed class PointsTableValidator : AbstractValidator<PointsTableDto>
{
    public PointsTableValidator()
    {
        RuleFor(t => t.Category).Must(Valid.Enum<PointsCategory>).WithMessage($"Category must be {Enums.Names<PointsCategory>()}.");
        RuleFor(t => t.Total).NotNull().WithMessage("Give the table's total points.").GreaterThan(0).WithMessage("The total must be above zero.");
        RuleFor(t => t.Threshold).NotNull().WithMessage("Give the threshold.")
            .GreaterThan(0).WithMessage("The threshold must be above zero.")
            .LessThanOrEqualTo(t => t.Total ?? int.MaxValue).WithMessage("The threshold cannot exceed the total.");
        RuleFor(t => t.Eligibility).Must(e => e is null || Enums.TryParse<PointsEligibility>(e, out _))
            .WithMessage($"Eligibility must be {Enums.Names<PointsEligibility>()}.");
        RuleFor(t => t.DiscretionNote).MaximumLength(RuleSource.NoteMaxLength);
        RuleForEach(t => t.Elements).ChildRules(element =>
        {
            element.RuleFor(e => e.Key).NotEmpty().WithMessage("Each element needs a key.").MaximumLength(50);
            element.RuleFor(e => e.Label).NotEmpty().WithMessage("Each element needs a label.").MaximumLength(RuleSource.ArticleMaxLength);
            element.RuleFor(e => e.Points).NotNull().WithMessage("Each element needs its points.").InclusiveBetween(1, 100).WithMessage("Points are between 1 and 100.");
            element.RuleFor(e => e.Group).Must(Valid.Enum<PointsGroup>).WithMessage($"Group must be {Enums.Names<PointsGroup>()}.");
            element.RuleFor(e => e)
                .Must(e => (e.Role is null) != (e.Location is null))
                .WithName("role").WithMessage("Each element names either a role or a location, not both.");
            element.RuleFor(e => e.Role).Must(r => r is null || Enums.TryParse<KeyRole>(r, out _)).WithMessage($"Role must be one of {Enums.Names<KeyRole>()}.");
            element.RuleFor(e => e.Location).Must(l => l is null || Enums.TryParse<LocationKind>(l, out _)).WithMessage($"Location must be {Enums.Names<LocationKind>()}.");
        });
        RuleFor(t => t.Elements)
            .Must((t, elements) => elements!.Sum(e => e.Points ?? 0) == t.Total)
            .When(t => t.Elements is { Count: > 0 } && t.Total is not null)
            .WithMessage(t => $"The elements' points add up to {t.Elements!.Sum(e => e.Points ?? 0)}, not the total of {t.Total}.");
        RuleFor(t => t.Elements)
            .Must(elements => elements!.GroupBy(e => e.Key).All(g => g.Count() == 1))
            .When(t => t.Elements is not null)
            .WithMessage("Two elements have the same key.");
        RuleFor(t => t.Source).NotNull().WithMessage(Valid.SourceMessage).SetValidator(new SourceValidator()!);
    }
}

public sealed class SourceValidator : AbstractValidator<SourceDto>
{
    public SourceValidator()
    {
        RuleFor(s => s.Article).NotEmpty().WithMessage("Say which article or page the rule comes from.").MaximumLength(RuleSource.ArticleMaxLength);
        RuleFor(s => s.Url).Must(Valid.Url).WithMessage(Valid.UrlMessage).MaximumLength(RuleSource.UrlMaxLength);
        RuleFor(s => s.Note).MaximumLength(RuleSource.NoteMaxLength);
        RuleFor(s => s.Confidence).Must(c => c is null || Enums.TryParse<Confidence>(c, out _)).WithMessage($"Confidence must be {Enums.Names<Confidence>()}.");
    }
}

/// <summary>Small predicates the treaty validators share.</summary>
internal static class Valid
{
    public const string PercentageMessage = "A percentage is a number from 0 to 100.";
    public const string SourceMessage = "Every rule needs its source (article and link).";
    public const string UrlMessage = "A link must be a full http(s) address.";

    public static bool Percentage(decimal? value) => value is null || (value >= 0m && value <= 100m);

    public static bool Url(string? url) =>
        string.IsNullOrWhiteSpace(url) || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));

    public static bool Enum<T>(string? value)
        where T : struct, System.Enum => Enums.TryParse<T>(value, out _);
}
