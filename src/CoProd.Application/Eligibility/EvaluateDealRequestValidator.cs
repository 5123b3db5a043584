using CoProd.Application.Common;
using CoProd.Domain.Deals;
using FluentValidation;

namespace CoProd.Application.Eligibility;

public sealed class EvaluateDealRequestValidator : AbstractValidator<EvaluateDealRequest>
{
    public EvaluateDealRequestValidator(ReferenceCodes codes)
    {
        RuleFor(r => r.Deal).NotNull().WithMessage("Give the deal to evaluate.").SetValidator(new DealInputValidator(codes)!);
    }
}

public sealed class DealInputValidator : AbstractValidator<DealInput>
{
    public DealInputValidator(ReferenceCodes codes)
    {
        RuleFor(d => d.Title).MaximumLength(Deal.TitleMaxLength);
        RuleFor(d => d.Format).Must(f => f is null || Enums.TryParse<ProductionFormat>(f, out _))
            .WithMessage($"Format must be {Enums.Names<ProductionFormat>()}.");
        RuleFor(d => d.Currency).NotEmpty().WithMessage("Give the deal currency (e.g. EUR).")
            .MustAsync(codes.IsCurrencyAsync).WithMessage(d => $"'{d.Currency}' is not a currency on record (ISO 4217).");
        RuleFor(d => d.Budget).NotNull().WithMessage("Give the budget.").GreaterThan(0m).WithMessage("The budget must be greater than zero.");
        RuleFor(d => d.Partners).NotEmpty().WithMessage("A deal needs partners: add at least one with its contributions.");
        RuleForEach(d => d.Partners).SetValidator(new PartnerInputValidator(codes));
        RuleFor(d => d.Partners)
            .Must(p => p!.Select(x => x.Company?.Trim().ToUpperInvariant()).Distinct().Count() == p!.Count).When(d => d.Partners is { Count: > 0 })
            .WithMessage("Two partners have the same company name.");
        RuleFor(d => d.Partners)
            .Must(p => p!.Sum(x => x.Contributions?.Sum(c => c.Amount ?? 0m) ?? 0m) > 0m).When(d => d.Partners is { Count: > 0 })
            .WithMessage("No partner contributes anything: shares of zero cannot be computed.");
        RuleFor(d => d.Partners).Custom((partners, context) =>
        {
            var deal = (DealInput)context.InstanceToValidate;
            for (var i = 0; i < partners?.Count; i++)
            {
                for (var j = 0; j < partners[i].Contributions?.Count; j++)
                {
                    var contribution = partners[i].Contributions![j];
                    var foreign = contribution.Currency is not null && !string.Equals(contribution.Currency.Trim(), deal.Currency?.Trim(), StringComparison.OrdinalIgnoreCase);
                    if (foreign && contribution.RateToDealCurrency is null)
                    {
                        context.AddFailure($"partners[{i}].contributions[{j}].rateToDealCurrency",
                            $"A contribution in {contribution.Currency} needs its exchange rate to {deal.Currency}, locked at a date.");
                    }
                }
            }
        });
        RuleForEach(d => d.KeyPeople).SetValidator(new KeyPersonInputValidator(codes));
        RuleForEach(d => d.Locations).ChildRules(location =>
        {
            location.RuleFor(l => l.Kind).Must(k => Enums.TryParse<LocationKind>(k, out _)).WithMessage($"Kind must be {Enums.Names<LocationKind>()}.");
            location.RuleFor(l => l.Country).MustAsync(codes.IsCountryAsync).WithMessage(l => $"'{l.Country}' is not a country on record.");
        });
    }
}

public sealed class PartnerInputValidator : AbstractValidator<PartnerInput>
{
    public PartnerInputValidator(ReferenceCodes codes)
    {
        RuleFor(p => p.Company).NotEmpty().WithMessage("Give the partner's company name.").MaximumLength(Partner.CompanyNameMaxLength);
        RuleFor(p => p.Country).NotEmpty().WithMessage("Give the partner's country of establishment.")
            .MustAsync(codes.IsCountryAsync).WithMessage(p => $"'{p.Country}' is not a country on record (ISO 3166-1 alpha-2).");
        RuleFor(p => p.Role).Must(r => Enums.TryParse<PartnerRole>(r, out _)).WithMessage($"Role must be {Enums.Names<PartnerRole>()}.");
        RuleForEach(p => p.Contributions).SetValidator(new ContributionInputValidator(codes));
    }
}

public sealed class ContributionInputValidator : AbstractValidator<ContributionInput>
{
    public ContributionInputValidator(ReferenceCodes codes)
    {
        RuleFor(c => c.Kind).Must(k => k is null || Enums.TryParse<ContributionKind>(k, out _)).WithMessage($"Kind must be {Enums.Names<ContributionKind>()}.");
        RuleFor(c => c.Description).MaximumLength(Contribution.DescriptionMaxLength);
        RuleFor(c => c.Amount).NotNull().WithMessage("Give the amount.").GreaterThan(0m).WithMessage("An amount must be greater than zero.");
        RuleFor(c => c.Currency).MustAsync(codes.IsCurrencyAsync).When(c => c.Currency is not null)
            .WithMessage(c => $"'{c.Currency}' is not a currency on record (ISO 4217).");
        RuleFor(c => c.RateToDealCurrency).GreaterThan(0m).When(c => c.RateToDealCurrency is not null)
            .WithMessage("An exchange rate must be greater than zero.");
        RuleFor(c => c.SpendCountry).MustAsync(codes.IsCountryAsync).When(c => c.SpendCountry is not null)
            .WithMessage(c => $"'{c.SpendCountry}' is not a country on record.");
    }
}

public sealed class KeyPersonInputValidator : AbstractValidator<KeyPersonInput>
{
    public KeyPersonInputValidator(ReferenceCodes codes)
    {
        RuleFor(p => p.Role).Must(r => Enums.TryParse<KeyRole>(r, out _)).WithMessage($"Role must be one of {Enums.Names<KeyRole>()}.");
        RuleFor(p => p.Name).NotEmpty().WithMessage("Give the person's name.").MaximumLength(KeyPerson.NameMaxLength);
        RuleFor(p => p.Nationality).MustAsync(codes.IsCountryAsync).WithMessage(p => $"'{p.Nationality}' is not a country on record.");
        RuleFor(p => p.Residence).MustAsync(codes.IsCountryAsync).When(p => p.Residence is not null)
            .WithMessage(p => $"'{p.Residence}' is not a country on record.");
    }
}
