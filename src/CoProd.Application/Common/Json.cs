using System.Text.Json;
using System.Text.Json.Serialization;
using CoProd.Domain.Common;
using CoProd.Domain.ReferenceData;

namespace CoProd.Application.Common;

/// <summary>
/// The one JSON dialect CoProd speaks: camelCase names, enums as camelCase strings, country and currency codes
/// as strings, percentages as plain numbers (20 means 20 %). Used by the API, treaty import/export and the jsonb
/// columns alike, so a rule set reads the same everywhere.
/// </summary>
public static class Json
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new CountryCodeConverter());
        options.Converters.Add(new CurrencyCodeConverter());
        options.Converters.Add(new PercentageConverter());
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = indented };
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class CountryCodeConverter : JsonConverter<CountryCode>
    {
        public override CountryCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            CountryCode.TryFrom(reader.GetString(), out var code) ? code : throw new JsonException($"'{reader.GetString()}' is not a two-letter country code.");

        public override void Write(Utf8JsonWriter writer, CountryCode value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }

    private sealed class CurrencyCodeConverter : JsonConverter<CurrencyCode>
    {
        public override CurrencyCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            CurrencyCode.TryFrom(reader.GetString(), out var code) ? code : throw new JsonException($"'{reader.GetString()}' is not a three-letter currency code.");

        public override void Write(Utf8JsonWriter writer, CurrencyCode value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }

    private sealed class PercentageConverter : JsonConverter<Percentage>
    {
        public override Percentage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetDecimal());

        public override void Write(Utf8JsonWriter writer, Percentage value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
    }
}
