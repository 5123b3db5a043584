using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Deals;

public sealed class LegalTermsTests
{
    private readonly DealBuilder _builder = Deal()
        .Partner("Paris Films", "FR", 6_000_000m, PartnerRole.MajorityDelegate)
        .Partner("Montreal Prod", "CA", 4_000_000m);

    private Guid Paris => _builder.Id("Paris Films");

    private Guid Montreal => _builder.Id("Montreal Prod");

    private Deal TheDeal => _builder.Build();

    [Theory]
    [InlineData(60, 40, true)]
    [InlineData(50.5, 49.5, true)]
    [InlineData(60, 30, false)]
    [InlineData(70, 40, false)]
    public void A_negotiated_ip_split_must_add_up_to_one_hundred_percent(double paris, double montreal, bool accepted)
    {
        var terms = new LegalTerms
        {
            IpOwnership = IpOwnership.Negotiated,
            IpSplit = [new IpShare(Paris, Pct((decimal)paris)), new IpShare(Montreal, Pct((decimal)montreal))],
        };

        if (accepted)
        {
            TheDeal.SetLegalTerms(terms);
            Assert.Equal(100m, TheDeal.Legal.IpSplitTotal);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => TheDeal.SetLegalTerms(terms));
            Assert.Contains("must add up to 100 %", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_partner_appears_once_in_the_ip_split() =>
        Assert.Throws<DomainException>(() => TheDeal.SetLegalTerms(new LegalTerms
        {
            IpOwnership = IpOwnership.Negotiated,
            IpSplit = [new IpShare(Paris, Pct(50m)), new IpShare(Paris, Pct(50m))],
        }));

    [Fact]
    public void Proportional_ownership_keeps_no_split_and_a_court_keeps_no_arbitration_rules()
    {
        TheDeal.SetLegalTerms(new LegalTerms
        {
            IpOwnership = IpOwnership.ProportionalToShares,
            IpSplit = [new IpShare(Paris, Pct(70m))],
            DisputeResolution = DisputeResolution.Court,
            Seat = "  Paris ",
            ArbitrationRules = "ICC",
            Credits = "   ",
        });

        Assert.Empty(TheDeal.Legal.IpSplit);
        Assert.Null(TheDeal.Legal.ArbitrationRules);
        Assert.Equal("Paris", TheDeal.Legal.Seat);
        Assert.Null(TheDeal.Legal.Credits);
    }

    [Fact]
    public void A_tax_incentive_needs_a_partner_in_the_deal_and_a_name()
    {
        Assert.Throws<DomainException>(() => TheDeal.SetLegalTerms(new LegalTerms { TaxIncentives = [new TaxIncentiveClaim(Guid.NewGuid(), "CPTC")] }));
        Assert.Throws<DomainException>(() => TheDeal.SetLegalTerms(new LegalTerms { TaxIncentives = [new TaxIncentiveClaim(Montreal, "  ")] }));
        Assert.Throws<DomainException>(() => TheDeal.SetLegalTerms(new LegalTerms { TaxIncentives = [new TaxIncentiveClaim(Montreal, "CPTC"), new TaxIncentiveClaim(Montreal, "cptc")] }));
    }

    [Fact]
    public void A_term_longer_than_its_limit_is_refused() =>
        Assert.Throws<DomainException>(() => TheDeal.SetLegalTerms(new LegalTerms { Insurance = new string('x', LegalTerms.TextMaxLength + 1) }));

    [Fact]
    public void Removing_a_partner_takes_its_tax_incentives_and_ip_share_with_it()
    {
        TheDeal.SetLegalTerms(new LegalTerms
        {
            IpOwnership = IpOwnership.Negotiated,
            IpSplit = [new IpShare(Paris, Pct(60m)), new IpShare(Montreal, Pct(40m))],
            TaxIncentives = [new TaxIncentiveClaim(Montreal, "Canadian Film or Video Production Tax Credit"), new TaxIncentiveClaim(Paris, "Crédit d'impôt cinéma")],
        });

        TheDeal.RemovePartner(Montreal);

        Assert.Equal([Paris], TheDeal.Legal.IpSplit.Select(s => s.PartnerId));
        Assert.Equal([Paris], TheDeal.Legal.TaxIncentives.Select(t => t.PartnerId));
    }

    [Fact]
    public void The_checklist_names_countries_and_the_treaty_in_words_and_falls_back_to_codes()
    {
        TheDeal.SetLegalTerms(new LegalTerms { GoverningLaw = CoProd.Domain.ReferenceData.CountryCode.From("FR"), ProductionEntityDomicile = CoProd.Domain.ReferenceData.CountryCode.From("CA") });
        var names = new ChecklistNames(new Dictionary<string, string>(), new Dictionary<string, string> { ["FR"] = "France" }, null);

        var items = ContractChecklist.For(TheDeal, [], null, names).ToDictionary(i => i.Key);

        Assert.Equal("law of France", items["governing-law"].Detail);
        Assert.Equal("CA", items["domicile"].Detail);
    }

    [Fact]
    public void The_checklist_settles_legal_clauses_as_they_are_filled_in()
    {
        static ChecklistItem Item(Deal deal, string key) => ContractChecklist.For(deal, [], null).Single(i => i.Key == key);
        Assert.False(Item(TheDeal, "disputes").Settled);
        Assert.Equal("choose court or arbitration", Item(TheDeal, "disputes").Detail);

        TheDeal.SetLegalTerms(new LegalTerms { DisputeResolution = DisputeResolution.Arbitration, Seat = "Montreal" });
        Assert.Equal("name the arbitration rules", Item(TheDeal, "disputes").Detail);

        TheDeal.SetLegalTerms(TheDeal.Legal with { ArbitrationRules = "ICC", IpOwnership = IpOwnership.Negotiated });
        Assert.True(Item(TheDeal, "disputes").Settled);
        Assert.False(Item(TheDeal, "ip").Settled);
    }
}
