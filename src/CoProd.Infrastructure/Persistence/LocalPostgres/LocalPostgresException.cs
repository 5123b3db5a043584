namespace CoProd.Infrastructure.Persistence.LocalPostgres;

/// <summary>
/// A local PostgreSQL cluster could not be found, created or started. The message is meant for the person
/// running the app or the tests and says what to do.
/// </summary>
public sealed class LocalPostgresException : Exception
{
    public LocalPostgresException(string message)
        : base(message)
    {
    }

    public LocalPostgresException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LocalPostgresException()
    {
    }
}
