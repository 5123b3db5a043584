using System.Text.Json;
using FluentValidation;

namespace CoProd.Application.Common;

/// <summary>FluentValidation settings CoProd relies on: field paths in camelCase, as in the JSON and the forms.</summary>
public static class ValidationSetup
{
    private static int _configured;

    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }

        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : Humanize(member.Name);
    }

    /// <summary>"RateToDealCurrency" → "Rate to deal currency".</summary>
    private static string Humanize(string name)
    {
        var words = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(words.Length == 0 ? c : char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
