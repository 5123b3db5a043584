namespace CoProd.Infrastructure;

/// <summary>Where the database is. Bound from <c>ConnectionStrings:CoProd</c>.</summary>
public sealed class DatabaseOptions
{
    public const string ConnectionStringName = "CoProd";

    public string ConnectionString { get; set; } = string.Empty;
}
