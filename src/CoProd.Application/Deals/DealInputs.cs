using CoProd.Application.Common;
using CoProd.Domain.Deals;
using FluentValidation;

namespace CoProd.Application.Deals;

// What the deal forms post and the services validate: mutable, nullable fields so validation can name what is
// missing, and the same validators run in the service whichever page or API call sends them.

public sealed class ProjectInput
{
    public string? Title { get; set; }

    /// <summary>"fictionFeature", "animation", "documentary" or "series".</summary>
    public string? Format { get; set; }

    public string? Currency { get; set; }

    public decimal? Budget { get; set; }

    public string? Synopsis { get; set; }

    /// <summary>Comma-separated, e.g. "Japanese, English".</summary>
    public string? Languages { get; set; }

    /// <summary>"undecided", "official" or "unofficial".</summary>
    public string? Kind { get; set; }

    public string? TreatyCode { get; set; }

    public DateOnly? DevelopmentStart { get; set; }

    public DateOnly? PreProductionStart { get; set; }

    public DateOnly? ShootStart { get; set; }

    public DateOnly? ShootEnd { get; set; }

    public DateOnly? PostProductionEnd { get; set; }

    public DateOnly? Delivery { get; set; }

    public IReadOnlyList<string> LanguageList() =>
        (Languages ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public DealSchedule Schedule() => new(DevelopmentStart, PreProductionStart, ShootStart, ShootEnd, PostProductionEnd, Delivery);

    public static ProjectInput From(DealDocument deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return new ProjectInput
        {
            Title = deal.Title,
            Format = deal.ProductionFormat,
            Currency = deal.Currency,
            Budget = deal.Budget,
            Synopsis = deal.Synopsis,
            Languages = string.Join(", ", deal.Languages),
            Kind = deal.Kind,
            TreatyCode = deal.TreatyCode,
            DevelopmentStart = deal.Schedule.DevelopmentStart,
            PreProductionStart = deal.Schedule.PreProductionStart,
            ShootStart = deal.Schedule.ShootStart,
            ShootEnd = deal.Schedule.ShootEnd,
            PostProductionEnd = deal.Schedule.PostProductionEnd,
            Delivery = deal.Schedule.Delivery,
        };
    }
}

public sealed class ProjectInputValidator : AbstractValidator<ProjectInput>
{
    public ProjectInputValidator(ReferenceCodes codes, Func<string, CancellationToken, Task<bool>> treatyExists)
    {
        RuleFor(p => p.Title).NotEmpty().WithMessage("Give the project a title.").MaximumLength(Deal.TitleMaxLength);
        RuleFor(p => p.Format).Must(f => Enums.TryParse<ProductionFormat>(f, out _)).WithMessage("Choose the format.");
        RuleFor(p => p.Currency).NotEmpty().WithMessage("Choose the deal currency.")
            .MustAsync(codes.IsActiveCurrencyAsync).WithMessage(p => $"'{p.Currency}' is not a currency on record.");
        RuleFor(p => p.Budget).NotNull().WithMessage("Give the budget.").GreaterThan(0m).WithMessage("The budget must be greater than zero.")
            .LessThan(1_000_000_000_000m).WithMessage("That budget is beyond what CoProd can hold.");
        RuleFor(p => p.Synopsis).MaximumLength(Deal.SynopsisMaxLength);
        RuleFor(p => p.Languages).Must(l => l is null || l.Split(',', StringSplitOptions.RemoveEmptyEntries).Length <= Deal.MaxLanguages)
            .WithMessage($"List at most {Deal.MaxLanguages} languages.");
        RuleFor(p => p.Kind).Must(k => k is null || Enums.TryParse<DealKind>(k, out _)).WithMessage("Choose official, unofficial or undecided.");
        RuleFor(p => p.TreatyCode).NotEmpty().When(p => string.Equals(p.Kind, "official", StringComparison.OrdinalIgnoreCase))
            .WithMessage("An official co-production needs the treaty it is made under.");
        RuleFor(p => p.TreatyCode).MustAsync((code, token) => treatyExists(code!, token)).When(p => !string.IsNullOrWhiteSpace(p.TreatyCode))
            .WithMessage(p => $"There is no treaty '{p.TreatyCode}'.");
        RuleFor(p => p).Custom((project, context) =>
        {
            try
            {
                project.Schedule().Validated();
            }
            catch (Domain.Common.DomainException ex)
            {
                context.AddFailure(nameof(ProjectInput.ShootStart).ToCamel(), ex.Message);
            }
        });
    }
}

public sealed class PartnerInputForm
{
    public string? Company { get; set; }

    public string? Country { get; set; }

    public string? Role { get; set; }

    public string? Contact { get; set; }
}

public sealed class PartnerInputFormValidator : AbstractValidator<PartnerInputForm>
{
    public PartnerInputFormValidator(ReferenceCodes codes)
    {
        RuleFor(p => p.Company).NotEmpty().WithMessage("Give the company's name.").MaximumLength(Partner.CompanyNameMaxLength);
        RuleFor(p => p.Country).NotEmpty().WithMessage("Choose the country of establishment.")
            .MustAsync(codes.IsCountryAsync).WithMessage(p => $"'{p.Country}' is not a country on record.");
        RuleFor(p => p.Role).Must(r => Enums.TryParse<PartnerRole>(r, out _)).WithMessage("Choose the partner's role.");
        RuleFor(p => p.Contact).MaximumLength(Partner.ContactMaxLength);
    }
}

public sealed class ContributionInputForm
{
    public Guid? PartnerId { get; set; }

    /// <summary>"cash" or "inKind".</summary>
    public string? Kind { get; set; }

    public string? Description { get; set; }

    public decimal? Amount { get; set; }

    public string? Currency { get; set; }

    public decimal? RateToDealCurrency { get; set; }

    public DateOnly? RateLockedOn { get; set; }

    public string? SpendCountry { get; set; }
}

public sealed class ContributionInputFormValidator : AbstractValidator<ContributionInputForm>
{
    public ContributionInputFormValidator(ReferenceCodes codes, string dealCurrency)
    {
        RuleFor(c => c.PartnerId).NotNull().WithMessage("Choose the partner who brings it.");
        RuleFor(c => c.Kind).Must(k => Enums.TryParse<ContributionKind>(k, out _)).WithMessage("Choose cash or in kind.");
        RuleFor(c => c.Description).NotEmpty().WithMessage("Say what it is (e.g. \"Cash\", \"Post-production services\").").MaximumLength(Contribution.DescriptionMaxLength);
        RuleFor(c => c.Amount).NotNull().WithMessage("Give the amount.").GreaterThan(0m).WithMessage("The amount must be greater than zero.")
            .LessThan(1_000_000_000_000_000m).WithMessage("That amount is beyond what CoProd can hold.");
        RuleFor(c => c.Currency).NotEmpty().WithMessage("Choose the currency.")
            .MustAsync(codes.IsCurrencyAsync).WithMessage(c => $"'{c.Currency}' is not a currency on record.");
        RuleFor(c => c.RateToDealCurrency).NotNull()
            .When(c => c.Currency is not null && !string.Equals(c.Currency.Trim(), dealCurrency, StringComparison.OrdinalIgnoreCase))
            .WithMessage(c => $"Give the rate locked for {c.Currency?.ToUpperInvariant()}: how many {dealCurrency} one {c.Currency?.ToUpperInvariant()} is worth.");
        RuleFor(c => c.RateToDealCurrency).GreaterThan(0m).When(c => c.RateToDealCurrency is not null).WithMessage("A rate must be greater than zero.");
        RuleFor(c => c.RateLockedOn).NotNull()
            .When(c => c.Currency is not null && !string.Equals(c.Currency.Trim(), dealCurrency, StringComparison.OrdinalIgnoreCase))
            .WithMessage("Give the date the rate was locked.");
        RuleFor(c => c.SpendCountry).NotEmpty().WithMessage("Choose where it is spent.")
            .MustAsync(codes.IsCountryAsync).WithMessage(c => $"'{c.SpendCountry}' is not a country on record.");
    }
}

public sealed class KeyPersonInputForm
{
    public string? Role { get; set; }

    public string? Name { get; set; }

    public string? Nationality { get; set; }

    public string? Residence { get; set; }
}

public sealed class KeyPersonInputFormValidator : AbstractValidator<KeyPersonInputForm>
{
    public KeyPersonInputFormValidator(ReferenceCodes codes)
    {
        RuleFor(p => p.Role).Must(r => Enums.TryParse<KeyRole>(r, out _)).WithMessage("Choose the role.");
        RuleFor(p => p.Name).NotEmpty().WithMessage("Give the person's name.").MaximumLength(KeyPerson.NameMaxLength);
        RuleFor(p => p.Nationality).NotEmpty().WithMessage("Choose the nationality.")
            .MustAsync(codes.IsCountryAsync).WithMessage(p => $"'{p.Nationality}' is not a country on record.");
        RuleFor(p => p.Residence).MustAsync(codes.IsCountryAsync).When(p => !string.IsNullOrWhiteSpace(p.Residence))
            .WithMessage(p => $"'{p.Residence}' is not a country on record.");
    }
}

public sealed class LocationInputForm
{
    /// <summary>"shooting", "postProduction" or "visualEffects".</summary>
    public string? Kind { get; set; }

    public string? Country { get; set; }

    public string? Place { get; set; }
}

public sealed class LocationInputFormValidator : AbstractValidator<LocationInputForm>
{
    public LocationInputFormValidator(ReferenceCodes codes)
    {
        RuleFor(l => l.Kind).Must(k => Enums.TryParse<LocationKind>(k, out _)).WithMessage("Choose what is done there.");
        RuleFor(l => l.Country).NotEmpty().WithMessage("Choose the country.")
            .MustAsync(codes.IsCountryAsync).WithMessage(l => $"'{l.Country}' is not a country on record.");
        RuleFor(l => l.Place).MaximumLength(ProductionLocation.PlaceMaxLength);
    }
}

public sealed class OverageInputForm
{
    /// <summary>"proRata", "capped" or "borneByPartner".</summary>
    public string? Mode { get; set; }

    public decimal? Cap { get; set; }

    public Guid? ResponsiblePartnerId { get; set; }

    public string? Notes { get; set; }
}

public sealed class OverageInputFormValidator : AbstractValidator<OverageInputForm>
{
    public OverageInputFormValidator()
    {
        RuleFor(o => o.Mode).Must(m => Enums.TryParse<OverageMode>(m, out _)).WithMessage("Choose who pays overages.");
        RuleFor(o => o.Cap).NotNull().GreaterThan(0m).When(o => string.Equals(o.Mode, "capped", StringComparison.OrdinalIgnoreCase))
            .WithMessage("Give the cap, in the deal currency.");
        RuleFor(o => o.ResponsiblePartnerId).NotNull().When(o => string.Equals(o.Mode, "borneByPartner", StringComparison.OrdinalIgnoreCase))
            .WithMessage("Choose the partner who bears the overages.");
        RuleFor(o => o.Notes).MaximumLength(OveragePolicy.NotesMaxLength);
    }
}

internal static class NameExtensions
{
    public static string ToCamel(this string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
