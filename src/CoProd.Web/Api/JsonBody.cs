using System.Text.Json;
using System.Text.Json.Nodes;
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
        where T : class =>
        Deserialize<T>(await ParseAsync(request));

    /// <summary>
    /// A body that carries the deal's <c>version</c> beside the fields of <typeparamref name="T"/>:
    /// <c>{ "version": 7, "company": "…" }</c>. The version is taken out; the rest is read strictly as <typeparamref name="T"/>.
    /// </summary>
    public static async Task<(uint? Version, T Body)> ReadWithVersionAsync<T>(HttpRequest request)
        where T : class
    {
        var node = await ParseAsync(request);
        uint? version = null;
        if (node is JsonObject fields && fields.Remove("version", out var value) && value is not null)
        {
            version = value is JsonValue number && number.TryGetValue<uint>(out var parsed)
                ? parsed
                : throw new RequestValidationException("version", "The version is a whole number, as GET /api/deals/{id} gives it.");
        }

        return (version, Deserialize<T>(node));
    }

    private static async Task<JsonNode?> ParseAsync(HttpRequest request)
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

        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            throw new RequestValidationException(string.Empty,
                $"The body is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}).");
        }
    }

    private static T Deserialize<T>(JsonNode? node)
        where T : class
    {
        try
        {
            return node.Deserialize<T>(Strict)
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
