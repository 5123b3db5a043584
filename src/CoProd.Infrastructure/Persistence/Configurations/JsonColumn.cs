using System.Text.Json;
using CoProd.Application.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProd.Infrastructure.Persistence.Configurations;

/// <summary>
/// Maps a value to a <c>jsonb</c> column through CoProd's JSON dialect (<see cref="Json.Options"/>), so what the
/// database holds reads exactly like the API and the treaty files. Change tracking compares the JSON text.
/// </summary>
internal static class JsonColumn
{
    public static PropertyBuilder<T> IsJson<T>(this PropertyBuilder<T> property)
        where T : class?
    {
        property.HasColumnType("jsonb").HasConversion(
            value => JsonSerializer.Serialize(value, Json.Options),
            json => JsonSerializer.Deserialize<T>(json, Json.Options)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Json.Options) == JsonSerializer.Serialize(b, Json.Options),
                value => JsonSerializer.Serialize(value, Json.Options).GetHashCode(StringComparison.Ordinal),
                value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Json.Options), Json.Options)!));
        return property;
    }
}
