namespace CoProd.Application.Common;

/// <summary>
/// Someone else saved a change to the same thing after this user loaded it. Nothing was overwritten: the user's
/// input is kept on screen and they decide.
/// </summary>
public sealed class ConflictException : Exception
{
    public ConflictException(string message)
        : base(message)
    {
    }

    public ConflictException()
        : base("Someone else changed this meanwhile.")
    {
    }

    public ConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
