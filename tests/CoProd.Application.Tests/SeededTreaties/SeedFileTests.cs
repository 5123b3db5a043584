using CoProd.Application.Treaties;
using CoProd.Infrastructure.Persistence.Seed;

namespace CoProd.Application.Tests.SeededTreaties;

/// <summary>The shipped treaty seed file: it reads, maps to the domain, and has rules for today.</summary>
public sealed class SeedFileTests
{
    /// <summary>
    /// Seeded treaties with no published rules in effect on <see cref="Seed.Today"/>, and why. Empty: every seeded
    /// treaty has rules for today. A treaty added here must say why, and must really have no rules today.
    /// </summary>
    private static readonly Dictionary<string, string> WithoutRulesToday = new(StringComparer.Ordinal);

    public static TheoryData<string> SeededCodes => [.. Seed.Codes];

    [Fact]
    public void Shipped_seed_file_deserializes_in_the_current_interchange_format()
    {
        var file = TreatySeeder.SeedFile();

        Assert.Equal(TreatyFileDto.CurrentFormat, file.Format);
        Assert.NotNull(file.Treaties);
        Assert.NotEmpty(file.Treaties);
        Assert.All(file.Treaties, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Code));
            Assert.False(string.IsNullOrWhiteSpace(t.Name));
            Assert.NotNull(t.Kind);
            Assert.NotEmpty(t.Parties!);
            Assert.NotEmpty(t.RuleVersions!);
            Assert.All(t.RuleVersions!, v => Assert.NotNull(v.Rules));
        });
    }

    [Theory]
    [MemberData(nameof(SeededCodes))]
    public void Seeded_treaty_maps_to_the_domain_with_all_its_versions_published(string code)
    {
        var dto = Seed.File.Treaties!.Single(t => t.Code == code);

        var treaty = TreatyDocumentMapper.ToDomain(dto, DateTimeOffset.UnixEpoch, "test");

        Assert.Equal(code, treaty.Code);
        Assert.Equal(dto.Parties!.Count, treaty.Parties.Count);
        Assert.Equal(dto.RuleVersions!.Count, treaty.RuleVersions.Count);
        Assert.All(treaty.RuleVersions, v => Assert.True(v.IsPublished, $"{code} version {v.Number} is a draft."));
    }

    [Fact]
    public void Seeded_treaty_codes_are_unique()
    {
        // The seeder skips a code already in the database, comparing trimmed lower-case codes.
        var duplicates = Seed.Codes
            .GroupBy(c => c.Trim().ToLowerInvariant())
            .Where(g => g.Count() > 1)
            .Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_seeded_treaty_has_rules_in_effect_today_or_says_why_not()
    {
        var missing = Seed.Treaties.Values
            .Where(t => t.RulesOn(Seed.Today) is null && !WithoutRulesToday.ContainsKey(t.Code))
            .Select(t => t.Code);
        var wronglyExcused = WithoutRulesToday.Keys.Where(code => Seed.Treaty(code).RulesOn(Seed.Today) is not null);

        Assert.Empty(missing);
        Assert.Empty(wronglyExcused);
        Assert.All(WithoutRulesToday.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    [Fact]
    public void Every_seeded_treaty_without_an_in_force_date_explains_its_dates()
    {
        var unexplained = Seed.Treaties.Values
            .Where(t => t.InForceFrom is null && string.IsNullOrWhiteSpace(t.DatesNote))
            .Select(t => t.Code);

        Assert.Empty(unexplained);
    }
}
