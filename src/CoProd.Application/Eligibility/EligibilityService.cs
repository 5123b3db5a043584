using CoProd.Application.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.Eligibility;
using CoProd.Domain.Treaties;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.Eligibility;

/// <summary>Runs the eligibility engine and the treaty finder on a deal, with treaties as they stand in the database now.</summary>
public sealed class EligibilityService
{
    private readonly IApplicationDbContext _db;
    private readonly ReferenceCodes _codes;
    private readonly TimeProvider _time;

    public EligibilityService(IApplicationDbContext db, ReferenceCodes codes, TimeProvider time)
    {
        _db = db;
        _codes = codes;
        _time = time;
    }

    public DateOnly Today => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    /// <summary>Evaluates a deal given in full against a named treaty, or runs the finder when none is named.</summary>
    public async Task<EligibilityResponse> EvaluateAsync(EvaluateDealRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await new EvaluateDealRequestValidator(_codes).ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            throw RequestValidationException.From(validation);
        }

        var date = request.Date ?? Today;
        var deal = EligibilityMapper.ToDomain(request.Deal!, date);
        var financing = EligibilityMapper.Financing(deal.Financing());

        if (!string.IsNullOrWhiteSpace(request.Treaty))
        {
            var code = request.Treaty.Trim().ToLowerInvariant();
            var treaty = await LoadTreaties().FirstOrDefaultAsync(t => t.Code == code, cancellationToken)
                ?? throw new RequestValidationException("treaty", $"There is no treaty with the code '{request.Treaty}'. GET /api/treaties lists them.");
            var report = Evaluate(deal, treaty, date);
            return new EligibilityResponse(date, financing, EligibilityMapper.Evaluation(report, treaty), null);
        }

        var candidates = await FindAsync(deal, date, cancellationToken);
        return new EligibilityResponse(date, financing, null, [.. candidates.Select(EligibilityMapper.Candidate)]);
    }

    /// <summary>Evaluates a deal against a treaty with the rules in effect on the date.</summary>
    public static EligibilityReport Evaluate(Deal deal, Treaty treaty, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        var version = treaty.RulesOn(date)
            ?? throw new RequestValidationException("date", $"No published rules of {treaty.Name} are in effect on {date:yyyy-MM-dd}.");
        return EligibilityEngine.Evaluate(deal, treaty, version, date);
    }

    /// <summary>Every treaty that could apply to the deal on the date, evaluated and ranked.</summary>
    public async Task<IReadOnlyList<TreatyCandidate>> FindAsync(Deal deal, DateOnly date, CancellationToken cancellationToken) =>
        TreatyFinder.Find(deal, await LoadTreaties().ToListAsync(cancellationToken), date);

    private IQueryable<Treaty> LoadTreaties() =>
        _db.Treaties.AsNoTracking().Include(t => t.RuleVersions);
}
