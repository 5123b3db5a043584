using CoProd.Domain.Deals;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Deals;

/// <summary>The contract checklist's "Partner roles match the money": one partner leads, and it brings no less than any other.</summary>
public sealed class ChecklistRolesTests
{
    private static ChecklistItem Roles(DealBuilder deal) => ContractChecklist.For(deal.Build(), [], null).Single(i => i.Key == "roles");

    [Theory]
    //          lead (FR)   other (CA)  other's role        settled  detail contains
    [InlineData(6_000_000, 4_000_000, PartnerRole.Minority, true, "Paris Films leads with 60.00 %")]
    [InlineData(5_000_000, 5_000_000, PartnerRole.Minority, true, "(equal partners)")]
    [InlineData(2_000_000, 8_000_000, PartnerRole.Minority, false, "Paris Films is named majority or delegate producer with 20.00 %, but Montreal Prod brings 80.00 %")]
    [InlineData(4_990_000, 5_010_000, PartnerRole.FinancialOnly, false, "but Montreal Prod brings 50.10 %")]
    [InlineData(6_000_000, 4_000_000, PartnerRole.MajorityDelegate, false, "Paris Films and Montreal Prod are each named majority or delegate producer")]
    public void The_lead_producer_brings_no_less_than_any_other_partner(int lead, int other, PartnerRole otherRole, bool settled, string detail)
    {
        var item = Roles(Deal().Partner("Paris Films", "FR", lead, PartnerRole.MajorityDelegate).Partner("Montreal Prod", "CA", other, otherRole));

        Assert.Equal(settled, item.Settled);
        Assert.Contains(detail, item.Detail, StringComparison.Ordinal);
        Assert.Equal("partners", item.Section);
    }

    [Fact]
    public void A_deal_without_a_lead_producer_is_asked_to_name_one() =>
        Assert.Equal("name the majority or delegate producer who leads the production",
            Roles(Deal().Partner("Paris Films", "FR", 6_000_000m).Partner("Montreal Prod", "CA", 4_000_000m)).Detail);

    [Fact]
    public void Without_money_the_roles_cannot_be_checked_yet()
    {
        var item = Roles(Deal().Partner("Paris Films", "FR", 0m, PartnerRole.MajorityDelegate).Partner("Montreal Prod", "CA", 0m));

        Assert.False(item.Settled);
        Assert.Equal("Paris Films leads; add contributions to check that the money agrees", item.Detail);
    }
}
