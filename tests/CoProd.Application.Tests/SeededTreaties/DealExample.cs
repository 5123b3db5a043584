using System.Globalization;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;

namespace CoProd.Application.Tests.SeededTreaties;

/// <summary>A co-producer established in <paramref name="Country"/> bringing <paramref name="Percent"/> of the financing.</summary>
internal sealed record Stake(string Country, decimal Percent, PartnerRole Role = PartnerRole.Minority)
{
    public override string ToString() => $"{Country} {Percent.ToString("0.00", CultureInfo.InvariantCulture)} %";
}

/// <summary>A key person: what a points table or a nationality rule looks at.</summary>
internal sealed record CrewMember(KeyRole Role, string Nationality);

/// <summary>
/// A deal described by what matters to a treaty: who brings which share, the kind of work, the date, and (where a
/// rule looks at them) the key people and places of work. Each stake is a cash contribution of its share of a
/// 10,000,000 EUR budget, spent in the co-producer's country (20.00 % is 2,000,000 EUR), so a share lands exactly on
/// a treaty's limit and the financing covers the budget.
/// </summary>
internal sealed record DealExample(string Description, IReadOnlyList<Stake> Stakes)
{
    private const decimal Budget = 10_000_000m;

    public ProductionFormat Format { get; init; } = ProductionFormat.FictionFeature;

    public DateOnly On { get; init; } = Seed.Today;

    public IReadOnlyList<CrewMember> Crew { get; init; } = [];

    public IReadOnlyList<ProductionLocation> Locations { get; init; } = [];

    /// <summary>For a deal that must fail no rule: exactly the rules expected to give a warning.</summary>
    public IReadOnlyList<string> ExpectedWarnings { get; init; } = [];

    /// <summary>For a deal that must fail: the rule that fails first.</summary>
    public string? ExpectedFirstFailure { get; init; }

    public DealExample Warns(params string[] ruleIds) => this with { ExpectedWarnings = ruleIds };

    public DealExample Dated(int year, int month, int day) => this with { On = new DateOnly(year, month, day) };

    public DealExample As(ProductionFormat format) => this with { Format = format };

    public Deal Build()
    {
        var total = Stakes.Sum(s => s.Percent);
        if (total != 100m)
        {
            throw new InvalidOperationException($"The stakes of \"{Description}\" add up to {total} %, not 100 %.");
        }

        var currency = CurrencyCode.From("EUR");
        var deal = new Deal(Guid.NewGuid(), Description, Format, currency, Budget);
        for (var i = 0; i < Stakes.Count; i++)
        {
            var stake = Stakes[i];
            var country = CountryCode.From(stake.Country);
            var partner = deal.AddPartner(Guid.NewGuid(), $"Producer {i + 1} ({stake.Country})", country, stake.Role);
            deal.AddContribution(Guid.NewGuid(), partner.Id, ContributionKind.Cash, "Cash",
                new Money(stake.Percent * Budget / 100m, currency), 1m, On, country);
        }

        foreach (var person in Crew)
        {
            deal.AddKeyPerson(Guid.NewGuid(), person.Role, $"{person.Role} ({person.Nationality})", CountryCode.From(person.Nationality));
        }

        deal.SetLocations(Locations);
        return deal;
    }

    public override string ToString() =>
        $"{Description} [{Format}, {On:yyyy-MM-dd}: {string.Join(", ", Stakes)}]";
}
