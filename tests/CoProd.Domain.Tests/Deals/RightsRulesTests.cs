using CoProd.Domain.Catalogues;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Deals;

public sealed class RightsRulesTests
{
    private static (Deal Deal, Guid Tokyo, Guid Pacific) TwoPartners()
    {
        var builder = Deal("USD").Partner("Tokyo Anima", "JP", 0m).Partner("Pacific Pictures", "US", 0m);
        return (builder.Build(), builder.Id("Tokyo Anima"), builder.Id("Pacific Pictures"));
    }

    private static RightsGrant Grant(Guid partner, IReadOnlyList<string>? territories = null, IReadOnlyList<string>? media = null, IReadOnlyList<Guid>? approvers = null, DateOnly? from = null, DateOnly? until = null) =>
        new(Guid.NewGuid(), partner, territories ?? ["asia"], media ?? ["theatrical"], from, until, true, approvers ?? []);

    [Fact]
    public void A_grant_is_saved_with_trimmed_texts_and_without_duplicate_codes()
    {
        var (deal, tokyo, pacific) = TwoPartners();

        deal.SetRights(new DealRights([Grant(tokyo, [" asia ", "ASIA", "JP", ""], ["svod", "SVOD"], [pacific, pacific]) with { Holdback = "  18 months after release  ", Notes = "   " }], [], [], "  Territory split  "));

        var grant = Assert.Single(deal.Rights.Grants);
        Assert.Equal(["asia", "JP"], grant.Territories);
        Assert.Equal(["svod"], grant.Media);
        Assert.Equal([pacific], grant.ApprovalPartnerIds);
        Assert.Equal("18 months after release", grant.Holdback);
        Assert.Null(grant.Notes);
        Assert.Equal("Territory split", deal.Rights.Structure);
    }

    [Theory]
    [InlineData(false, true, "at least one territory and one medium")]
    [InlineData(true, false, "at least one territory and one medium")]
    public void A_grant_needs_a_territory_and_a_medium(bool withTerritory, bool withMedium, string message)
    {
        var (deal, tokyo, _) = TwoPartners();

        var error = Assert.Throws<DomainException>(() => deal.SetRights(new DealRights([Grant(tokyo, withTerritory ? ["asia"] : ["  "], withMedium ? ["svod"] : [])], [], [])));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2030-01-01", "2029-12-31", false)]
    [InlineData("2030-01-01", "2030-01-01", true)]
    [InlineData(null, "2030-01-01", true)]
    [InlineData("2030-01-01", null, true)]
    public void A_term_cannot_end_before_it_starts(string? from, string? until, bool accepted)
    {
        var (deal, tokyo, _) = TwoPartners();
        var grant = Grant(tokyo, from: from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            until: until is null ? null : DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture));

        var set = () => deal.SetRights(new DealRights([grant], [], []));

        if (accepted)
        {
            set();
            Assert.Single(deal.Rights.Grants);
        }
        else
        {
            Assert.Contains("cannot end before it starts", Assert.Throws<DomainException>(set).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_partner_does_not_approve_its_own_grant()
    {
        var (deal, tokyo, _) = TwoPartners();

        var error = Assert.Throws<DomainException>(() => deal.SetRights(new DealRights([Grant(tokyo, approvers: [tokyo])], [], [])));

        Assert.Contains("does not approve its own", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grants_buyouts_and_guarantees_name_partners_of_the_deal()
    {
        var (deal, tokyo, _) = TwoPartners();
        var stranger = Guid.NewGuid();

        Assert.Throws<DomainException>(() => deal.SetRights(new DealRights([Grant(stranger)], [], [])));
        Assert.Throws<DomainException>(() => deal.SetRights(new DealRights([Grant(tokyo, approvers: [stranger])], [], [])));
        Assert.Throws<DomainException>(() => deal.SetRights(new DealRights([], [new BuyoutRight(Guid.NewGuid(), tokyo, stranger, "deadlock", "market value")], [])));
        Assert.Throws<DomainException>(() => deal.SetRights(new DealRights([], [], [new MinimumGuarantee(Guid.NewGuid(), stranger, new Money(1m, Cur("USD")), null, null)])));
        Assert.Empty(deal.Rights.Grants);
    }

    [Theory]
    [InlineData("", "market value", false)]
    [InlineData("deadlock on a distribution deal", " ", false)]
    [InlineData("deadlock on a distribution deal", "fair market value", true)]
    public void A_buyout_right_needs_its_trigger_and_price_basis(string trigger, string price, bool accepted)
    {
        var (deal, tokyo, pacific) = TwoPartners();

        var set = () => deal.SetRights(new DealRights([], [new BuyoutRight(Guid.NewGuid(), tokyo, pacific, trigger, price)], []));

        if (accepted)
        {
            set();
            Assert.Single(deal.Rights.Buyouts);
        }
        else
        {
            Assert.Throws<DomainException>(set);
        }
    }

    [Fact]
    public void A_partner_cannot_buy_itself_out()
    {
        var (deal, tokyo, _) = TwoPartners();

        Assert.Throws<DomainException>(() => deal.SetRights(new DealRights([], [new BuyoutRight(Guid.NewGuid(), tokyo, tokyo, "deadlock", "market value")], [])));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_minimum_guarantee_must_be_greater_than_zero(double amount)
    {
        var (deal, _, pacific) = TwoPartners();

        Assert.Throws<DomainException>(() => deal.SetRights(new DealRights([], [], [new MinimumGuarantee(Guid.NewGuid(), pacific, new Money((decimal)amount, Cur("USD")), "north-america", null)])));
    }

    [Fact]
    public void Texts_longer_than_their_limits_are_refused()
    {
        var (deal, tokyo, _) = TwoPartners();
        var tooLong = new string('x', RightsGrant.TextMaxLength + 1);

        Assert.Throws<DomainException>(() => deal.SetRights(new DealRights([Grant(tokyo) with { Holdback = tooLong }], [], [])));
        Assert.Throws<DomainException>(() => deal.SetRights(new DealRights([], [], [], new string('x', DealRights.StructureMaxLength + 1))));
        Assert.Throws<DomainException>(() => deal.SetRights(new DealRights([], [], [], null, new string('x', DealRights.RevenueSharingMaxLength + 1))));
    }

    [Fact]
    public void Two_grants_with_the_same_id_are_refused()
    {
        var (deal, tokyo, pacific) = TwoPartners();
        var grant = Grant(tokyo);

        Assert.Throws<DomainException>(() => deal.SetRights(new DealRights([grant, grant with { PartnerId = pacific }], [], [])));
    }

    [Fact]
    public void Removing_a_partner_takes_its_grants_buyouts_guarantees_and_approvals_with_it()
    {
        var (deal, tokyo, pacific) = TwoPartners();
        deal.SetRights(new DealRights(
            [Grant(tokyo, approvers: [pacific]), Grant(pacific)],
            [new BuyoutRight(Guid.NewGuid(), tokyo, pacific, "deadlock", "market value")],
            [new MinimumGuarantee(Guid.NewGuid(), pacific, new Money(1_000_000m, Cur("USD")), "north-america", null)]));

        deal.RemovePartner(pacific);

        var grant = Assert.Single(deal.Rights.Grants);
        Assert.Equal(tokyo, grant.PartnerId);
        Assert.Empty(grant.ApprovalPartnerIds);
        Assert.Empty(deal.Rights.Buyouts);
        Assert.Empty(deal.Rights.Guarantees);
    }

    [Fact]
    public void A_territory_split_gives_each_partner_its_territories_exclusively_in_every_medium()
    {
        var (_, tokyo, pacific) = TwoPartners();

        var grants = RightsPresets.TerritorySplit([new(tokyo, ["asia"]), new(pacific, ["north-america", "europe"])], ["theatrical", "svod"], new DateOnly(2027, 1, 1), null, Guid.NewGuid);

        Assert.Collection(grants,
            g => Assert.True(g.PartnerId == tokyo && g.Exclusive && g.Territories.SequenceEqual(["asia"]) && g.Media.SequenceEqual(["theatrical", "svod"]) && g.TermStart == new DateOnly(2027, 1, 1)),
            g => Assert.True(g.PartnerId == pacific && g.Exclusive && g.Territories.SequenceEqual(["north-america", "europe"])));
        Assert.NotEqual(grants[0].Id, grants[1].Id);
    }

    [Fact]
    public void A_split_needs_two_different_partners()
    {
        var (_, tokyo, _) = TwoPartners();

        Assert.Throws<DomainException>(() => RightsPresets.TerritorySplit([new(tokyo, ["asia"]), new(tokyo, ["europe"])], ["svod"], null, null, Guid.NewGuid));
        Assert.Throws<DomainException>(() => RightsPresets.PlatformSplit([new(tokyo, ["theatrical"]), new(tokyo, ["svod"])], ["world"], null, null, Guid.NewGuid));
        Assert.Throws<DomainException>(() => RightsPresets.TerritorySplit([new(tokyo, ["asia"])], ["svod"], null, null, Guid.NewGuid));
    }

    [Fact]
    public void A_split_shares_between_as_many_partners_as_the_deal_has()
    {
        var (tokyo, pacific, paris) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var territories = RightsPresets.TerritorySplit([new(tokyo, ["asia"]), new(pacific, ["north-america"]), new(paris, ["europe"])], ["theatrical"], null, null, Guid.NewGuid);
        var platforms = RightsPresets.PlatformSplit([new(tokyo, ["theatrical"]), new(pacific, ["svod"]), new(paris, ["free-tv", "pay-tv"])], ["world"], null, null, Guid.NewGuid);

        Assert.Equal([tokyo, pacific, paris], territories.Select(g => g.PartnerId));
        Assert.Equal(["europe"], territories[2].Territories);
        Assert.All(territories, g => Assert.True(g.Exclusive));
        Assert.Equal(["free-tv", "pay-tv"], platforms[2].Media);
        Assert.Throws<DomainException>(() => RightsPresets.PlatformSplit([new(tokyo, ["theatrical"]), new(pacific, ["svod"]), new(paris, ["Theatrical"])], ["world"], null, null, Guid.NewGuid));
        Assert.Throws<DomainException>(() => RightsPresets.TerritorySplit([new(tokyo, ["asia"]), new(pacific, [])], ["svod"], null, null, Guid.NewGuid));
    }

    [Fact]
    public void A_platform_split_refuses_a_medium_given_to_both_partners()
    {
        var (_, tokyo, pacific) = TwoPartners();

        var error = Assert.Throws<DomainException>(() => RightsPresets.PlatformSplit([new(tokyo, ["theatrical", "svod"]), new(pacific, ["SVOD"])], ["world"], null, null, Guid.NewGuid));

        Assert.Contains("svod", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_platform_split_leaves_no_conflict_and_covers_the_world_in_the_media_split()
    {
        var (deal, tokyo, pacific) = TwoPartners();
        var world = new TerritoryGroup("world", "World", true, []);

        deal.SetRights(new DealRights(RightsPresets.PlatformSplit([new(tokyo, ["theatrical", "free-tv"]), new(pacific, ["svod"])], ["world"], null, null, Guid.NewGuid), [], []));
        var report = RightsAnalysis.Analyse(deal.Rights, [world], [C("JP"), C("US")], ["theatrical", "free-tv", "svod", "avod"]);

        Assert.Empty(report.Conflicts);
        Assert.Equal(["avod"], report.Gaps.Where(g => g.Unassigned.Count > 0).Select(g => g.Medium));
    }

    [Fact]
    public void Joint_control_gives_everyone_everything_non_exclusively_with_the_others_approval()
    {
        var (deal, tokyo, pacific) = TwoPartners();
        var third = deal.AddPartner(Guid.NewGuid(), "Seoul Studio", C("KR"), PartnerRole.Minority).Id;

        var grants = RightsPresets.JointControl([tokyo, pacific, third], ["world"], ["theatrical", "svod"], null, null, Guid.NewGuid);
        deal.SetRights(new DealRights(grants, [], []));
        var report = RightsAnalysis.Analyse(deal.Rights, [new TerritoryGroup("world", "World", true, [])], [C("JP")], ["theatrical", "svod"]);

        Assert.Equal(3, grants.Count);
        Assert.All(grants, g => Assert.False(g.Exclusive));
        Assert.Equal([pacific, third], grants.Single(g => g.PartnerId == tokyo).ApprovalPartnerIds);
        Assert.Empty(report.Conflicts);
        Assert.True(report.IsComplete);
    }

    [Fact]
    public void Joint_control_needs_two_partners() =>
        Assert.Throws<DomainException>(() => RightsPresets.JointControl([Guid.NewGuid()], ["world"], ["svod"], null, null, Guid.NewGuid));
}
