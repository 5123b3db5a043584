using CoProd.Domain.Common;
using CoProd.Domain.ReferenceData;

namespace CoProd.Domain.Deals;

/// <summary>A production company taking part in a deal, by its country of establishment.</summary>
public sealed class Partner
{
    public const int CompanyNameMaxLength = 200;
    public const int ContactMaxLength = 300;

    private Partner()
    {
        CompanyName = null!;
        Country = null!;
    }

    internal Partner(Guid id, string companyName, CountryCode country, PartnerRole role, string? contact)
    {
        Id = id;
        CompanyName = ValidName(companyName);
        Country = country;
        Role = role;
        Contact = ValidContact(contact);
    }

    public Guid Id { get; private set; }

    public string CompanyName { get; private set; }

    /// <summary>Country of establishment: what treaties look at.</summary>
    public CountryCode Country { get; private set; }

    public PartnerRole Role { get; private set; }

    /// <summary>Who to talk to at this company (name, email), free text.</summary>
    public string? Contact { get; private set; }

    public bool IsFinancialOnly => Role == PartnerRole.FinancialOnly;

    internal void Update(string companyName, CountryCode country, PartnerRole role, string? contact)
    {
        CompanyName = ValidName(companyName);
        Country = country;
        Role = role;
        Contact = ValidContact(contact);
    }

    private static string ValidName(string companyName)
    {
        var trimmed = companyName?.Trim() ?? string.Empty;
        return trimmed.Length is > 0 and <= CompanyNameMaxLength
            ? trimmed
            : throw new DomainException($"A partner's company name needs 1 to {CompanyNameMaxLength} characters.");
    }

    private static string? ValidContact(string? contact)
    {
        var trimmed = contact?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= ContactMaxLength
            ? trimmed
            : throw new DomainException($"A partner's contact may have at most {ContactMaxLength} characters.");
    }
}
