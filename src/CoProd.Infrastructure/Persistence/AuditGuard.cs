using CoProd.Domain.Audit;
using CoProd.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoProd.Infrastructure.Persistence;

/// <summary>
/// Refuses to save a change to business data (deals, treaties, reference data, catalogues …) that does not add an
/// audit entry in the same save: a code path that forgets the audit trail fails loudly in its first test instead of
/// silently leaving no record. Sign-in bookkeeping (Identity's tables) and the key ring are not business data.
/// </summary>
internal sealed class AuditGuard : SaveChangesInterceptor
{
    private static readonly HashSet<Type> NotAudited =
    [
        typeof(AuditEntry),
        typeof(DataProtectionKey),
        typeof(AppUser),
        typeof(IdentityRole<Guid>),
        typeof(IdentityUserRole<Guid>),
        typeof(IdentityUserClaim<Guid>),
        typeof(IdentityUserLogin<Guid>),
        typeof(IdentityUserToken<Guid>),
        typeof(IdentityRoleClaim<Guid>),
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>The business entity types whose changes must be audited (every mapped type not listed as exempt).</summary>
    public static IEnumerable<Type> AuditedTypes(DbContext context) =>
        context.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => !NotAudited.Contains(t)).Distinct();

    private static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var entries = context.ChangeTracker.Entries().ToList();
        var changed = entries
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !NotAudited.Contains(e.Metadata.ClrType))
            .Select(e => e.Metadata.ClrType.Name)
            .Distinct()
            .ToList();
        if (changed.Count > 0 && !entries.Exists(e => e is { Entity: AuditEntry, State: EntityState.Added }))
        {
            throw new InvalidOperationException(
                $"A change to {string.Join(", ", changed)} was about to be saved without an audit entry. Every change to business data must be recorded in the audit trail (AuditTrail).");
        }
    }
}
