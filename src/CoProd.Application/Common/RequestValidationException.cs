using FluentValidation.Results;

namespace CoProd.Application.Common;

/// <summary>Input that breaks a rule, with a message per field (camelCase paths, e.g. "deal.partners[0].country").</summary>
public sealed class RequestValidationException : Exception
{
    public RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("The input is not valid: " + string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))))
    {
        Errors = errors;
    }

    public RequestValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public RequestValidationException()
        : this(new Dictionary<string, string[]>())
    {
    }

    public RequestValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]>();
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public static RequestValidationException From(ValidationResult result, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(result);
        return new RequestValidationException(result.Errors
            .GroupBy(e => Join(prefix, e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));
    }

    private static string Join(string prefix, string path) =>
        string.IsNullOrEmpty(prefix) ? path : string.IsNullOrEmpty(path) ? prefix : $"{prefix}.{path}";
}

/// <summary>The thing asked for does not exist (or is not shared with the caller).</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException()
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
