using CoProd.Domain.Audit;
using CoProd.Domain.Catalogues;
using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;
using CoProd.Domain.Review;
using CoProd.Domain.Treaties;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.Common;

/// <summary>
/// The unit of work the application services use. Implemented by the EF Core context in Infrastructure; the
/// web layer never sees it.
/// </summary>
public interface IApplicationDbContext
{
    DbSet<Country> Countries { get; }

    DbSet<Currency> Currencies { get; }

    DbSet<Treaty> Treaties { get; }

    DbSet<Deal> Deals { get; }

    DbSet<DealMember> DealMembers { get; }

    DbSet<DealVersion> DealVersions { get; }

    DbSet<ReviewComment> ReviewComments { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<DecisionDomain> DecisionDomains { get; }

    DbSet<Medium> Media { get; }

    DbSet<TerritoryGroup> TerritoryGroups { get; }

    DbSet<ExchangeRate> ExchangeRates { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets the version the user loaded as the one the save must still find (optimistic concurrency).</summary>
    void SetOriginalVersion(Deal deal, uint version);

    /// <summary>
    /// Optimistic concurrency for any aggregate with a <c>Version</c> (xmin): the save must still find
    /// <paramref name="version"/>, and the aggregate's own row is written even when only its child rows changed, so
    /// two admins editing the same treaty's draft cannot silently overwrite each other.
    /// </summary>
    void ExpectVersion(object aggregate, uint version);
}
