using System.Text.Json;

namespace CoProd.Application.Common;

/// <summary>Enum values as they appear in JSON and forms: camelCase names ("fictionFeature", "leadActor1").</summary>
public static class Enums
{
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        // Names only: Enum.TryParse alone would also take numbers ("1") and comma lists.
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        value = name is null ? default : Enum.Parse<T>(name);
        return name is not null;
    }

    public static T Parse<T>(string? text)
        where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new ArgumentException($"'{text}' is not one of {Names<T>()}.", nameof(text));

    /// <summary>"a, b or c" for messages.</summary>
    public static string Names<T>()
        where T : struct, Enum
    {
        var names = Enum.GetValues<T>().Select(v => Name(v)).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
    }
}
