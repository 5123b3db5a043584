using CoProd.Application.Common;
using CoProd.Application.Eligibility;
using CoProd.Domain.Catalogues;
using CoProd.Domain.Deals;
using CoProd.Domain.Eligibility;
using CoProd.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.Deals;

public enum DealSort
{
    Updated,
    Title,
    Status,
    Budget,
}

/// <summary>Search, filters, sort and page of the deal list; all applied in SQL.</summary>
public sealed record DealListQuery(string? Search = null, DealStatus? Status = null, string? Country = null, string? Treaty = null, DealSort Sort = DealSort.Updated, bool Descending = true, int Page = 1, int PageSize = 20)
{
    public const int MaxPageSize = 100;
}

public sealed record DealListItem(
    Guid Id, string Title, ProductionFormat Format, DealStatus Status, DealKind Kind, string? TreatyCode, decimal Budget, string Currency,
    DateTimeOffset UpdatedAt, MemberRole MyRole, IReadOnlyList<string> Countries, string? RecordedVerdict);

public sealed record DealListPage(IReadOnlyList<DealListItem> Items, int Total, int Page, int PageSize, IReadOnlyDictionary<DealStatus, int> CountsByStatus)
{
    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}

/// <summary>What the workspace shows about eligibility: the live check, what was recorded, and the finder's suggestions.</summary>
public sealed record EligibilityView(EligibilityReport? Live, string? LiveTreatyName, EligibilityRecord? Recorded, bool RecordedIsStale, IReadOnlyList<TreatyCandidate> Candidates)
{
    public EvaluationDto? LiveDto { get; init; }
}

/// <summary>Everything a deal's pages need, computed once per request.</summary>
public sealed record DealWorkspace(
    DealDocument Deal,
    uint Version,
    MemberRole MyRole,
    IReadOnlySet<DealAction> Allowed,
    DealFinancing Financing,
    EligibilityView Eligibility,
    IReadOnlyList<DecisionDomain> DecisionDomains,
    IReadOnlyList<Medium> Media,
    IReadOnlyList<TerritoryGroup> TerritoryGroups,
    RightsReport Rights,
    IReadOnlyList<ChecklistItem> Checklist,
    DateOnly Today)
{
    /// <summary>For each foreign currency in the contributions: what a fall against the deal currency does to the financing.</summary>
    public IReadOnlyList<CurrencyExposure> CurrencyExposure { get; init; } = [];

    public bool Can(DealAction action) => Allowed.Contains(action);

    public string PartnerName(Guid? id) => Deal.PartnerName(id);
}

/// <summary>Reads deals for the current user: only their own memberships, never anyone else's deals.</summary>
public sealed class DealQueries
{
    private readonly IApplicationDbContext _db;
    private readonly DealStore _store;
    private readonly EligibilityService _eligibility;

    public DealQueries(IApplicationDbContext db, DealStore store, EligibilityService eligibility)
    {
        _db = db;
        _store = store;
        _eligibility = eligibility;
    }

    public async Task<DealListPage> ListAsync(DealListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var userId = _store.UserId;
        var pageSize = Math.Clamp(query.PageSize, 1, DealListQuery.MaxPageSize);
        var mine = _db.Deals.AsNoTracking().Where(d => d.Members.Any(m => m.UserId == userId));

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim().ToLower();
            mine = mine.Where(d => d.Title.ToLower().Contains(search) || d.Partners.Any(p => p.CompanyName.ToLower().Contains(search)));
        }

        if (CountryCode.TryFrom(query.Country, out var country))
        {
            mine = mine.Where(d => d.Partners.Any(p => p.Country == country));
        }

        if (!string.IsNullOrWhiteSpace(query.Treaty))
        {
            var treaty = query.Treaty.Trim().ToLowerInvariant();
            mine = mine.Where(d => d.TreatyCode == treaty);
        }

        var counts = await mine.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        if (query.Status is { } status)
        {
            mine = mine.Where(d => d.Status == status);
        }

        var total = await mine.CountAsync(cancellationToken);
        var ordered = (query.Sort, query.Descending) switch
        {
            (DealSort.Title, false) => mine.OrderBy(d => d.Title.ToLower()).ThenBy(d => d.Id),
            (DealSort.Title, true) => mine.OrderByDescending(d => d.Title.ToLower()).ThenBy(d => d.Id),
            (DealSort.Status, false) => mine.OrderBy(d => d.Status).ThenByDescending(d => d.UpdatedAt),
            (DealSort.Status, true) => mine.OrderByDescending(d => d.Status).ThenByDescending(d => d.UpdatedAt),
            (DealSort.Budget, false) => mine.OrderBy(d => d.Budget).ThenBy(d => d.Id),
            (DealSort.Budget, true) => mine.OrderByDescending(d => d.Budget).ThenBy(d => d.Id),
            (_, false) => mine.OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id),
            _ => mine.OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Id),
        };
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (int)Math.Ceiling(total / (double)pageSize)));
        var rows = await ordered
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(d => new
            {
                d.Id,
                d.Title,
                d.Format,
                d.Status,
                d.Kind,
                d.TreatyCode,
                d.Budget,
                d.Currency,
                d.UpdatedAt,
                d.Eligibility,
                Role = d.Members.Where(m => m.UserId == userId).Select(m => m.Role).First(),
                Countries = d.Partners.Select(p => p.Country).ToList(),
            })
            .ToListAsync(cancellationToken);

        var items = rows.Select(r => new DealListItem(
            r.Id, r.Title, r.Format, r.Status, r.Kind, r.TreatyCode, r.Budget, r.Currency.Value, r.UpdatedAt, r.Role,
            [.. r.Countries.Select(c => c.Value).Distinct().Order(StringComparer.Ordinal)], r.Eligibility?.Verdict)).ToList();
        return new DealListPage(items, total, page, pageSize, counts);
    }

    public async Task<DealWorkspace> GetAsync(Guid dealId, CancellationToken cancellationToken)
    {
        var deal = await _store.LoadAsync(dealId, tracking: false, cancellationToken);
        return await WorkspaceAsync(deal, cancellationToken);
    }

    /// <summary>The workspace for a deal as it would be after <paramref name="change"/>, without saving: for live previews.</summary>
    public async Task<DealWorkspace> PreviewAsync(Guid dealId, Action<Deal> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var deal = await _store.LoadAsync(dealId, tracking: false, cancellationToken);
        change(deal);
        return await WorkspaceAsync(deal, cancellationToken);
    }

    private async Task<DealWorkspace> WorkspaceAsync(Deal deal, CancellationToken cancellationToken)
    {
        var userId = _store.UserId;
        var today = _store.Today;
        var domains = await _db.DecisionDomains.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.SortOrder).ToListAsync(cancellationToken);
        var media = await _db.Media.AsNoTracking().Where(m => m.IsActive).OrderBy(m => m.SortOrder).ToListAsync(cancellationToken);
        // Grants keep naming a group after it is retired, so the analysis knows every group; pickers offer active ones.
        var allGroups = await _db.TerritoryGroups.AsNoTracking().OrderBy(g => g.Name).ToListAsync(cancellationToken);
        var groups = allGroups.Where(g => g.IsActive).ToList();
        var allCountries = await _db.Countries.AsNoTracking().Select(c => new { c.Code, c.Name, c.IsActive }).ToListAsync(cancellationToken);
        var countries = allCountries.Where(c => c.IsActive).Select(c => c.Code).Order().ToList();
        var treatyName = deal.TreatyCode is { } treatyCode
            ? await _db.Treaties.AsNoTracking().Where(t => t.Code == treatyCode).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken)
            : null;

        var rights = RightsAnalysis.Analyse(deal.Rights, allGroups, countries, [.. media.Select(m => m.Code)]);
        var names = new ChecklistNames(domains.ToDictionary(d => d.Code, d => d.Name), allCountries.ToDictionary(c => c.Code.Value, c => c.Name), treatyName);
        var checklist = ContractChecklist.For(deal, [.. domains.Where(d => d.IsCritical).Select(d => d.Code)], rights, names);
        var allowed = Enum.GetValues<DealAction>().Where(a => deal.Can(userId, _store.IsLawyer, a)).ToHashSet();

        return new DealWorkspace(
            DealDocument.From(deal), deal.Version, deal.RoleOf(userId)!.Value, allowed, deal.Financing(),
            await EligibilityAsync(deal, today, cancellationToken),
            domains, media, groups, rights, checklist, today)
        {
            CurrencyExposure = Domain.Deals.CurrencyExposure.Of(deal),
        };
    }

    private async Task<EligibilityView> EligibilityAsync(Deal deal, DateOnly today, CancellationToken cancellationToken)
    {
        EligibilityReport? live = null;
        string? name = null;
        EvaluationDto? dto = null;
        if (deal.Kind == DealKind.Official && deal.TreatyCode is { } code)
        {
            var treaty = await _db.Treaties.AsNoTracking().Include(t => t.RuleVersions).FirstOrDefaultAsync(t => t.Code == code, cancellationToken);
            if (treaty?.RulesOn(today) is { } rules)
            {
                live = EligibilityEngine.Evaluate(deal, treaty, rules, today);
                name = treaty.Name;
                dto = EligibilityMapper.Evaluation(live, treaty);
            }
        }

        var candidates = deal.Kind == DealKind.Official ? [] : await _eligibility.FindAsync(deal, today, cancellationToken);
        var stale = deal.Eligibility is { } recorded && live is not null && recorded.RuleVersionId != live.RuleVersionId;
        return new EligibilityView(live, name, deal.Eligibility, stale, candidates) { LiveDto = dto };
    }
}
