namespace CoProd.Domain.Common;

/// <summary>A rule of the domain was broken; the message is written for the user who tried.</summary>
public class DomainException : Exception
{
    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException()
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
