using CoProd.Application.Audit;
using CoProd.Application.Common;
using CoProd.Application.Eligibility;
using CoProd.Application.Users;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.Deals;

/// <summary>
/// Creating a deal and changing its project, partners, contributions, key people, places and overage policy.
/// Every change goes through <see cref="DealStore"/>: membership, permission, concurrency and audit.
/// </summary>
public sealed class DealService
{
    private readonly IApplicationDbContext _db;
    private readonly DealStore _store;
    private readonly ReferenceCodes _codes;
    private readonly ICurrentUser _user;
    private readonly AuditTrail _audit;

    public DealService(IApplicationDbContext db, DealStore store, ReferenceCodes codes, ICurrentUser user, AuditTrail audit)
    {
        _db = db;
        _store = store;
        _codes = codes;
        _user = user;
        _audit = audit;
    }

    /// <summary>Creates a deal owned by the current user (a producer).</summary>
    public async Task<Guid> CreateAsync(ProjectInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!_user.IsInRole(Roles.Producer))
        {
            throw new DealAccessException("Only producers create deals.");
        }

        await DealStore.ValidateAsync(ProjectValidator(), input, cancellationToken);
        var deal = Deal.Create(Guid.NewGuid(), input.Title!, Enums.Parse<ProductionFormat>(input.Format), CurrencyCode.From(input.Currency), input.Budget!.Value, _store.UserId, _store.Now);
        ApplyProject(deal, input, includeFinancials: false);
        _db.Deals.Add(deal);
        _audit.Record("deal", deal.Id.ToString(), deal.Id, "created", [.. DealFacts.Compare(Blank(deal), DealDocument.From(deal), CatalogueNames.Empty).Select(c => c with { Old = null })]);
        await _store.SaveAsync(cancellationToken);
        return deal.Id;
    }

    /// <summary>Title, format, budget and currency, synopsis, languages, type (treaty) and schedule.</summary>
    public async Task<uint> UpdateProjectAsync(Guid dealId, uint version, ProjectInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await DealStore.ValidateAsync(ProjectValidator(), input, cancellationToken);
        var current = await _store.LoadAsync(dealId, tracking: false, cancellationToken);
        var financialChange = current.Budget != input.Budget || !string.Equals(current.Currency.Value, input.Currency?.Trim(), StringComparison.OrdinalIgnoreCase);
        return await _store.ChangeAsync(dealId, version, financialChange ? DealAction.EditFinancials : DealAction.EditStructure, "changed project",
            deal => ApplyProject(deal, input, includeFinancials: true), cancellationToken);
    }

    public async Task<uint> AddPartnerAsync(Guid dealId, uint version, PartnerInputForm input, CancellationToken cancellationToken)
    {
        await DealStore.ValidateAsync(new PartnerInputFormValidator(_codes), input, cancellationToken);
        return await _store.ChangeAsync(dealId, version, DealAction.EditStructure, "added partner",
            deal => deal.AddPartner(Guid.NewGuid(), input.Company!, CountryCode.From(input.Country), Enums.Parse<PartnerRole>(input.Role), input.Contact), cancellationToken);
    }

    public async Task<uint> UpdatePartnerAsync(Guid dealId, uint version, Guid partnerId, PartnerInputForm input, CancellationToken cancellationToken)
    {
        await DealStore.ValidateAsync(new PartnerInputFormValidator(_codes), input, cancellationToken);
        return await _store.ChangeAsync(dealId, version, DealAction.EditStructure, "changed partner",
            deal => deal.UpdatePartner(partnerId, input.Company!, CountryCode.From(input.Country), Enums.Parse<PartnerRole>(input.Role), input.Contact), cancellationToken);
    }

    /// <summary>Removes a partner with its contributions (a financial change, so never by a lawyer).</summary>
    public Task<uint> RemovePartnerAsync(Guid dealId, uint version, Guid partnerId, CancellationToken cancellationToken) =>
        _store.ChangeAsync(dealId, version, DealAction.EditFinancials, "removed partner", deal => deal.RemovePartner(partnerId), cancellationToken);

    public async Task<uint> AddContributionAsync(Guid dealId, uint version, ContributionInputForm input, CancellationToken cancellationToken)
    {
        var deal = await _store.LoadAsync(dealId, tracking: false, cancellationToken);
        await DealStore.ValidateAsync(new ContributionInputFormValidator(_codes, deal.Currency.Value), input, cancellationToken);
        return await _store.ChangeAsync(dealId, version, DealAction.EditFinancials, "added contribution",
            d => AddContribution(d, Guid.NewGuid(), input, _store.Today), cancellationToken);
    }

    public async Task<uint> UpdateContributionAsync(Guid dealId, uint version, Guid contributionId, ContributionInputForm input, CancellationToken cancellationToken)
    {
        var deal = await _store.LoadAsync(dealId, tracking: false, cancellationToken);
        await DealStore.ValidateAsync(new ContributionInputFormValidator(_codes, deal.Currency.Value), input, cancellationToken);
        return await _store.ChangeAsync(dealId, version, DealAction.EditFinancials, "changed contribution", d =>
        {
            var existing = d.Contributions.FirstOrDefault(c => c.Id == contributionId) ?? throw new DomainException("That contribution is not in this deal.");
            if (existing.PartnerId != input.PartnerId)
            {
                d.RemoveContribution(contributionId);
                AddContribution(d, contributionId, input, _store.Today);
            }
            else
            {
                d.UpdateContribution(contributionId, Enums.Parse<ContributionKind>(input.Kind), input.Description!, Money(input, d), input.RateToDealCurrency ?? 1m,
                    input.RateLockedOn ?? _store.Today, CountryCode.From(input.SpendCountry));
            }
        }, cancellationToken);
    }

    public Task<uint> RemoveContributionAsync(Guid dealId, uint version, Guid contributionId, CancellationToken cancellationToken) =>
        _store.ChangeAsync(dealId, version, DealAction.EditFinancials, "removed contribution", deal => deal.RemoveContribution(contributionId), cancellationToken);

    public async Task<uint> SetOveragesAsync(Guid dealId, uint version, OverageInputForm input, CancellationToken cancellationToken)
    {
        await DealStore.ValidateAsync(new OverageInputFormValidator(), input, cancellationToken);
        return await _store.ChangeAsync(dealId, version, DealAction.EditFinancials, "changed overage policy",
            deal => deal.SetOverages(new OveragePolicy(Enums.Parse<OverageMode>(input.Mode), input.Cap, input.ResponsiblePartnerId, string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim())),
            cancellationToken);
    }

    public async Task<uint> AddKeyPersonAsync(Guid dealId, uint version, KeyPersonInputForm input, CancellationToken cancellationToken)
    {
        await DealStore.ValidateAsync(new KeyPersonInputFormValidator(_codes), input, cancellationToken);
        return await _store.ChangeAsync(dealId, version, DealAction.EditStructure, "added key person",
            deal => deal.AddKeyPerson(Guid.NewGuid(), Enums.Parse<KeyRole>(input.Role), input.Name!, CountryCode.From(input.Nationality), Residence(input)), cancellationToken);
    }

    public async Task<uint> UpdateKeyPersonAsync(Guid dealId, uint version, Guid personId, KeyPersonInputForm input, CancellationToken cancellationToken)
    {
        await DealStore.ValidateAsync(new KeyPersonInputFormValidator(_codes), input, cancellationToken);
        return await _store.ChangeAsync(dealId, version, DealAction.EditStructure, "changed key person",
            deal => deal.UpdateKeyPerson(personId, Enums.Parse<KeyRole>(input.Role), input.Name!, CountryCode.From(input.Nationality), Residence(input)), cancellationToken);
    }

    public Task<uint> RemoveKeyPersonAsync(Guid dealId, uint version, Guid personId, CancellationToken cancellationToken) =>
        _store.ChangeAsync(dealId, version, DealAction.EditStructure, "removed key person", deal => deal.RemoveKeyPerson(personId), cancellationToken);

    public async Task<uint> AddLocationAsync(Guid dealId, uint version, LocationInputForm input, CancellationToken cancellationToken)
    {
        await DealStore.ValidateAsync(new LocationInputFormValidator(_codes), input, cancellationToken);
        var location = new ProductionLocation(Enums.Parse<LocationKind>(input.Kind), CountryCode.From(input.Country), input.Place);
        return await _store.ChangeAsync(dealId, version, DealAction.EditStructure, "added place of work",
            deal => deal.SetLocations([.. deal.Locations, location]), cancellationToken);
    }

    /// <summary>Removes the place at <paramref name="index"/> in the deal's list.</summary>
    public Task<uint> RemoveLocationAsync(Guid dealId, uint version, int index, CancellationToken cancellationToken) =>
        _store.ChangeAsync(dealId, version, DealAction.EditStructure, "removed place of work", deal =>
        {
            if (index < 0 || index >= deal.Locations.Count)
            {
                throw new DomainException("That place is not in this deal.");
            }

            deal.SetLocations(deal.Locations.Where((_, i) => i != index));
        }, cancellationToken);

    /// <summary>
    /// Records the check against the deal's treaty with the rules in effect today: the treaty, the rule version and
    /// the verdict stay on the deal until the next recorded check, whatever versions are published later.
    /// </summary>
    public async Task<uint> RecordEligibilityAsync(Guid dealId, uint version, CancellationToken cancellationToken)
    {
        var deal = await _store.LoadAsync(dealId, tracking: false, cancellationToken);
        if (deal.Kind != DealKind.Official || deal.TreatyCode is null)
        {
            throw new DomainException("Choose the treaty the deal is made under (make it official) before recording a check.");
        }

        var treaty = await _db.Treaties.AsNoTracking().Include(t => t.RuleVersions).FirstOrDefaultAsync(t => t.Code == deal.TreatyCode, cancellationToken)
            ?? throw new DomainException($"The treaty '{deal.TreatyCode}' is no longer on record.");
        var report = EligibilityService.Evaluate(deal, treaty, _store.Today);
        var record = new EligibilityRecord(treaty.Code, treaty.Name, report.RuleVersionId, report.RuleVersionNumber, report.EvaluatedOn, Enums.Name(report.Verdict), _store.Now, _user.DisplayName);
        return await _store.ChangeAsync(dealId, version, DealAction.EditStructure, "recorded eligibility check", d => d.RecordEligibility(record), cancellationToken);
    }

    /// <summary>Makes the deal official under a treaty (from the finder's suggestions), or unofficial, or undecided.</summary>
    public async Task<uint> SetKindAsync(Guid dealId, uint version, DealKind kind, string? treatyCode, CancellationToken cancellationToken)
    {
        if (kind == DealKind.Official && (string.IsNullOrWhiteSpace(treatyCode) || !await _db.Treaties.AnyAsync(t => t.Code == treatyCode.Trim().ToLowerInvariant(), cancellationToken)))
        {
            throw new RequestValidationException("treatyCode", $"There is no treaty '{treatyCode}'.");
        }

        return await _store.ChangeAsync(dealId, version, DealAction.EditStructure, "changed type", deal => deal.SetKind(kind, treatyCode), cancellationToken);
    }

    private ProjectInputValidator ProjectValidator() =>
        new(_codes, (code, token) => _db.Treaties.AnyAsync(t => t.Code == code.Trim().ToLowerInvariant(), token));

    private static void ApplyProject(Deal deal, ProjectInput input, bool includeFinancials)
    {
        if (includeFinancials)
        {
            deal.SetProject(input.Title!, Enums.Parse<ProductionFormat>(input.Format), CurrencyCode.From(input.Currency), input.Budget!.Value);
        }

        deal.SetDetails(input.Synopsis, input.LanguageList());
        deal.SetKind(input.Kind is null ? DealKind.Undecided : Enums.Parse<DealKind>(input.Kind), input.TreatyCode);
        deal.SetSchedule(input.Schedule());
    }

    private static void AddContribution(Deal deal, Guid id, ContributionInputForm input, DateOnly today) =>
        deal.AddContribution(id, input.PartnerId!.Value, Enums.Parse<ContributionKind>(input.Kind), input.Description!, Money(input, deal),
            input.RateToDealCurrency ?? 1m, input.RateLockedOn ?? today, CountryCode.From(input.SpendCountry));

    private static Money Money(ContributionInputForm input, Deal deal) =>
        new(input.Amount!.Value, string.IsNullOrWhiteSpace(input.Currency) ? deal.Currency : CurrencyCode.From(input.Currency));

    private static CountryCode? Residence(KeyPersonInputForm input) =>
        string.IsNullOrWhiteSpace(input.Residence) ? null : CountryCode.From(input.Residence);

    /// <summary>An empty deal with the same id, to describe creation as "everything added" (with nothing before).</summary>
    private static DealDocument Blank(Deal deal) =>
        DealDocument.From(new Deal(deal.Id, deal.Title, deal.Format, deal.Currency, deal.Budget)) with { Title = string.Empty, Budget = 0m };
}
