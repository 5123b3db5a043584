using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Components.Forms;

namespace CoProd.Web.Components.Shared;

/// <summary>
/// Puts the application's validation errors (FluentValidation, camelCase paths such as "partners[0].country") next
/// to the matching fields of an EditForm. The services validate; forms show what they say, so a rule lives in one
/// validator only. An error whose path matches no field goes to the form's summary.
/// </summary>
public static class FormErrors
{
    public static void Show(EditContext context, ValidationMessageStore store, IReadOnlyDictionary<string, string[]> errors, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(errors);
        store.Clear();
        foreach (var (path, messages) in errors)
        {
            var relative = prefix is not null && path.StartsWith(prefix + ".", StringComparison.Ordinal) ? path[(prefix.Length + 1)..] : path;
            var field = Resolve(context.Model, relative) ?? new FieldIdentifier(context.Model, string.Empty);
            store.Add(field, messages);
        }

        context.NotifyValidationStateChanged();
    }

    /// <summary>Walks "a.b[2].c" through the model's properties (case-insensitive) to the field it names.</summary>
    private static FieldIdentifier? Resolve(object model, string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var current = model;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            var property = current.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return null;
            }

            if (i == segments.Length - 1 && bracket < 0)
            {
                return new FieldIdentifier(current, property.Name);
            }

            var value = property.GetValue(current);
            if (bracket >= 0)
            {
                var index = int.Parse(segment[(bracket + 1)..segment.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
                if (value is not IList list || index >= list.Count)
                {
                    return null;
                }

                if (i == segments.Length - 1)
                {
                    return new FieldIdentifier(current, property.Name);
                }

                value = list[index];
            }

            if (value is null)
            {
                return null;
            }

            current = value;
        }

        return null;
    }
}
