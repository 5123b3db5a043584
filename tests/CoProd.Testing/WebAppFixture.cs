using Xunit;

namespace CoProd.Testing;

/// <summary>The app on a migrated database of its own, shared by the tests of one class.</summary>
public class WebAppFixture : IAsyncLifetime
{
    private readonly DatabaseFixture _database = new();

    public CoProdAppFactory Factory { get; private set; } = null!;

    public string ConnectionString => _database.ConnectionString;

    public virtual async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        Factory = new CoProdAppFactory(_database.ConnectionString);
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _database.DisposeAsync();
    }
}
