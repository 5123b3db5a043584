using CoProd.Application.Treaties;
using CoProd.Domain.Eligibility;
using CoProd.Domain.Treaties;
using CoProd.Infrastructure.Persistence.Seed;

namespace CoProd.Application.Tests.SeededTreaties;

/// <summary>The shipped seed file, read and mapped to domain treaties once for all the tests in this folder.</summary>
internal static class Seed
{
    /// <summary>The day the seeded rules are checked on unless a test says otherwise.</summary>
    public static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly Lazy<TreatyFileDto> LazyFile = new(TreatySeeder.SeedFile);

    private static readonly Lazy<IReadOnlyDictionary<string, Treaty>> LazyTreaties = new(() =>
        File.Treaties!.ToDictionary(t => t.Code!, t => TreatyDocumentMapper.ToDomain(t, DateTimeOffset.UnixEpoch, "test"), StringComparer.Ordinal));

    public static TreatyFileDto File => LazyFile.Value;

    /// <summary>Every seeded treaty, by code.</summary>
    public static IReadOnlyDictionary<string, Treaty> Treaties => LazyTreaties.Value;

    public static IEnumerable<string> Codes => File.Treaties!.Select(t => t.Code!);

    public static Treaty Treaty(string code) =>
        Treaties.TryGetValue(code, out var treaty) ? treaty : throw new InvalidOperationException($"The seed file has no treaty {code}.");

    /// <summary>Evaluates the deal against the seeded treaty's rules in effect on the date.</summary>
    public static EligibilityReport Evaluate(string code, Domain.Deals.Deal deal, DateOnly on)
    {
        var treaty = Treaty(code);
        var version = treaty.RulesOn(on) ?? throw new InvalidOperationException($"{code} has no rules in effect on {on:yyyy-MM-dd}.");
        return EligibilityEngine.Evaluate(deal, treaty, version, on);
    }

    /// <summary>One line per check, for failure messages.</summary>
    public static string Describe(EligibilityReport report) =>
        $"{report.TreatyCode} v{report.RuleVersionNumber} on {report.EvaluatedOn:yyyy-MM-dd}: {report.Verdict}"
        + string.Concat(report.Checks.Select(c => $"{Environment.NewLine}  {c.RuleId}: {c.Outcome} (measured {c.Measured}; required {c.Required})"));
}
