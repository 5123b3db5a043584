using System.Text.Json;
using CoProd.Application.Common;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;
using CoProd.Domain.Treaties;
using CoProd.Infrastructure.Persistence.Seed;
using CoProd.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CoProd.Infrastructure.Tests.Treaties;

public sealed class TreatyPersistenceTests : IClassFixture<DatabaseFixture>
{
    private static readonly RuleSource Source = new("Art. 6", "https://example.org/treaty", "note", Confidence.Secondary);
    private readonly DatabaseFixture _database;

    public TreatyPersistenceTests(DatabaseFixture database) => _database = database;

    [Fact]
    public async Task A_fresh_database_holds_every_shipped_treaty_with_its_rules()
    {
        await using var db = _database.CreateDbContext();

        var codes = await db.Treaties.Select(t => t.Code).ToListAsync();

        Assert.Equal(TreatySeeder.SeedFile().Treaties!.Select(t => t.Code!).Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
        var ets = await db.Treaties.Include(t => t.RuleVersions).SingleAsync(t => t.Code == "coe-ets-147");
        var rules = ets.RuleVersions.Single().Rules;
        Assert.Equal(new Percentage(10), rules.MultilateralShares!.Minimum);
        Assert.Equal(new Percentage(30), rules.NonPartyCoProducers!.MaximumCombinedShare);
        Assert.Equal(19, rules.PointsTables.Single().Elements.Sum(e => e.Points));
        Assert.Contains(ets.Parties, p => p.Country == CountryCode.From("FR"));
    }

    [Fact]
    public async Task Seeding_again_adds_nothing_and_keeps_what_admins_changed()
    {
        await using (var db = _database.CreateDbContext())
        {
            var treaty = await db.Treaties.SingleAsync(t => t.Code == "ca-gb");
            treaty.Rename("Canada – UK agreement (renamed by an admin)");
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateDbContext())
        {
            var added = await new TreatySeeder(db, TimeProvider.System, NullLogger<TreatySeeder>.Instance).SeedAsync(CancellationToken.None);
            Assert.Equal(0, added);
        }

        await using (var db = _database.CreateDbContext())
        {
            Assert.Equal("Canada – UK agreement (renamed by an admin)", (await db.Treaties.SingleAsync(t => t.Code == "ca-gb")).Name);
        }
    }

    [Fact]
    public async Task A_treaty_and_its_rules_round_trip_exactly()
    {
        var rules = new RuleSet
        {
            Applicability = new ApplicabilityRule(Source) { Formats = [ProductionFormat.Documentary], MultilateralMinimumPartyCountries = 3 },
            BilateralShares = new ShareBandRule(new Percentage(12.5m), new Percentage(87.5m), Source) { Basis = ShareBasis.PerCountry },
            PointsTables = [new PointsTable(PointsCategory.Documentary, 3, 4, Source)
            {
                Elements = [new PointsElement("director", "Director", 3, PointsGroup.Creative) { Role = KeyRole.Director }, new PointsElement("post", "Post", 1, PointsGroup.Technical) { Location = LocationKind.PostProduction }],
                DiscretionBelowThreshold = true,
            }],
            Nationality = new NationalityRule(Source) { AlsoEligible = [CountryCode.From("IE")], ResidentsCount = true },
            Notes = "Entered as data",
        };
        var treaty = new Treaty(Guid.NewGuid(), "xx-round-trip", "Round trip treaty", TreatyKind.Bilateral, [new TreatyParty(CountryCode.From("FR")), new TreatyParty(CountryCode.From("NZ"), new DateOnly(2001, 2, 3))]);
        treaty.SetDates(new DateOnly(2000, 1, 1), new DateOnly(2001, 1, 1), null, "dates from the text");
        treaty.SetSources([Source]);
        var version = treaty.AddDraftVersion(Guid.NewGuid(), new DateOnly(2001, 1, 1), rules, "first", DateTimeOffset.UtcNow, "admin@example.org");
        treaty.PublishVersion(version.Id, DateTimeOffset.UtcNow, "admin@example.org");
        await using (var db = _database.CreateDbContext())
        {
            db.Treaties.Add(treaty);
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateDbContext())
        {
            var loaded = await db.Treaties.Include(t => t.RuleVersions).SingleAsync(t => t.Code == "xx-round-trip");
            Assert.Equal(JsonSerializer.Serialize(rules, Json.Options), JsonSerializer.Serialize(loaded.RuleVersions.Single().Rules, Json.Options));
            Assert.Equal(new DateOnly(2001, 2, 3), loaded.Parties.Single(p => p.Country == CountryCode.From("NZ")).From);
            Assert.Equal([Source], loaded.Sources);
            Assert.True(loaded.RuleVersions.Single().IsPublished);
        }
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_a_published_rule_version()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();

        var update = new NpgsqlCommand("UPDATE treaty_rule_versions SET change_note = 'rewritten' WHERE published_at IS NOT NULL", connection);
        var delete = new NpgsqlCommand("DELETE FROM treaty_rule_versions WHERE published_at IS NOT NULL", connection);

        var updateError = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        var deleteError = await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
        Assert.Contains("is published and cannot be changed", updateError.MessageText, StringComparison.Ordinal);
        Assert.Contains("is published and cannot be changed", deleteError.MessageText, StringComparison.Ordinal);
        await update.DisposeAsync();
        await delete.DisposeAsync();
    }

    [Fact]
    public async Task Concurrent_edits_of_a_treaty_do_not_silently_overwrite_each_other()
    {
        await using var first = _database.CreateDbContext();
        await using var second = _database.CreateDbContext();
        var a = await first.Treaties.SingleAsync(t => t.Code == "au-it");
        var b = await second.Treaties.SingleAsync(t => t.Code == "au-it");

        a.Rename("First admin's name");
        await first.SaveChangesAsync();
        b.Rename("Second admin's name");

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }
}
