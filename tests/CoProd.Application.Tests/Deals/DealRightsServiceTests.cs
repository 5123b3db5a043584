using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Application.Users;
using CoProd.Domain.Audit;
using CoProd.Domain.Deals;
using CoProd.Infrastructure.Persistence;
using CoProd.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProd.Application.Tests.Deals;

public sealed class DealRightsServiceTests : IClassFixture<ServiceHarness>
{
    private readonly ServiceHarness _app;

    public DealRightsServiceTests(ServiceHarness app) => _app = app;

    private sealed record TestDeal(Guid Id, uint Version, Guid Tokyo, Guid Pacific);

    private Task<T> Rights<T>(Func<DealRightsService, Task<T>> work) => _app.InScopeAsync(s => work(s.GetRequiredService<DealRightsService>()));

    private Task<DealWorkspace> Workspace(Guid id) => _app.InScopeAsync(s => s.GetRequiredService<DealQueries>().GetAsync(id, CancellationToken.None));

    private Task<List<AuditEntry>> Audit(Guid id, string action) =>
        _app.InScopeAsync(s => s.GetRequiredService<CoProdDbContext>().AuditEntries.Where(a => a.DealId == id && a.Action == action).OrderBy(a => a.Id).ToListAsync());

    /// <summary>A deal owned by a new producer (who is the current user afterwards) with a Japanese and an American partner.</summary>
    private async Task<TestDeal> DealWithTwoPartnersAsync()
    {
        _app.User.ActAs(await _app.CreateUserAsync(Roles.Producer, "Paula Producer"));
        return await _app.InScopeAsync(async s =>
        {
            var deals = s.GetRequiredService<DealService>();
            var id = await deals.CreateAsync(new ProjectInput { Title = "Starlight Courier", Format = "animation", Currency = "USD", Budget = 20_000_000m, Kind = "unofficial" }, CancellationToken.None);
            var version = (await s.GetRequiredService<DealQueries>().GetAsync(id, CancellationToken.None)).Version;
            version = await deals.AddPartnerAsync(id, version, new PartnerInputForm { Company = "Tokyo Anima", Country = "JP", Role = "majorityDelegate" }, CancellationToken.None);
            version = await deals.AddPartnerAsync(id, version, new PartnerInputForm { Company = "Pacific Pictures", Country = "US", Role = "minority" }, CancellationToken.None);
            var partners = (await s.GetRequiredService<DealQueries>().GetAsync(id, CancellationToken.None)).Deal.Partners;
            return new TestDeal(id, version, partners.Single(p => p.Company == "Tokyo Anima").Id, partners.Single(p => p.Company == "Pacific Pictures").Id);
        });
    }

    private static TerritorySplitInput AsiaVersusAmericaAndEurope(TestDeal deal) => new()
    {
        Shares =
        [
            new TerritoryShareInput { PartnerId = deal.Tokyo, Groups = ["asia"] },
            new TerritoryShareInput { PartnerId = deal.Pacific, Groups = ["north-america", "europe"] },
        ],
        Media = ["theatrical", "svod"],
    };

    private static PlatformSplitInput CinemaAndTelevisionVersusStreaming(TestDeal deal) => new()
    {
        Shares =
        [
            new MediaShareInput { PartnerId = deal.Tokyo, Media = ["theatrical", "free-tv"] },
            new MediaShareInput { PartnerId = deal.Pacific, Media = ["svod"] },
        ],
    };

    [Fact]
    public async Task A_territory_split_makes_two_exclusive_grants_and_is_audited_in_words()
    {
        var deal = await DealWithTwoPartnersAsync();

        await Rights(s => s.ApplyTerritorySplitAsync(deal.Id, deal.Version, AsiaVersusAmericaAndEurope(deal), CancellationToken.None));

        var workspace = await Workspace(deal.Id);
        var rights = workspace.Deal.Rights;
        Assert.Equal("Territory split", rights.Structure);
        Assert.Collection(rights.Grants,
            g => Assert.True(g.PartnerId == deal.Tokyo && g.Exclusive && g.Territories.SequenceEqual(["asia"]) && g.Media.SequenceEqual(["theatrical", "svod"])),
            g => Assert.True(g.PartnerId == deal.Pacific && g.Exclusive && g.Territories.SequenceEqual(["north-america", "europe"])));
        Assert.Empty(workspace.Rights.Conflicts);
        Assert.Contains(workspace.Rights.Gaps, g => g.Medium == "free-tv" && g.Unassigned.Count > 200);

        var audit = await Audit(deal.Id, "applied territory split");
        var tokyo = Assert.Single(audit, a => a.Field == "Distribution rights › Tokyo Anima › Asia");
        Assert.Null(tokyo.OldValue);
        Assert.Equal("Asia; Theatrical, SVOD (subscription streaming); exclusive; no fixed term", tokyo.NewValue);
        Assert.Contains(audit, a => a.Field == "Distribution rights › Structure" && a.OldValue == "—" && a.NewValue == "Territory split");
        Assert.All(audit, a => Assert.Equal("Paula Producer", a.UserName));
    }

    [Fact]
    public async Task A_territory_split_shares_between_three_partners_and_leaves_out_a_partner_given_nothing()
    {
        var deal = await DealWithTwoPartnersAsync();
        var version = await _app.InScopeAsync(s => s.GetRequiredService<DealService>().AddPartnerAsync(deal.Id, deal.Version,
            new PartnerInputForm { Company = "Films du Nord", Country = "FR", Role = "minority" }, CancellationToken.None));
        var paris = (await Workspace(deal.Id)).Deal.Partners.Single(p => p.Company == "Films du Nord").Id;
        var input = AsiaVersusAmericaAndEurope(deal);
        input.Shares[1].Groups = ["north-america"];
        input.Shares.Add(new TerritoryShareInput { PartnerId = paris, Groups = ["europe"] });

        await Rights(s => s.ApplyTerritorySplitAsync(deal.Id, version, input, CancellationToken.None));

        var grants = (await Workspace(deal.Id)).Deal.Rights.Grants;
        Assert.Equal([deal.Tokyo, deal.Pacific, paris], grants.Select(g => g.PartnerId));
        Assert.Equal(["europe"], grants[2].Territories);

        // Only one partner with territories is no split at all; a partner left without territories is left out.
        var lonely = new TerritorySplitInput { Shares = [new() { PartnerId = deal.Tokyo, Groups = ["asia"] }, new() { PartnerId = deal.Pacific }], Media = ["svod"], ConfirmReplace = true };
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => Rights(s => s.PreviewTerritorySplitAsync(deal.Id, lonely, CancellationToken.None)));
        Assert.Equal(["Give territories to at least two partners: a territory split shares the world between them."], error.Errors["shares"]);
    }

    [Fact]
    public async Task A_preset_replaces_existing_grants_only_when_the_replacement_is_confirmed()
    {
        var deal = await DealWithTwoPartnersAsync();
        var version = await Rights(s => s.AddGrantAsync(deal.Id, deal.Version, new GrantInput { PartnerId = deal.Tokyo, Countries = "JP", Media = ["theatrical"], Exclusive = true }, CancellationToken.None));

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            Rights(s => s.ApplyPlatformSplitAsync(deal.Id, version, CinemaAndTelevisionVersusStreaming(deal), CancellationToken.None)));

        Assert.Equal("This replaces the 1 grant the deal has now. Confirm to replace it.", Assert.Single(refused.Errors[DealRightsService.ConfirmReplaceField]));
        Assert.Equal(["JP"], Assert.Single((await Workspace(deal.Id)).Deal.Rights.Grants).Territories);

        var confirmed = CinemaAndTelevisionVersusStreaming(deal);
        confirmed.ConfirmReplace = true;
        await Rights(s => s.ApplyPlatformSplitAsync(deal.Id, version, confirmed, CancellationToken.None));

        var rights = (await Workspace(deal.Id)).Deal.Rights;
        Assert.Equal("Platform split", rights.Structure);
        Assert.Equal(2, rights.Grants.Count);
        Assert.All(rights.Grants, g => Assert.Equal(["world"], g.Territories));
        var audit = await Audit(deal.Id, "applied platform split");
        Assert.Contains(audit, a => a.Field == "Distribution rights › Tokyo Anima › Japan" && a.NewValue is null && a.OldValue == "Japan; Theatrical; exclusive; no fixed term");
    }

    [Fact]
    public async Task Joint_control_gives_every_partner_everything_with_the_others_approval_and_leaves_nothing_unassigned()
    {
        var deal = await DealWithTwoPartnersAsync();

        await Rights(s => s.ApplyJointControlAsync(deal.Id, deal.Version, new JointControlInput { TermStart = new DateOnly(2027, 1, 1) }, CancellationToken.None));

        var workspace = await Workspace(deal.Id);
        Assert.All(workspace.Deal.Rights.Grants, g => Assert.False(g.Exclusive));
        Assert.Equal([deal.Pacific], workspace.Deal.Rights.Grants.Single(g => g.PartnerId == deal.Tokyo).ApprovalPartnerIds);
        Assert.Equal(workspace.Media.Count, workspace.Deal.Rights.Grants[0].Media.Count);
        Assert.Empty(workspace.Rights.Conflicts);
        Assert.True(workspace.Rights.IsComplete);
        var audit = await Audit(deal.Id, "applied joint control");
        Assert.Contains(audit, a => a.Field == "Distribution rights › Tokyo Anima › World" && a.NewValue!.EndsWith("non-exclusive; from 2027-01-01, open-ended; deals approved by Pacific Pictures", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_territory_split_that_gives_a_country_to_both_partners_is_refused()
    {
        var deal = await DealWithTwoPartnersAsync();
        var input = AsiaVersusAmericaAndEurope(deal);
        input.Shares[1].Countries = "Japan";

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => Rights(s => s.ApplyTerritorySplitAsync(deal.Id, deal.Version, input, CancellationToken.None)));

        Assert.Contains("JP", Assert.Single(error.Errors["shares[1].groups"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_platform_split_giving_a_medium_to_both_partners_is_refused_naming_the_field()
    {
        var deal = await DealWithTwoPartnersAsync();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => Rights(s =>
            s.ApplyPlatformSplitAsync(deal.Id, deal.Version, new PlatformSplitInput
            {
                Shares = [new MediaShareInput { PartnerId = deal.Tokyo, Media = ["svod"] }, new MediaShareInput { PartnerId = deal.Tokyo, Media = ["svod"] }],
            }, CancellationToken.None)));

        Assert.Contains("svod already goes to another", Assert.Single(error.Errors["shares[1].media"]), StringComparison.Ordinal);
        Assert.Equal(["This partner already has media in this split: give each partner one row."], error.Errors["shares[1].partnerId"]);
    }

    [Fact]
    public async Task Invalid_grants_are_refused_with_a_message_for_each_field()
    {
        var deal = await DealWithTwoPartnersAsync();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => Rights(s => s.AddGrantAsync(deal.Id, deal.Version, new GrantInput
        {
            TerritoryGroups = ["atlantis"],
            Countries = "JP, Narnia",
            Media = ["carrier-pigeon"],
            TermStart = new DateOnly(2030, 1, 1),
            TermEnd = new DateOnly(2029, 12, 31),
            ApprovalPartnerIds = [Guid.NewGuid()],
        }, CancellationToken.None)));

        Assert.Equal(["Choose the partner who holds the rights."], error.Errors["partnerId"]);
        Assert.Equal(["Not an active territory group: atlantis."], error.Errors["territoryGroups"]);
        Assert.Contains("'Narnia'", Assert.Single(error.Errors["countries"]), StringComparison.Ordinal);
        Assert.Equal(["Not a medium in the catalogue: carrier-pigeon."], error.Errors["media"]);
        Assert.Equal(["The term cannot end before it starts."], error.Errors["termEnd"]);
        Assert.Contains("approvalPartnerIds", error.Errors.Keys);
        Assert.Empty((await Workspace(deal.Id)).Deal.Rights.Grants);
    }

    [Fact]
    public async Task A_grant_needs_a_territory_and_a_medium()
    {
        var deal = await DealWithTwoPartnersAsync();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => Rights(s => s.AddGrantAsync(deal.Id, deal.Version, new GrantInput { PartnerId = deal.Tokyo, Countries = " , " }, CancellationToken.None)));

        Assert.Equal(["Choose at least one territory: tick a group or list countries."], error.Errors["territoryGroups"]);
        Assert.Equal(["Choose at least one medium."], error.Errors["media"]);
    }

    [Fact]
    public async Task Countries_may_be_typed_as_codes_or_names_and_an_overlapping_exclusive_grant_shows_as_a_conflict_until_removed()
    {
        var deal = await DealWithTwoPartnersAsync();
        var version = await Rights(s => s.ApplyTerritorySplitAsync(deal.Id, deal.Version, AsiaVersusAmericaAndEurope(deal), CancellationToken.None));

        version = await Rights(s => s.AddGrantAsync(deal.Id, version, new GrantInput
        {
            PartnerId = deal.Pacific,
            Countries = "japan, kr",
            Media = ["svod", "avod"],
            Exclusive = true,
            Holdback = "SVOD 12 months after Japanese theatrical release",
        }, CancellationToken.None));

        var workspace = await Workspace(deal.Id);
        var added = workspace.Deal.Rights.Grants[^1];
        Assert.Equal(["JP", "KR"], added.Territories);
        var conflict = Assert.Single(workspace.Rights.Conflicts);
        Assert.Equal(["JP", "KR"], conflict.Countries.Select(c => c.Value));
        Assert.Equal(["svod"], conflict.Media);
        var audit = Assert.Single(await Audit(deal.Id, "added rights grant"));
        Assert.Equal("Distribution rights › Pacific Pictures › Japan, South Korea", audit.Field);
        Assert.Equal("Japan, South Korea; SVOD (subscription streaming), AVOD (ad-supported streaming); exclusive; no fixed term; holdback: SVOD 12 months after Japanese theatrical release", audit.NewValue);

        await Rights(s => s.RemoveGrantAsync(deal.Id, version, added.Id, CancellationToken.None));

        Assert.Empty((await Workspace(deal.Id)).Rights.Conflicts);
    }

    [Fact]
    public async Task Changing_only_a_grants_territories_is_audited_with_old_and_new_territories()
    {
        var deal = await DealWithTwoPartnersAsync();
        var version = await Rights(s => s.AddGrantAsync(deal.Id, deal.Version, new GrantInput { PartnerId = deal.Tokyo, Countries = "JP", Media = ["theatrical"], Exclusive = true }, CancellationToken.None));
        var grant = Assert.Single((await Workspace(deal.Id)).Deal.Rights.Grants);

        await Rights(s => s.UpdateGrantAsync(deal.Id, version, grant.Id, new GrantInput { PartnerId = deal.Tokyo, TerritoryGroups = ["asia"], Media = ["theatrical"], Exclusive = true }, CancellationToken.None));

        var change = Assert.Single(await Audit(deal.Id, "changed rights grant"));
        Assert.Equal("Japan; Theatrical; exclusive; no fixed term", change.OldValue);
        Assert.Equal("Asia; Theatrical; exclusive; no fixed term", change.NewValue);
        Assert.Equal(grant.Id, Assert.Single((await Workspace(deal.Id)).Deal.Rights.Grants).Id);
    }

    [Fact]
    public async Task Saving_a_grant_over_a_newer_change_is_refused_and_nothing_is_overwritten()
    {
        var deal = await DealWithTwoPartnersAsync();
        await Rights(s => s.AddGrantAsync(deal.Id, deal.Version, new GrantInput { PartnerId = deal.Tokyo, Countries = "JP", Media = ["theatrical"] }, CancellationToken.None));

        var conflict = await Assert.ThrowsAsync<ConflictException>(() =>
            Rights(s => s.ApplyJointControlAsync(deal.Id, deal.Version, new JointControlInput { ConfirmReplace = true }, CancellationToken.None)));

        Assert.Contains("Someone else saved a change", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(["JP"], Assert.Single((await Workspace(deal.Id)).Deal.Rights.Grants).Territories);
    }

    [Fact]
    public async Task A_reviewing_lawyer_cannot_change_rights_and_an_editing_lawyer_cannot_set_guarantees()
    {
        var deal = await DealWithTwoPartnersAsync();
        var owner = _app.User.Id!.Value;
        var reviewer = await _app.CreateUserAsync(Roles.Lawyer, "Rita Reviewer");
        var editor = await _app.CreateUserAsync(Roles.Lawyer, "Eddie Editor");
        await _app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CoProdDbContext>();
            var entity = await db.Deals.Include(d => d.Members).SingleAsync(d => d.Id == deal.Id);
            entity.AddMember(reviewer.Id, reviewer.Kind, MemberRole.Reviewer, owner, DateTimeOffset.UtcNow);
            entity.AddMember(editor.Id, editor.Kind, MemberRole.Editor, owner, DateTimeOffset.UtcNow);
            s.GetRequiredService<CoProd.Application.Audit.AuditTrail>().Record("deal", deal.Id.ToString(), deal.Id, "invited", "Members", null, "Rita Reviewer, Eddie Editor");
            await db.SaveChangesAsync();
        });
        var version = (await Workspace(deal.Id)).Version;
        var grant = new GrantInput { PartnerId = deal.Tokyo, Countries = "JP", Media = ["theatrical"] };
        var guarantee = new GuaranteeInput { PartnerId = deal.Pacific, Amount = 1_500_000m, Currency = "USD", Territory = "north-america" };

        _app.User.ActAs(reviewer);
        var refused = await Assert.ThrowsAsync<DealAccessException>(() => Rights(s => s.AddGrantAsync(deal.Id, version, grant, CancellationToken.None)));
        Assert.Equal("Your role on this deal lets you read it, not change it.", refused.Message);

        _app.User.ActAs(editor);
        var money = await Assert.ThrowsAsync<DealAccessException>(() => Rights(s => s.AddGuaranteeAsync(deal.Id, version, guarantee, CancellationToken.None)));
        Assert.Contains("do not change financial figures", money.Message, StringComparison.Ordinal);
        version = await Rights(s => s.AddGrantAsync(deal.Id, version, grant, CancellationToken.None));

        // Revenue sharing is money too; the structure's label alone is not.
        var revenue = await Assert.ThrowsAsync<DealAccessException>(() => Rights(s =>
            s.SetTermsAsync(deal.Id, version, new RightsTermsInput { Structure = "Custom", RevenueSharing = "70/30 in Japan" }, CancellationToken.None)));
        Assert.Contains("do not change financial figures", revenue.Message, StringComparison.Ordinal);
        await Rights(s => s.SetTermsAsync(deal.Id, version, new RightsTermsInput { Structure = "Custom", RevenueSharing = "  " }, CancellationToken.None));

        var rights = (await Workspace(deal.Id)).Deal.Rights;
        Assert.Single(rights.Grants);
        Assert.Equal("Custom", rights.Structure);
    }

    [Fact]
    public async Task Someone_who_is_not_a_member_gets_not_found_and_learns_nothing()
    {
        var deal = await DealWithTwoPartnersAsync();
        _app.User.ActAs(await _app.CreateUserAsync(Roles.Producer));

        await Assert.ThrowsAsync<NotFoundException>(() => Rights(s => s.AddGrantAsync(deal.Id, deal.Version, new GrantInput(), CancellationToken.None)));
        await Assert.ThrowsAsync<NotFoundException>(() => Rights(s => s.RemoveGrantAsync(deal.Id, deal.Version, Guid.NewGuid(), CancellationToken.None)));
    }

    [Fact]
    public async Task Buyouts_guarantees_and_revenue_sharing_are_recorded_and_audited_in_words()
    {
        var deal = await DealWithTwoPartnersAsync();

        var version = await Rights(s => s.AddBuyoutAsync(deal.Id, deal.Version, new BuyoutInput
        {
            HolderPartnerId = deal.Tokyo,
            FromPartnerId = deal.Pacific,
            Trigger = "the partners deadlock twice on a distribution deal",
            PriceBasis = "fair market value set by an independent valuer",
        }, CancellationToken.None));
        version = await Rights(s => s.AddGuaranteeAsync(deal.Id, version, new GuaranteeInput { PartnerId = deal.Pacific, Amount = 1_500_000m, Currency = "usd", Territory = "north-america", Notes = "payable on delivery" }, CancellationToken.None));
        await Rights(s => s.SetTermsAsync(deal.Id, version, new RightsTermsInput { Structure = "Territory split", RevenueSharing = "Net receipts 55/45 world-wide after each partner recoups its MG." }, CancellationToken.None));

        var rights = (await Workspace(deal.Id)).Deal.Rights;
        Assert.Single(rights.Buyouts);
        Assert.Equal("USD", Assert.Single(rights.Guarantees).Amount.Currency.Value);
        Assert.Equal("Net receipts 55/45 world-wide after each partner recoups its MG.", rights.RevenueSharing);
        var buyout = Assert.Single(await Audit(deal.Id, "added buyout right"));
        Assert.Equal("Buyout rights › Tokyo Anima may buy out Pacific Pictures", buyout.Field);
        Assert.Equal("when the partners deadlock twice on a distribution deal; price: fair market value set by an independent valuer", buyout.NewValue);
        var guarantee = Assert.Single(await Audit(deal.Id, "added minimum guarantee"));
        Assert.Equal("Minimum guarantees › Pacific Pictures", guarantee.Field);
        Assert.Equal("1,500,000 USD for North America (US and Canada with US territories); notes: payable on delivery", guarantee.NewValue);
        Assert.Contains(await Audit(deal.Id, "changed structure and revenue sharing"), a => a.Field == "Distribution rights › Revenue sharing" && a.OldValue == "in proportion to contributions");
    }

    [Theory]
    [InlineData(0, "USD", null, "amount")]
    [InlineData(100, "XXX", null, "currency")]
    [InlineData(100, "USD", "Atlantis", "territory")]
    [InlineData(null, "USD", null, "amount")]
    public async Task A_guarantee_needs_an_amount_above_zero_in_a_known_currency(int? amount, string currency, string? territory, string field)
    {
        var deal = await DealWithTwoPartnersAsync();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => Rights(s =>
            s.AddGuaranteeAsync(deal.Id, deal.Version, new GuaranteeInput { PartnerId = deal.Pacific, Amount = amount, Currency = currency, Territory = territory }, CancellationToken.None)));

        Assert.Equal([field], error.Errors.Keys);
    }

    [Fact]
    public async Task A_partner_cannot_hold_a_buyout_right_over_itself()
    {
        var deal = await DealWithTwoPartnersAsync();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => Rights(s =>
            s.AddBuyoutAsync(deal.Id, deal.Version, new BuyoutInput { HolderPartnerId = deal.Tokyo, FromPartnerId = deal.Tokyo, Trigger = "deadlock", PriceBasis = "market value" }, CancellationToken.None)));

        Assert.Equal(["A partner cannot buy itself out: choose another partner."], error.Errors["fromPartnerId"]);
    }
}
