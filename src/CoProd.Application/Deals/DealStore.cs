using CoProd.Application.Audit;
using CoProd.Application.Common;
using CoProd.Application.Users;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.Deals;

/// <summary>
/// How every deal service reads and changes a deal: only through a membership (a non-member gets "not found",
/// never the deal), with the member's permission checked, with optimistic concurrency on the version the user
/// loaded, and with every change described field by field in the audit trail in the same transaction.
/// </summary>
public sealed class DealStore
{
    private readonly IApplicationDbContext _db;
    private readonly ICurrentUser _user;
    private readonly AuditTrail _audit;
    private readonly TimeProvider _time;

    public DealStore(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider time)
    {
        _db = db;
        _user = user;
        _audit = audit;
        _time = time;
    }

    public Guid UserId => _user.RequiredId();

    public bool IsLawyer => _user.IsInRole(Roles.Lawyer);

    public DateTimeOffset Now => _time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    /// <summary>The deal with everything in it, if the current user is a member; otherwise "not found".</summary>
    public async Task<Deal> LoadAsync(Guid dealId, bool tracking, CancellationToken cancellationToken)
    {
        var userId = UserId;
        var query = _db.Deals
            .Include(d => d.Members).Include(d => d.Partners).Include(d => d.Contributions).Include(d => d.KeyPeople)
            .Where(d => d.Id == dealId && d.Members.Any(m => m.UserId == userId));
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("There is no such deal, or it is not shared with you.");
    }

    /// <summary>
    /// Applies a change as the current user: checks the permission, applies it, records every field that changed
    /// in the audit trail and saves, refusing if the deal changed since <paramref name="expectedVersion"/>.
    /// </summary>
    public Task<uint> ChangeAsync(Guid dealId, uint? expectedVersion, DealAction permission, string action, Action<Deal> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return ChangeDescribedAsync(dealId, expectedVersion, permission, action, deal =>
        {
            change(deal);
            return [];
        }, cancellationToken);
    }

    /// <summary>
    /// As <see cref="ChangeAsync"/>, for changes to what the deal document does not hold (members, workflow
    /// versions): <paramref name="change"/> returns those changes in words, and they are audited with the rest.
    /// </summary>
    public async Task<uint> ChangeDescribedAsync(Guid dealId, uint? expectedVersion, DealAction permission, string action, Func<Deal, IReadOnlyList<FieldChange>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var deal = await LoadAsync(dealId, tracking: true, cancellationToken);
        deal.Demand(UserId, IsLawyer, permission);
        if (expectedVersion is { } version && version != deal.Version)
        {
            throw Conflict();
        }

        if (expectedVersion is { } expected)
        {
            _db.SetOriginalVersion(deal, expected);
        }

        var names = await CatalogueNamesAsync(cancellationToken);
        var before = DealDocument.From(deal);
        var described = change(deal);
        deal.Touch(Now);
        var changes = DealFacts.Compare(before, DealDocument.From(deal), names).Concat(described).ToList();
        _audit.Record("deal", deal.Id.ToString(), deal.Id, action, changes);
        if (changes.Count == 0)
        {
            _audit.Record("deal", deal.Id.ToString(), deal.Id, action, "Deal", null, "no field changed");
        }

        await SaveAsync(cancellationToken);
        return deal.Version;
    }

    /// <summary>The current user's role on the deal, or "not found" when they are not a member (a cheap check for reads).</summary>
    public async Task<MemberRole> RoleAsync(Guid dealId, CancellationToken cancellationToken)
    {
        var userId = UserId;
        var role = await _db.DealMembers.AsNoTracking()
            .Where(m => m.DealId == dealId && m.UserId == userId)
            .Select(m => (MemberRole?)m.Role)
            .FirstOrDefaultAsync(cancellationToken);
        return role ?? throw new NotFoundException("There is no such deal, or it is not shared with you.");
    }

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw Conflict(ex);
        }
        catch (DbUpdateException ex) when (ex.InnerException is System.Data.Common.DbException { SqlState: "23505" })
        {
            // A unique key taken meanwhile (two people moving the same deal at once): the same story as a conflict.
            throw Conflict(ex);
        }
    }

    public async Task<CatalogueNames> CatalogueNamesAsync(CancellationToken cancellationToken) =>
        new(
            await _db.DecisionDomains.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken),
            await _db.Media.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name, cancellationToken),
            await _db.TerritoryGroups.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, cancellationToken))
        {
            Countries = (await _db.Countries.AsNoTracking().Select(c => new { c.Code, c.Name }).ToListAsync(cancellationToken))
                .ToDictionary(c => c.Code.Value, c => c.Name, StringComparer.Ordinal),
        };

    /// <summary>Validates with the same validator a form shows the messages of; throws with every field's message.</summary>
    public static async Task ValidateAsync<T>(IValidator<T> validator, T input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var result = await validator.ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
        {
            throw RequestValidationException.From(result);
        }
    }

    private static ConflictException Conflict(Exception? inner = null) =>
        new("Someone else saved a change to this deal after you opened it. Your input is kept below: compare it with the current deal and save again.", inner ?? new DomainException("version mismatch"));
}
