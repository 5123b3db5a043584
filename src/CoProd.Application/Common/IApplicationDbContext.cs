using CoProd.Domain.ReferenceData;
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

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
