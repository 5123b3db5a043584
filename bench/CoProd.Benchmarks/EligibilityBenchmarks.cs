using BenchmarkDotNet.Attributes;
using CoProd.Application.Treaties;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.Eligibility;
using CoProd.Domain.ReferenceData;
using CoProd.Domain.Treaties;
using CoProd.Infrastructure.Persistence.Seed;

namespace CoProd.Benchmarks;

/// <summary>
/// The eligibility engine on deals of 2, 5 and 10 partners against the seeded European Convention (the richest
/// rule set: bands, non-party cap, financial-only, a 12-element points table, proportionality), and the finder
/// over every seeded treaty.
/// </summary>
[MemoryDiagnoser]
public class EligibilityBenchmarks
{
    private static readonly DateOnly Date = new(2026, 11, 23);
    private static readonly string[] Countries = ["FR", "DE", "BE", "IT", "ES", "NL", "AT", "PT", "IE", "SE"];

    private Treaty _convention = null!;
    private RuleVersion _rules = null!;
    private List<Treaty> _all = null!;
    private Deal _deal = null!;

    [Params(2, 5, 10)]
    public int Partners { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _all = [.. TreatySeeder.SeedFile().Treaties!.Select(t => TreatyDocumentMapper.ToDomain(t, DateTimeOffset.UnixEpoch, "bench"))];
        _convention = _all.Single(t => t.Code == "coe-ets-147");
        _rules = _convention.RulesOn(Date)!;
        _deal = BuildDeal(Partners);
    }

    [Benchmark]
    public EligibilityReport Evaluate() => EligibilityEngine.Evaluate(_deal, _convention, _rules, Date);

    [Benchmark]
    public IReadOnlyList<TreatyCandidate> FindTreaties() => TreatyFinder.Find(_deal, _all, Date);

    private static Deal BuildDeal(int partners)
    {
        var deal = new Deal(Guid.NewGuid(), "Benchmark", ProductionFormat.FictionFeature, CurrencyCode.From("EUR"), 10_000_000m);
        for (var i = 0; i < partners; i++)
        {
            var country = CountryCode.From(Countries[i]);
            var partner = deal.AddPartner(Guid.NewGuid(), $"Partner {i}", country, i == 0 ? PartnerRole.MajorityDelegate : PartnerRole.Minority);
            var amount = 10_000_000m / partners;
            deal.AddContribution(Guid.NewGuid(), partner.Id, ContributionKind.Cash, "Cash", new Money(amount * 0.6m, CurrencyCode.From("EUR")), 1m, Date, country);
            deal.AddContribution(Guid.NewGuid(), partner.Id, ContributionKind.InKind, "Services", new Money(amount * 0.4m * 1.1m, CurrencyCode.From("CHF")), 1m / 1.1m, Date, country);
        }

        KeyRole[] roles = [KeyRole.Director, KeyRole.Scriptwriter, KeyRole.Composer, KeyRole.LeadActor1, KeyRole.LeadActor2, KeyRole.LeadActor3, KeyRole.DirectorOfPhotography, KeyRole.SoundRecordist, KeyRole.Editor, KeyRole.ProductionDesigner];
        for (var i = 0; i < roles.Length; i++)
        {
            deal.AddKeyPerson(Guid.NewGuid(), roles[i], $"Person {i}", CountryCode.From(Countries[i % partners]));
        }

        deal.SetLocations([new ProductionLocation(LocationKind.Shooting, CountryCode.From("FR")), new ProductionLocation(LocationKind.PostProduction, CountryCode.From(Countries[1]))]);
        return deal;
    }
}
