using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace CoProd.Application.Treaties;

/// <summary>One thing wrong in a treaty file: the line it is on (1-based), the field's path and what is wrong.</summary>
public sealed record TreatyFileError(int Line, string Field, string Message)
{
    public override string ToString() => $"line {Line}, {(Field.Length == 0 ? "file" : Field)}: {Message}";
}

/// <summary>
/// Reads a treaty file's JSON text, finding every problem it can with the line it is on: JSON syntax (the reader
/// stops at the first such error), then every unknown field and every value of the wrong type, so that a file can
/// be fixed in one go. Then <see cref="LineOf"/> maps each validation error's path
/// (<c>treaties[0].ruleVersions[1].rules.bilateralShares.minimum</c>) to the line of that value, or of the nearest
/// enclosing one that is in the file (for something missing).
/// </summary>
public sealed class TreatyFileReader
{
    private readonly Dictionary<string, int> _lines;

    private TreatyFileReader(Dictionary<string, int> lines) => _lines = lines;

    /// <summary>Reads <paramref name="json"/>; on success <paramref name="file"/> is set and the errors are empty.</summary>
    public static IReadOnlyList<TreatyFileError> Read(string json, out TreatyFileDto? file, out TreatyFileReader reader)
    {
        file = null;
        var bytes = Encoding.UTF8.GetBytes((json ?? string.Empty).TrimStart('\uFEFF'));
        reader = new TreatyFileReader(new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase));
        if (string.IsNullOrWhiteSpace(json))
        {
            return [new TreatyFileError(1, string.Empty, "The file is empty.")];
        }

        try
        {
            reader = new TreatyFileReader(MapLines(bytes));
        }
        catch (JsonException ex)
        {
            return [new TreatyFileError((int)(ex.LineNumber ?? 0) + 1, string.Empty,
                $"This is not valid JSON (at position {(ex.BytePositionInLine ?? 0) + 1} of the line): check commas, quotes and brackets near it.")];
        }

        using var document = JsonDocument.Parse(bytes);
        var shape = new List<(string Path, string Message)>();
        CheckShape(document.RootElement, typeof(TreatyFileDto), string.Empty, shape);
        if (shape.Count > 0)
        {
            var lines = reader;
            return [.. shape.Select(e => new TreatyFileError(lines.LineOf(e.Path), e.Path, e.Message))];
        }

        try
        {
            file = document.Deserialize<TreatyFileDto>(Common.Json.Options);
        }
        catch (JsonException ex)
        {
            var path = ex.Path?.TrimStart('$').TrimStart('.') ?? string.Empty;
            return [new TreatyFileError(reader.LineOf(path), path, "This value has the wrong type or format.")];
        }

        return file is null ? [new TreatyFileError(1, string.Empty, "The file holds null, not a treaty file.")] : [];
    }

    /// <summary>The lines of any JSON text's values (for the rules editor); throws <see cref="JsonException"/> on bad syntax.</summary>
    public static TreatyFileReader LinesOf(string json) =>
        new(MapLines(Encoding.UTF8.GetBytes((json ?? string.Empty).TrimStart('\uFEFF'))));

    /// <summary>The line of the value at <paramref name="path"/>, or of its nearest enclosing value in the file.</summary>
    public int LineOf(string path)
    {
        var current = path ?? string.Empty;
        while (true)
        {
            if (_lines.TryGetValue(current, out var line))
            {
                return line;
            }

            if (current.Length == 0)
            {
                return 1;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            current = cut <= 0 ? string.Empty : current[..cut];
        }
    }

    /// <summary>Walks the tokens, recording the line where each property's value and each array item starts.</summary>
    private static Dictionary<string, int> MapLines(byte[] bytes)
    {
        var newlines = new List<long>();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }

        int Line(long offset)
        {
            var index = newlines.BinarySearch(offset);
            return (index < 0 ? ~index : index) + 1;
        }

        var lines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { [string.Empty] = 1 };
        var frames = new Stack<(string Path, bool IsArray, int Index)>();
        string? property = null;
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        while (reader.Read())
        {
            var line = Line(reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    lines.TryAdd(Child(frames, property), line);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.Pop();
                    break;
                default:
                    var path = ValuePath(frames, property);
                    lines.TryAdd(path, line);
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        frames.Push((path, reader.TokenType == JsonTokenType.StartArray, -1));
                    }

                    property = null;
                    break;
            }
        }

        return lines;
    }

    private static string Child(Stack<(string Path, bool IsArray, int Index)> frames, string? name) =>
        frames.Count == 0 || frames.Peek().Path.Length == 0 ? name ?? string.Empty : $"{frames.Peek().Path}.{name}";

    /// <summary>The path of the value starting now: an array's next item, or the property just read.</summary>
    private static string ValuePath(Stack<(string Path, bool IsArray, int Index)> frames, string? property)
    {
        if (frames.Count == 0)
        {
            return string.Empty;
        }

        var top = frames.Pop();
        if (top.IsArray)
        {
            top.Index++;
            frames.Push(top);
            return $"{top.Path}[{top.Index.ToString(CultureInfo.InvariantCulture)}]";
        }

        frames.Push(top);
        return Child(frames, property);
    }

    /// <summary>Every unknown field and every value whose JSON type does not fit the format's field.</summary>
    private static void CheckShape(JsonElement element, Type type, string path, List<(string, string)> errors)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            Expect(element.ValueKind == JsonValueKind.String, "a text in quotes");
        }
        else if (type == typeof(DateOnly))
        {
            Expect(element.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), "a date as \"YYYY-MM-DD\"");
        }
        else if (type == typeof(decimal))
        {
            Expect(element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out _), "a number");
        }
        else if (type == typeof(int))
        {
            Expect(element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out _), "a whole number");
        }
        else if (type == typeof(bool))
        {
            Expect(element.ValueKind is JsonValueKind.True or JsonValueKind.False, "true or false");
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            if (Expect(element.ValueKind == JsonValueKind.Array, "a list in [ ]"))
            {
                var itemType = type.GetGenericArguments()[0];
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckShape(item, itemType, $"{path}[{index++}]", errors);
                }
            }
        }
        else if (Expect(element.ValueKind == JsonValueKind.Object, "an object in { }"))
        {
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
            foreach (var field in element.EnumerateObject())
            {
                var fieldPath = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
                var property = Array.Find(properties, p => string.Equals(p.Name, field.Name, StringComparison.OrdinalIgnoreCase));
                if (property is null)
                {
                    errors.Add((fieldPath, $"Unknown field '{field.Name}': check its spelling against the format (README, \"Treaty files\")."));
                }
                else
                {
                    CheckShape(field.Value, property.PropertyType, fieldPath, errors);
                }
            }
        }

        bool Expect(bool ok, string what)
        {
            if (!ok)
            {
                errors.Add((path, $"This must be {what}{(element.ValueKind == JsonValueKind.String ? $", not \"{element.GetString()}\"" : string.Empty)}."));
            }

            return ok;
        }
    }
}
