using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Application.Users;
using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;
using CoProd.Testing;

namespace CoProd.Application.Tests.Deals;

public sealed class LegalTermsServiceTests : IClassFixture<ServiceHarness>
{
    private readonly ServiceHarness _app;

    public LegalTermsServiceTests(ServiceHarness app) => _app = app;

    [Fact]
    public async Task A_lawyer_who_is_an_editor_settles_the_legal_terms_and_the_checklist_follows()
    {
        var deal = await SectionsTestDeal.CreateAsync(_app);
        var lawyer = await deal.MemberAsync(Roles.Lawyer, MemberRole.Editor, "Laura Lawyer");
        _app.User.ActAs(lawyer);
        var before = await deal.WorkspaceAsync();

        await deal.SectionsAsync(s => s.SetLegalTermsAsync(deal.Id, before.Version, new LegalTermsInput
        {
            GoverningLaw = "us",
            DisputeResolution = "arbitration",
            Seat = "Singapore",
            ArbitrationRules = "SIAC Rules 2025",
            ProductionEntityDomicile = "JP",
            IpOwnership = "negotiated",
            IpSplit = [new IpShareInput { PartnerId = deal.Tokyo, Share = 60m }, new IpShareInput { PartnerId = deal.Pacific, Share = 40m }],
            Credits = "A Tokyo Anima and Pacific Pictures co-production",
        }, CancellationToken.None));
        var after = await deal.WorkspaceAsync();

        Assert.Equal(CountryCode.From("US"), after.Deal.Legal.GoverningLaw);
        Assert.Equal(100m, after.Deal.Legal.IpSplitTotal);
        string[] settled = ["governing-law", "disputes", "domicile", "ip", "credits"];
        Assert.All(settled, key => Assert.False(before.Checklist.Single(c => c.Key == key).Settled));
        Assert.All(settled, key => Assert.True(after.Checklist.Single(c => c.Key == key).Settled, key));
        Assert.False(after.Checklist.Single(c => c.Key == "insurance").Settled);
        Assert.Equal("law of United States of America", after.Checklist.Single(c => c.Key == "governing-law").Detail);
        Assert.Equal("Japan", after.Checklist.Single(c => c.Key == "domicile").Detail);
        var audit = await deal.AuditAsync();
        Assert.Contains(audit, a => a.Field == "Legal terms › Governing law" && a.OldValue == "—" && a.NewValue == "US" && a.UserName == "Laura Lawyer");
        Assert.Contains(audit, a => a.Field == "Legal terms › IP ownership" && a.NewValue == "negotiated: Tokyo Anima 60.00 %, Pacific Pictures 40.00 %");
        Assert.Contains(audit, a => a.Field == "Legal terms › Dispute resolution" && a.NewValue == "arbitration in Singapore under SIAC Rules 2025");
    }

    [Fact]
    public async Task A_lawyer_reviewing_the_deal_reads_the_terms_but_may_not_change_them()
    {
        var deal = await SectionsTestDeal.CreateAsync(_app);
        var reviewer = await deal.MemberAsync(Roles.Lawyer, MemberRole.Reviewer);
        _app.User.ActAs(reviewer);
        var workspace = await deal.WorkspaceAsync();

        var error = await Assert.ThrowsAsync<DealAccessException>(() => deal.SectionsAsync(s => s.SetLegalTermsAsync(deal.Id, workspace.Version,
            new LegalTermsInput { GoverningLaw = "FR" }, CancellationToken.None)));
        await Assert.ThrowsAsync<DealAccessException>(() => deal.SectionsAsync(s => s.AddTaxIncentiveAsync(deal.Id, workspace.Version,
            new TaxIncentiveInput { PartnerId = deal.Tokyo, Incentive = "Japan Location Incentive" }, CancellationToken.None)));

        Assert.Contains("read it, not change it", error.Message, StringComparison.Ordinal);
        Assert.Null((await deal.WorkspaceAsync()).Deal.Legal.GoverningLaw);
    }

    [Theory]
    [InlineData("split-short", "ipSplit")]
    [InlineData("share-over-100", "ipSplit[0].share")]
    [InlineData("unknown-country", "governingLaw")]
    [InlineData("unknown-forum", "disputeResolution")]
    [InlineData("stranger-in-split", "ipSplit[1].partnerId")]
    public async Task Invalid_terms_are_refused_naming_the_field(string name, string field)
    {
        var deal = await SectionsTestDeal.CreateAsync(_app);
        var version = await deal.VersionAsync();
        LegalTermsInput Split(decimal tokyo, decimal pacific, Guid? second = null) => new()
        {
            IpOwnership = "negotiated",
            IpSplit = [new IpShareInput { PartnerId = deal.Tokyo, Share = tokyo }, new IpShareInput { PartnerId = second ?? deal.Pacific, Share = pacific }],
        };
        var input = name switch
        {
            "split-short" => Split(60m, 30m),
            "share-over-100" => Split(110m, -10m),
            "unknown-country" => new LegalTermsInput { GoverningLaw = "XX" },
            "unknown-forum" => new LegalTermsInput { DisputeResolution = "duel" },
            _ => Split(60m, 40m, Guid.NewGuid()),
        };

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => deal.SectionsAsync(s => s.SetLegalTermsAsync(deal.Id, version, input, CancellationToken.None)));

        Assert.Contains(field, error.Errors.Keys);
        Assert.Equal(LegalTerms.Empty.GoverningLaw, (await deal.WorkspaceAsync()).Deal.Legal.GoverningLaw);
    }

    [Fact]
    public async Task The_split_message_says_what_the_parts_add_up_to()
    {
        var deal = await SectionsTestDeal.CreateAsync(_app);
        var version = await deal.VersionAsync();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => deal.SectionsAsync(s => s.SetLegalTermsAsync(deal.Id, version, new LegalTermsInput
        {
            IpOwnership = "negotiated",
            IpSplit = [new IpShareInput { PartnerId = deal.Tokyo, Share = 55.5m }, new IpShareInput { PartnerId = deal.Pacific, Share = 40m }],
        }, CancellationToken.None)));

        Assert.Equal(["The parts add up to 95.5 %; a negotiated split must add up to 100 %."], error.Errors["ipSplit"]);
    }

    [Fact]
    public async Task Tax_incentives_are_listed_one_by_one_and_survive_saving_the_other_terms()
    {
        var deal = await SectionsTestDeal.CreateAsync(_app);
        var version = await deal.VersionAsync();

        version = await deal.SectionsAsync(s => s.AddTaxIncentiveAsync(deal.Id, version, new TaxIncentiveInput { PartnerId = deal.Pacific, Incentive = "Georgia Entertainment Industry Investment Act credit" }, CancellationToken.None));
        version = await deal.SectionsAsync(s => s.AddTaxIncentiveAsync(deal.Id, version, new TaxIncentiveInput { PartnerId = deal.Tokyo, Incentive = "Japan Location Incentive" }, CancellationToken.None));
        var duplicate = await Assert.ThrowsAsync<RequestValidationException>(() => deal.SectionsAsync(s => s.AddTaxIncentiveAsync(deal.Id, version,
            new TaxIncentiveInput { PartnerId = deal.Tokyo, Incentive = "japan location incentive" }, CancellationToken.None)));
        version = await deal.SectionsAsync(s => s.SetLegalTermsAsync(deal.Id, version, new LegalTermsInput { Insurance = "E&O and production package" }, CancellationToken.None));
        var both = await deal.WorkspaceAsync();
        await deal.SectionsAsync(s => s.RemoveTaxIncentiveAsync(deal.Id, version, 0, CancellationToken.None));
        var one = await deal.WorkspaceAsync();

        Assert.Equal(["incentive"], duplicate.Errors.Keys);
        Assert.Equal(2, both.Deal.Legal.TaxIncentives.Count);
        Assert.True(both.Checklist.Single(c => c.Key == "incentives").Settled);
        Assert.Equal("Japan Location Incentive", Assert.Single(one.Deal.Legal.TaxIncentives).Incentive);
        Assert.Contains(await deal.AuditAsync(), a => a.Action == "removed tax incentive" && a.Field == "Legal terms › Tax incentives"
            && a.NewValue == "Tokyo Anima: Japan Location Incentive");
    }

    [Fact]
    public async Task Saving_terms_over_a_newer_change_is_refused_and_the_newer_terms_stay()
    {
        var deal = await SectionsTestDeal.CreateAsync(_app);
        var loaded = await deal.VersionAsync();
        await deal.SectionsAsync(s => s.SetLegalTermsAsync(deal.Id, loaded, new LegalTermsInput { GoverningLaw = "JP" }, CancellationToken.None));

        await Assert.ThrowsAsync<ConflictException>(() => deal.SectionsAsync(s => s.SetLegalTermsAsync(deal.Id, loaded, new LegalTermsInput { GoverningLaw = "US" }, CancellationToken.None)));

        Assert.Equal(CountryCode.From("JP"), (await deal.WorkspaceAsync()).Deal.Legal.GoverningLaw);
    }
}
