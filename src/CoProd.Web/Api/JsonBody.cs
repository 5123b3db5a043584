using System.Text.Json;
using System.Text.Json.Serialization;
using CoProd.Application.Common;

namespace CoProd.Web.Api;

/// <summary>
/// Reads a JSON request body strictly: a value of the wrong type ("amount": "lots") or an unknown field
/// ("ammount") becomes a 400 naming the field, instead of a default value or a generic error. A body that is not
/// declared as JSON is refused.
/// </summary>
internal static class JsonBody
{
    private static readonly JsonSerializerOptions Strict = CreateStrict();

    public static async Task<T> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (request.ContentLength == 0)
        {
            throw new RequestValidationException(string.Empty, "The request has no body: send the JSON document.");
        }

        // Only JSON: a cross-site HTML form can post text/plain that looks like JSON, but it cannot set this type.
        if (!request.HasJsonContentType())
        {
            throw new RequestValidationException(string.Empty, "Send the body as JSON, with the header Content-Type: application/json.");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            throw new RequestValidationException(string.Empty,
                $"The body is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}).");
        }

        using (document)
        {
            try
            {
                return document.Deserialize<T>(Strict)
                    ?? throw new RequestValidationException(string.Empty, "The request body is empty (null).");
            }
            catch (JsonException ex)
            {
                var message = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                    ? "Unknown field: check its spelling against the API documentation."
                    : "This value has the wrong type or format (numbers as numbers, dates as \"YYYY-MM-DD\", yes/no as true or false).";
                throw new RequestValidationException(FieldPath(ex.Path), message);
            }
        }
    }

    /// <summary>"$.deal.partners[0].amount" → "deal.partners[0].amount".</summary>
    private static string FieldPath(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? string.Empty : jsonPath.TrimStart('$').TrimStart('.');

    private static JsonSerializerOptions CreateStrict()
    {
        var options = new JsonSerializerOptions(Json.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
