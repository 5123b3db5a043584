using System.Xml.Linq;
using CoProd.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;

namespace CoProd.Infrastructure.Identity;

/// <summary>A Data Protection key ring entry, stored in PostgreSQL so every app instance shares the keys.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string FriendlyName { get; set; } = string.Empty;

    public string Xml { get; set; } = string.Empty;
}

/// <summary>
/// The key ring in the app's own table. (Microsoft.AspNetCore.DataProtection.EntityFrameworkCore does not restore
/// on our build machines; this is the small IXmlRepository it would provide.)
/// </summary>
public sealed class DatabaseXmlRepository : IXmlRepository
{
    private readonly IServiceScopeFactory _scopes;

    public DatabaseXmlRepository(IServiceScopeFactory scopes) => _scopes = scopes;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProdDbContext>();
        return [.. db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProdDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
