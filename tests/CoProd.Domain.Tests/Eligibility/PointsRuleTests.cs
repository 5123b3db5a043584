using CoProd.Domain.Deals;
using CoProd.Domain.Eligibility;
using CoProd.Domain.Treaties;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Eligibility;

public sealed class PointsRuleTests
{
    private static readonly KeyRole[] Ets147Roles =
    [
        KeyRole.Director, KeyRole.Scriptwriter, KeyRole.Composer, KeyRole.LeadActor1, KeyRole.LeadActor2, KeyRole.LeadActor3,
        KeyRole.DirectorOfPhotography, KeyRole.SoundRecordist, KeyRole.Editor, KeyRole.ProductionDesigner,
    ];

    [Fact]
    public void A_treaty_without_a_points_test_is_not_applicable()
    {
        var report = Evaluate(FiveFrenchPeople().Build(), Bilateral("FR", "CA", Band(20, 80)));

        var check = report.Check("points.threshold");
        Assert.Equal(CheckOutcome.NotApplicable, check.Outcome);
        Assert.Equal("—", check.Measured);
        Assert.Null(report.Points);
        Assert.Equal(Verdict.Qualifies, report.Verdict);
    }

    [Theory]
    [InlineData(ProductionFormat.FictionFeature, PointsCategory.Animation, "Fiction table", "tables on record: animation")]
    [InlineData(ProductionFormat.Series, PointsCategory.Documentary, "Fiction table", "tables on record: documentary")]
    [InlineData(ProductionFormat.Animation, PointsCategory.Fiction, "Animation table", "its table for animation is not on record")]
    [InlineData(ProductionFormat.Documentary, PointsCategory.Fiction, "Documentary table", "its table for documentary is not on record")]
    public void A_table_only_for_another_category_is_a_warning(ProductionFormat format, PointsCategory tableCategory, string required, string phrase)
    {
        var table = new PointsTable(tableCategory, 15, 19, Source) { Elements = Ets147Elements() };

        var report = Evaluate(FiveFrenchPeople(format).Build(), Treaty(table));

        var check = report.Check("points.threshold");
        Assert.Equal(CheckOutcome.Warning, check.Outcome);
        Assert.Equal("no table", check.Measured);
        Assert.Equal(required, check.Required);
        Assert.Contains(phrase, check.Explanation, StringComparison.Ordinal);
        Assert.Null(report.Points);
    }

    [Fact]
    public void A_table_with_its_threshold_but_no_elements_on_record_is_a_warning()
    {
        var report = Evaluate(FiveFrenchPeople().Build(), Treaty(new PointsTable(PointsCategory.Fiction, 15, 19, Source)));

        var check = report.Check("points.threshold");
        Assert.Equal(CheckOutcome.Warning, check.Outcome);
        Assert.Equal("elements not on record", check.Measured);
        Assert.Equal("≥ 15 of 19", check.Required);
        Assert.Contains("The threshold (15 of 19 points) is on record", check.Explanation, StringComparison.Ordinal);
        Assert.Null(report.Points);
    }

    [Theory]
    [InlineData(ProductionFormat.FictionFeature)]
    [InlineData(ProductionFormat.Series)]
    public void Fiction_features_and_series_are_scored_on_the_fiction_table(ProductionFormat format)
    {
        var table = new PointsTable(PointsCategory.Fiction, 15, 19, Source) { Elements = Ets147Elements() };

        var report = Evaluate(Ets147Deal([], format).Build(), Treaty(table));

        Assert.Equal(CheckOutcome.Pass, report.Check("points.threshold").Outcome);
        Assert.Same(table, report.Points!.Table);
    }

    public static TheoryData<KeyRole[], int, bool, CheckOutcome> Ets147Cases => new()
    {
        { [], 19, false, CheckOutcome.Pass },
        { [KeyRole.Director], 16, false, CheckOutcome.Pass },
        { [KeyRole.Director, KeyRole.Composer], 15, false, CheckOutcome.Pass },
        { [KeyRole.LeadActor1, KeyRole.Editor], 15, false, CheckOutcome.Pass },
        { [KeyRole.Director, KeyRole.LeadActor2], 14, false, CheckOutcome.Fail },
        { [KeyRole.Director, KeyRole.Composer, KeyRole.Editor], 14, false, CheckOutcome.Fail },
        { [KeyRole.Director, KeyRole.Scriptwriter], 13, false, CheckOutcome.Fail },
        { [KeyRole.Director, KeyRole.LeadActor2], 14, true, CheckOutcome.Warning },
        { [KeyRole.Director, KeyRole.Composer], 15, true, CheckOutcome.Pass },
        { [KeyRole.LeadActor1, KeyRole.LeadActor2, KeyRole.LeadActor3], 13, true, CheckOutcome.Warning },
        { Ets147Roles, 2, true, CheckOutcome.Warning },
        { Ets147Roles, 2, false, CheckOutcome.Fail },
    };

    [Theory]
    [MemberData(nameof(Ets147Cases))]
    public void The_ets_147_table_needs_15_of_19_points(KeyRole[] heldByOutsiders, int awarded, bool discretion, CheckOutcome expected)
    {
        var table = new PointsTable(PointsCategory.Fiction, 15, 19, Source) { Elements = Ets147Elements(), DiscretionBelowThreshold = discretion };

        var report = Evaluate(Ets147Deal(heldByOutsiders).Build(), Treaty(table));

        var check = report.Check("points.threshold");
        Assert.Equal(expected, check.Outcome);
        Assert.Equal($"{awarded} of 19", check.Measured);
        Assert.Equal("≥ 15 of 19", check.Required);
        Assert.Equal(awarded, report.Points!.Awarded);
    }

    [Fact]
    public void A_score_below_the_threshold_under_discretion_is_never_a_pass()
    {
        var table = new PointsTable(PointsCategory.Fiction, 15, 19, Source)
        {
            Elements = Ets147Elements(),
            DiscretionBelowThreshold = true,
            DiscretionNote = "Art. 9: the authorities may grant status down to 12 points.",
        };

        var report = Evaluate(Ets147Deal([KeyRole.Director, KeyRole.LeadActor2]).Build(), Treaty(table));

        var check = report.Check("points.threshold");
        Assert.Equal(CheckOutcome.Warning, check.Outcome);
        Assert.Contains("below the threshold of 15", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("Art. 9: the authorities may grant status down to 12 points.", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("This is their discretion, not a pass.", check.Explanation, StringComparison.Ordinal);
        Assert.Equal(Verdict.QualifiesSubjectToApproval, report.Verdict);
    }

    [Fact]
    public void Without_a_discretion_note_the_generic_one_is_shown()
    {
        var table = new PointsTable(PointsCategory.Fiction, 15, 19, Source) { Elements = Ets147Elements(), DiscretionBelowThreshold = true };

        var check = Evaluate(Ets147Deal([KeyRole.Director, KeyRole.LeadActor2]).Build(), Treaty(table)).Check("points.threshold");

        Assert.Contains("The competent authorities may grant status below the threshold.", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_elements_not_counted_are_listed_with_their_points_and_reason()
    {
        var table = new PointsTable(PointsCategory.Fiction, 15, 19, Source) { Elements = Ets147Elements() };

        var check = Evaluate(Ets147Deal([KeyRole.Director, KeyRole.LeadActor2]).Build(), Treaty(table)).Check("points.threshold");

        Assert.EndsWith("Not counted: Director (3): Director person (US) not from a party; Second lead (2): LeadActor2 person (US) not from a party.", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_score_lists_nothing_as_not_counted()
    {
        var table = new PointsTable(PointsCategory.Fiction, 15, 19, Source) { Elements = Ets147Elements() };

        var check = Evaluate(Ets147Deal([]).Build(), Treaty(table)).Check("points.threshold");

        Assert.Equal("The work scores 19 of 19 points, meeting the threshold of 15.", check.Explanation);
    }

    public static TheoryData<string[], bool, string> RoleHolderCases => new()
    {
        { ["FR"], true, "Director FR (FR)" },
        { ["US", "FR"], true, "Director FR (FR)" },
        { ["CA", "FR"], true, "Director CA (CA)" },
        { ["US"], false, "Director US (US) not from a party" },
        { ["US", "JP"], false, "Director US (US), Director JP (JP) not from a party" },
        { [], false, "no director entered" },
    };

    [Theory]
    [MemberData(nameof(RoleHolderCases))]
    public void A_role_element_counts_when_any_holder_of_the_role_is_eligible(string[] nationalities, bool awarded, string detail)
    {
        var builder = FrCaDeal();
        foreach (var nationality in nationalities)
        {
            builder.Person(KeyRole.Director, nationality, $"Director {nationality}");
        }

        var line = SingleLine(builder, new PointsElement("director", "Director", 3, PointsGroup.Creative) { Role = KeyRole.Director });

        Assert.Equal(awarded, line.Awarded);
        Assert.Equal(detail, line.Detail);
    }

    public static TheoryData<string[], bool, string> LocationCases => new()
    {
        { ["FR"], true, "FR" },
        { ["FR", "CA"], true, "FR, CA" },
        { ["FR", "CA", "US"], true, "FR, CA, US" },
        { ["FR", "US"], false, "FR, US: not mostly in a party" },
        { ["FR", "US", "JP"], false, "FR, US, JP: not mostly in a party" },
        { ["FR", "CA", "US", "JP"], false, "FR, CA, US, JP: not mostly in a party" },
        { ["US"], false, "US: not mostly in a party" },
        { [], false, "no studio or shooting location entered" },
    };

    [Theory]
    [MemberData(nameof(LocationCases))]
    public void A_location_element_counts_when_most_of_the_listed_places_are_eligible(string[] countries, bool awarded, string detail)
    {
        var builder = FrCaDeal();
        foreach (var country in countries)
        {
            builder.Location(LocationKind.Shooting, country);
        }

        var line = SingleLine(builder, new PointsElement("shooting", "Shooting location", 2, PointsGroup.Technical) { Location = LocationKind.Shooting });

        Assert.Equal(awarded, line.Awarded);
        Assert.Equal(detail, line.Detail);
    }

    [Fact]
    public void Only_places_of_the_elements_kind_count()
    {
        var builder = FrCaDeal().Location(LocationKind.Shooting, "US").Location(LocationKind.PostProduction, "FR").Location(LocationKind.VisualEffects, "FR");

        var line = SingleLine(builder, new PointsElement("shooting", "Shooting location", 2, PointsGroup.Technical) { Location = LocationKind.Shooting });

        Assert.False(line.Awarded);
    }

    [Fact]
    public void An_element_naming_neither_a_role_nor_a_place_is_never_awarded()
    {
        var line = SingleLine(FrCaDeal().Person(KeyRole.Director, "FR"), new PointsElement("odd", "Odd element", 1, PointsGroup.Creative));

        Assert.False(line.Awarded);
        Assert.Equal("the element names neither a role nor a place", line.Detail);
    }

    [Theory]
    [InlineData(PointsEligibility.TreatyParties, "IT", true)]
    [InlineData(PointsEligibility.CoProducingCountries, "IT", false)]
    [InlineData(PointsEligibility.TreatyParties, "FR", true)]
    [InlineData(PointsEligibility.CoProducingCountries, "DE", true)]
    [InlineData(PointsEligibility.TreatyParties, "US", false)]
    [InlineData(PointsEligibility.CoProducingCountries, "US", false)]
    public void Eligibility_is_nationals_of_any_party_or_only_of_the_co_producing_countries(PointsEligibility eligibility, string nationality, bool awarded)
    {
        var table = new PointsTable(PointsCategory.Fiction, 1, 1, Source)
        {
            Elements = [new PointsElement("director", "Director", 1, PointsGroup.Creative) { Role = KeyRole.Director }],
            Eligibility = eligibility,
        };
        var deal = Deal().Partner("Paris Films", "FR", 5_000_000m).Partner("Berlin Bild", "DE", 5_000_000m).Person(KeyRole.Director, nationality).Build();

        var report = Evaluate(deal, Convention(["FR", "DE", "IT"], Band(20, 80) with { PointsTables = [table] }));

        Assert.Equal(awarded, Assert.Single(report.Points!.Lines).Awarded);
        Assert.Equal(awarded ? CheckOutcome.Pass : CheckOutcome.Fail, report.Check("points.threshold").Outcome);
    }

    [Fact]
    public void Under_co_producing_country_eligibility_an_outsider_is_not_from_a_co_producing_country()
    {
        var table = new PointsTable(PointsCategory.Fiction, 1, 1, Source)
        {
            Elements = [new PointsElement("shooting", "Shooting location", 1, PointsGroup.Technical) { Location = LocationKind.Shooting }],
            Eligibility = PointsEligibility.CoProducingCountries,
        };
        var deal = Deal().Partner("Paris Films", "FR", 5_000_000m).Partner("Berlin Bild", "DE", 5_000_000m).Location(LocationKind.Shooting, "IT").Build();

        var report = Evaluate(deal, Convention(["FR", "DE", "IT"], Band(20, 80) with { PointsTables = [table] }));

        Assert.Equal("IT: not mostly in a co-producing country", Assert.Single(report.Points!.Lines).Detail);
    }

    [Fact]
    public void The_table_for_the_deals_category_is_used_when_several_are_on_record()
    {
        var documentary = new PointsTable(PointsCategory.Documentary, 2, 3, Source)
        {
            Elements =
            [
                new PointsElement("director", "Director", 2, PointsGroup.Creative) { Role = KeyRole.Director },
                new PointsElement("editor", "Editor", 1, PointsGroup.Technical) { Role = KeyRole.Editor },
            ],
        };
        var fiction = new PointsTable(PointsCategory.Fiction, 15, 19, Source) { Elements = Ets147Elements() };
        var deal = FrCaDeal(ProductionFormat.Documentary).Person(KeyRole.Director, "CA").Build();

        var report = Evaluate(deal, Treaty(fiction, documentary));

        Assert.Same(documentary, report.Points!.Table);
        Assert.Equal("2 of 3", report.Check("points.threshold").Measured);
        Assert.Equal(CheckOutcome.Pass, report.Check("points.threshold").Outcome);
    }

    private static PointsLine SingleLine(DealBuilder builder, PointsElement element)
    {
        var table = new PointsTable(PointsCategory.Fiction, 1, element.Points, Source) { Elements = [element] };
        return Assert.Single(Evaluate(builder.Build(), Treaty(table)).Points!.Lines);
    }

    private static Treaty Treaty(params PointsTable[] tables) =>
        Bilateral("FR", "CA", Band(20, 80) with { PointsTables = tables });

    private static DealBuilder FrCaDeal(ProductionFormat format = ProductionFormat.FictionFeature) =>
        Deal(format: format).Partner("Paris Films", "FR", 6_000_000m).Partner("Montreal Prod", "CA", 4_000_000m);

    private static DealBuilder FiveFrenchPeople(ProductionFormat format = ProductionFormat.FictionFeature)
    {
        var builder = FrCaDeal(format);
        foreach (var role in Ets147Roles.Take(5))
        {
            builder.Person(role, "FR");
        }

        return builder;
    }

    /// <summary>Every ETS 147 role held by a French or Canadian national (or a US one if listed), shot in FR, post in CA.</summary>
    private static DealBuilder Ets147Deal(KeyRole[] heldByOutsiders, ProductionFormat format = ProductionFormat.FictionFeature)
    {
        var builder = FrCaDeal(format);
        var i = 0;
        foreach (var role in Ets147Roles)
        {
            builder.Person(role, heldByOutsiders.Contains(role) ? "US" : (i++ % 2 == 0 ? "FR" : "CA"));
        }

        return builder.Location(LocationKind.Shooting, "FR").Location(LocationKind.PostProduction, "CA");
    }

    /// <summary>The European Convention's (ETS 147) table: 19 points, 15 needed.</summary>
    private static PointsElement[] Ets147Elements() =>
    [
        new("director", "Director", 3, PointsGroup.Creative) { Role = KeyRole.Director },
        new("scriptwriter", "Scriptwriter", 3, PointsGroup.Creative) { Role = KeyRole.Scriptwriter },
        new("composer", "Composer", 1, PointsGroup.Creative) { Role = KeyRole.Composer },
        new("lead-1", "First lead", 3, PointsGroup.Performing) { Role = KeyRole.LeadActor1 },
        new("lead-2", "Second lead", 2, PointsGroup.Performing) { Role = KeyRole.LeadActor2 },
        new("lead-3", "Third lead", 1, PointsGroup.Performing) { Role = KeyRole.LeadActor3 },
        new("camera", "Director of photography", 1, PointsGroup.Technical) { Role = KeyRole.DirectorOfPhotography },
        new("sound", "Sound", 1, PointsGroup.Technical) { Role = KeyRole.SoundRecordist },
        new("editor", "Editor", 1, PointsGroup.Technical) { Role = KeyRole.Editor },
        new("art", "Art director", 1, PointsGroup.Technical) { Role = KeyRole.ProductionDesigner },
        new("shooting", "Studio or shooting location", 1, PointsGroup.Technical) { Location = LocationKind.Shooting },
        new("post", "Post-production location", 1, PointsGroup.Technical) { Location = LocationKind.PostProduction },
    ];
}
