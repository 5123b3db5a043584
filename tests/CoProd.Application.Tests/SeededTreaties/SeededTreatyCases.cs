using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;
using static CoProd.Domain.Deals.KeyRole;

namespace CoProd.Application.Tests.SeededTreaties;

/// <summary>
/// For one seeded treaty: deals that must fail no rule (each with the warnings the engine gives for it) and deals
/// that must fail (each with the rule that fails first). Written out from the numbers in the seed file, never
/// derived from the rules at run time.
/// </summary>
internal sealed record SeededTreatyCase(string Code, string Seeded, IReadOnlyList<DealExample> Passing, IReadOnlyList<DealExample> Failing);

/// <summary>The rule ids the rows expect.</summary>
internal static class Rule
{
    public const string InForce = "treaty.in-force";
    public const string Format = "treaty.format";
    public const string PartiesRepresented = "parties.represented";
    public const string AllParticipants = "parties.all-participants";
    public const string ShareBand = "share.band";
    public const string ShareMinimum = "share.minimum";
    public const string NonPartyCap = "non-party.cap";
    public const string Points = "points.threshold";
    public const string Proportionality = "proportionality";
    public const string Nationality = "nationality";
}

/// <summary>
/// One row per seeded treaty. Minority co-producers are listed first, so that where a treaty also has a maximum
/// the minority's minimum is the first share rule checked. Most seeded treaties have no in-force date on record,
/// which the engine reports as a <see cref="Rule.InForce"/> warning; rules about key people (nationality,
/// proportionality, points) warn when the deal names none.
/// </summary>
internal static class SeededTreatyCases
{
    /// <summary>
    /// Key people for the 1992 Convention's fiction table (19 points): France earns 10 through its people and 2 through
    /// the studio and post-production (<see cref="Ets147Places"/>), Germany 3, so 15 points in all, split 80/20 like the
    /// money. The composer and the first lead are not cast yet: their 4 points count for no one.
    /// </summary>
    public static readonly IReadOnlyList<CrewMember> Ets147Crew =
    [
        new(Director, "FR"), new(Scriptwriter, "FR"), new(LeadActor2, "FR"), new(LeadActor3, "FR"), new(DirectorOfPhotography, "FR"),
        new(SoundRecordist, "DE"), new(Editor, "DE"), new(ProductionDesigner, "DE"),
    ];

    public static readonly IReadOnlyList<ProductionLocation> Ets147Places =
        [new(LocationKind.Shooting, CountryCode.From("FR")), new(LocationKind.PostProduction, CountryCode.From("FR"))];

    private static readonly IReadOnlyList<CrewMember> CaFrCrew = [new(Director, "CA"), new(Scriptwriter, "FR")];

    public static readonly IReadOnlyList<SeededTreatyCase> All =
    [
        new("coe-ets-147", "bilateral 20–80 %, multilateral 10–70 %, non-party co-producers ≤ 30 % beside 3 parties, fiction points 15 of 19 (discretion below)",
            Passing:
            [
                Passes("bilateral France–Germany at the 20 % minimum and the 80 % maximum", S("DE", 20.00m), S("FR", 80.00m))
                    .Warns(Rule.Points, Rule.Proportionality),
                Passes("multilateral France–Germany–Belgium at the 10 % minimum and the 70 % maximum", S("BE", 10.00m), S("DE", 20.00m), S("FR", 70.00m))
                    .Warns(Rule.Points, Rule.Proportionality),
                Passes("a US co-producer at the 30 % cap beside three parties", S("US", 30.00m), S("BE", 10.00m), S("DE", 20.00m), S("FR", 40.00m))
                    .Warns(Rule.Points, Rule.Proportionality),
                Passes("fiction scoring 15 of 19 points, participation in proportion to the money", S("DE", 20.00m), S("FR", 80.00m))
                    with { Crew = Ets147Crew, Locations = Ets147Places },
                Passes("fiction scoring 14 of 19 points: below the threshold, at the authorities' discretion", S("DE", 20.00m), S("FR", 80.00m))
                    with
                    {
                        Crew = [.. Ets147Crew.Where(p => p.Role != LeadActor3)],
                        Locations = Ets147Places,
                        ExpectedWarnings = [Rule.Points],
                    },
            ],
            Failing:
            [
                Fails(Rule.ShareMinimum, "bilateral with Germany just below 20 %", S("DE", 19.99m), S("FR", 80.01m)),
                Fails(Rule.ShareMinimum, "multilateral with Belgium just below 10 %", S("BE", 9.99m), S("DE", 20.01m), S("FR", 70.00m)),
                Fails(Rule.NonPartyCap, "a US co-producer just above the 30 % cap", S("US", 30.01m), S("BE", 10.00m), S("DE", 20.00m), S("FR", 39.99m)),
                Fails(Rule.PartiesRepresented, "a US co-producer beside only two parties", S("US", 20.00m), S("DE", 30.00m), S("FR", 50.00m)),
            ]),

        new("coe-cets-220", "bilateral 10–90 %, multilateral 5–80 %, only when every participating country is a party (France and Germany are not on the seeded list)",
            Passing:
            [
                Passes("bilateral Netherlands–Belgium at the 10 % minimum and the 90 % maximum", S("NL", 10.00m), S("BE", 90.00m))
                    .Warns(Rule.InForce, Rule.Points, Rule.Proportionality),
                Passes("multilateral Luxembourg–Netherlands–Belgium at the 5 % minimum and the 80 % maximum", S("LU", 5.00m), S("NL", 15.00m), S("BE", 80.00m))
                    .Warns(Rule.InForce, Rule.Points, Rule.Proportionality),
            ],
            Failing:
            [
                Fails(Rule.ShareMinimum, "bilateral with the Netherlands just below 10 %", S("NL", 9.99m), S("BE", 90.01m)),
                Fails(Rule.ShareMinimum, "multilateral with Luxembourg just below 5 %", S("LU", 4.99m), S("NL", 15.01m), S("BE", 80.00m)),
                Fails(Rule.AllParticipants, "France takes part beside three parties, but is not on the seeded party list", S("FR", 10.00m), S("LU", 10.00m), S("NL", 20.00m), S("BE", 60.00m)),
                Fails(Rule.AllParticipants, "a US co-producer, even within the 30 % non-party cap", S("US", 10.00m), S("LU", 10.00m), S("NL", 20.00m), S("BE", 60.00m)),
            ]),

        new("ca-gb", "20 % minimum, bilateral and multilateral; nationality rule",
            Passing: [Passes("UK at the 20 % minimum", S("GB", 20.00m), S("CA", 80.00m)).Warns(Rule.InForce, Rule.Nationality)],
            Failing: [Fails(Rule.ShareMinimum, "UK just below 20 %", S("GB", 19.99m), S("CA", 80.01m))]),

        new("ca-cn", "15 % bilateral, 10 % multilateral; features, animation and documentaries only; nationality and spend rules",
            Passing: [Passes("China at the 15 % minimum, a feature", S("CN", 15.00m), S("CA", 85.00m)).Warns(Rule.InForce, Rule.Nationality)],
            Failing:
            [
                Fails(Rule.Format, "a series, which the treaty does not cover", S("CN", 15.00m), S("CA", 85.00m)).As(ProductionFormat.Series),
                Fails(Rule.ShareMinimum, "China just below 15 %", S("CN", 14.99m), S("CA", 85.01m)),
            ]),

        new("ca-in", "20 % bilateral, 10 % multilateral (rules from 24 Feb 2014)",
            Passing: [Passes("India at the 20 % minimum", S("IN", 20.00m), S("CA", 80.00m)).Warns(Rule.InForce)],
            Failing: [Fails(Rule.ShareMinimum, "India just below 20 %", S("IN", 19.99m), S("CA", 80.01m))]),

        new("ca-kr", "30–70 % bilateral, 20 % multilateral; proportionality",
            Passing: [Passes("Korea at the 30 % minimum, Canada at the 70 % maximum", S("KR", 30.00m), S("CA", 70.00m)).Warns(Rule.InForce, Rule.Proportionality)],
            Failing: [Fails(Rule.ShareMinimum, "Korea just below 30 % (Canada just above 70 %)", S("KR", 29.99m), S("CA", 70.01m))]),

        new("ca-au", "30 % bilateral, multilateral band not on record; proportionality and nationality",
            Passing: [Passes("Australia at the 30 % minimum", S("AU", 30.00m), S("CA", 70.00m)).Warns(Rule.InForce, Rule.Proportionality, Rule.Nationality)],
            Failing: [Fails(Rule.ShareMinimum, "Australia just below 30 %", S("AU", 29.99m), S("CA", 70.01m))]),

        new("ca-de", "20 % minimum, bilateral and multilateral; nationality (EU/EEA nationals too)",
            Passing: [Passes("Germany at the 20 % minimum", S("DE", 20.00m), S("CA", 80.00m)).Warns(Rule.InForce, Rule.Nationality)],
            Failing: [Fails(Rule.ShareMinimum, "Germany just below 20 %", S("DE", 19.99m), S("CA", 80.01m))]),

        new("ca-nz", "15 % bilateral, 10 % multilateral; in force since 1 May 2017; nationality and spend rules",
            Passing:
            [
                Passes("New Zealand at the 15 % minimum, key people from both countries", S("NZ", 15.00m), S("CA", 85.00m))
                    with { Crew = [new(Director, "CA"), new(Scriptwriter, "NZ")] },
            ],
            Failing: [Fails(Rule.ShareMinimum, "New Zealand just below 15 %", S("NZ", 14.99m), S("CA", 85.01m))]),

        new("ca-ie", "15 % bilateral, 10 % multilateral; spend rule",
            Passing: [Passes("Ireland at the 15 % minimum", S("IE", 15.00m), S("CA", 85.00m)).Warns(Rule.InForce)],
            Failing: [Fails(Rule.ShareMinimum, "Ireland just below 15 %", S("IE", 14.99m), S("CA", 85.01m))]),

        new("ca-za", "version 1 (from 5 Nov 1997): 20 %; version 2 (from 1 Jan 2026): 15 % bilateral, 10 % multilateral",
            Passing:
            [
                Passes("South Africa at the 15 % minimum of the new treaty", S("ZA", 15.00m), S("CA", 85.00m)).Warns(Rule.InForce),
                Passes("South Africa at 17 % in June 2026, under the new treaty's 15 %", S("ZA", 17.00m), S("CA", 83.00m)).Dated(2026, 6, 1).Warns(Rule.InForce),
                Passes("South Africa at the 20 % minimum in June 2025, under the 1997 agreement", S("ZA", 20.00m), S("CA", 80.00m)).Dated(2025, 6, 1).Warns(Rule.InForce),
            ],
            Failing:
            [
                Fails(Rule.ShareMinimum, "South Africa just below 15 %", S("ZA", 14.99m), S("CA", 85.01m)),
                Fails(Rule.ShareMinimum, "South Africa at 17 % in June 2025, under the 1997 agreement's 20 %", S("ZA", 17.00m), S("CA", 83.00m)).Dated(2025, 6, 1),
            ]),

        new("ca-fr", "features 15 %, series 20 % (bands by format), multilateral 10 %; in force since 1 May 2022; nationality",
            Passing:
            [
                Passes("a feature with France at the 15 % minimum", S("FR", 15.00m), S("CA", 85.00m)) with { Crew = CaFrCrew },
                Passes("a series with France at the 20 % series minimum", S("FR", 20.00m), S("CA", 80.00m)).As(ProductionFormat.Series) with { Crew = CaFrCrew },
            ],
            Failing:
            [
                Fails(Rule.ShareMinimum, "a feature with France just below 15 %", S("FR", 14.99m), S("CA", 85.01m)),
                Fails(Rule.ShareMinimum, "a series with France at 15 %, enough for a feature but not a series", S("FR", 15.00m), S("CA", 85.00m)).As(ProductionFormat.Series),
                Fails(Rule.ShareMinimum, "a series with France just below 20 %", S("FR", 19.99m), S("CA", 80.01m)).As(ProductionFormat.Series),
            ]),

        new("au-it", "30 % minimum",
            Passing: [Passes("Italy at the 30 % minimum", S("IT", 30.00m), S("AU", 70.00m)).Warns(Rule.InForce)],
            Failing: [Fails(Rule.ShareMinimum, "Italy just below 30 %", S("IT", 29.99m), S("AU", 70.01m))]),

        new("au-cn", "20 % minimum",
            Passing: [Passes("China at the 20 % minimum", S("CN", 20.00m), S("AU", 80.00m)).Warns(Rule.InForce)],
            Failing: [Fails(Rule.ShareMinimum, "China just below 20 %", S("CN", 19.99m), S("AU", 80.01m))]),

        new("au-in", "20 % minimum (rules from 10 Mar 2023)",
            Passing: [Passes("India at the 20 % minimum", S("IN", 20.00m), S("AU", 80.00m)).Warns(Rule.InForce)],
            Failing: [Fails(Rule.ShareMinimum, "India just below 20 %", S("IN", 19.99m), S("AU", 80.01m))]),

        new("au-ie", "20 % minimum",
            Passing: [Passes("Ireland at the 20 % minimum", S("IE", 20.00m), S("AU", 80.00m)).Warns(Rule.InForce)],
            Failing: [Fails(Rule.ShareMinimum, "Ireland just below 20 %", S("IE", 19.99m), S("AU", 80.01m))]),

        new("au-il", "20 % minimum",
            Passing: [Passes("Israel at the 20 % minimum", S("IL", 20.00m), S("AU", 80.00m)).Warns(Rule.InForce)],
            Failing: [Fails(Rule.ShareMinimum, "Israel just below 20 %", S("IL", 19.99m), S("AU", 80.01m))]),

        new("au-kr", "20 % minimum",
            Passing: [Passes("Korea at the 20 % minimum", S("KR", 20.00m), S("AU", 80.00m)).Warns(Rule.InForce)],
            Failing: [Fails(Rule.ShareMinimum, "Korea just below 20 %", S("KR", 19.99m), S("AU", 80.01m))]),

        new("au-my", "20 % minimum",
            Passing: [Passes("Malaysia at the 20 % minimum", S("MY", 20.00m), S("AU", 80.00m)).Warns(Rule.InForce)],
            Failing: [Fails(Rule.ShareMinimum, "Malaysia just below 20 %", S("MY", 19.99m), S("AU", 80.01m))]),

        new("au-sg", "20 % minimum",
            Passing: [Passes("Singapore at the 20 % minimum", S("SG", 20.00m), S("AU", 80.00m)).Warns(Rule.InForce)],
            Failing: [Fails(Rule.ShareMinimum, "Singapore just below 20 %", S("SG", 19.99m), S("AU", 80.01m))]),

        new("au-za", "20 % minimum",
            Passing: [Passes("South Africa at the 20 % minimum", S("ZA", 20.00m), S("AU", 80.00m)).Warns(Rule.InForce)],
            Failing: [Fails(Rule.ShareMinimum, "South Africa just below 20 %", S("ZA", 19.99m), S("AU", 80.01m))]),

        new("au-de", "30 % bilateral, 20 % multilateral",
            Passing:
            [
                Passes("Germany at the 30 % bilateral minimum", S("DE", 30.00m), S("AU", 70.00m)).Warns(Rule.InForce),
                Passes("a third co-producer (Canada, not a party) at the 20 % multilateral minimum", S("CA", 20.00m), S("DE", 20.00m), S("AU", 60.00m))
                    .Warns(Rule.InForce, "non-party.allowed"),
            ],
            Failing: [Fails(Rule.ShareMinimum, "Germany just below 30 %", S("DE", 29.99m), S("AU", 70.01m))]),

        new("au-nz", "a bilateral band with no minimum and no maximum (the MOU sets none)",
            Passing: [Passes("New Zealand at 5 %: no minimum is checked, and the missing limits are flagged", S("NZ", 5.00m), S("AU", 95.00m)).Warns(Rule.InForce, Rule.ShareBand)],
            Failing: [Fails(Rule.PartiesRepresented, "no New Zealand co-producer", S("US", 20.00m), S("AU", 80.00m))]),

        new("au-fr", "no share band on record",
            Passing: [Passes("France at 20 %: the band is not on record", S("FR", 20.00m), S("AU", 80.00m)).Warns(Rule.InForce, Rule.ShareBand)],
            Failing: [Fails(Rule.PartiesRepresented, "no French co-producer", S("US", 20.00m), S("AU", 80.00m))]),

        new("gb-au", "no share band on record (the 30 % predates the 2021/22 amendment); proportionality",
            Passing: [Passes("UK at 20 %: the band is not on record", S("GB", 20.00m), S("AU", 80.00m)).Warns(Rule.InForce, Rule.ShareBand, Rule.Proportionality)],
            Failing: [Fails(Rule.PartiesRepresented, "no UK co-producer", S("US", 20.00m), S("AU", 80.00m))]),
    ];

    public static SeededTreatyCase For(string code) =>
        All.SingleOrDefault(c => c.Code == code) ?? throw new InvalidOperationException($"No row for the seeded treaty {code}.");

    private static DealExample Passes(string description, params Stake[] stakes) => new(description, stakes);

    private static DealExample Fails(string ruleId, string description, params Stake[] stakes) =>
        new(description, stakes) { ExpectedFirstFailure = ruleId };

    private static Stake S(string country, decimal percent) => new(country, percent);
}
