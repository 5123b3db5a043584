using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Deals;

public sealed class DealInvariantTests
{
    private const int TitleMaxLength = CoProd.Domain.Deals.Deal.TitleMaxLength;
    private static readonly DateOnly LockedOn = new(2026, 1, 15);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_deal_needs_a_title(string? title)
    {
        var error = Assert.Throws<DomainException>(() => new CoProd.Domain.Deals.Deal(Guid.NewGuid(), title!, ProductionFormat.FictionFeature, Cur("EUR"), 1m));

        Assert.Contains("title", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TitleMaxLength, true)]
    [InlineData(TitleMaxLength + 1, false)]
    [InlineData(1, true)]
    public void A_title_may_have_up_to_the_maximum_length(int length, bool accepted)
    {
        var title = new string('a', length);

        var create = () => new CoProd.Domain.Deals.Deal(Guid.NewGuid(), title, ProductionFormat.FictionFeature, Cur("EUR"), 1m);

        if (accepted)
        {
            Assert.Equal(title, create().Title);
        }
        else
        {
            Assert.Throws<DomainException>(create);
        }
    }

    [Fact]
    public void The_title_is_trimmed_before_its_length_is_checked()
    {
        var deal = new CoProd.Domain.Deals.Deal(Guid.NewGuid(), "  " + new string('a', TitleMaxLength) + "  ", ProductionFormat.Series, Cur("EUR"), 1m);

        Assert.Equal(TitleMaxLength, deal.Title.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-0.01)]
    public void The_budget_must_be_greater_than_zero(double budget)
    {
        var error = Assert.Throws<DomainException>(() => new CoProd.Domain.Deals.Deal(Guid.NewGuid(), "Film", ProductionFormat.FictionFeature, Cur("EUR"), (decimal)budget));

        Assert.Contains("budget", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_budget_of_one_cent_is_accepted() =>
        Assert.Equal(0.01m, new CoProd.Domain.Deals.Deal(Guid.NewGuid(), "Film", ProductionFormat.FictionFeature, Cur("EUR"), 0.01m).Budget);

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public void A_contribution_amount_must_be_greater_than_zero(double amount)
    {
        var deal = Deal().Partner("Paris Films", "FR", 0m).Build();

        var error = Assert.Throws<DomainException>(() =>
            deal.AddContribution(Guid.NewGuid(), deal.Partners[0].Id, ContributionKind.Cash, "Cash", new Money((decimal)amount, Cur("EUR")), 1m, LockedOn, C("FR")));

        Assert.Contains("amount must be greater than zero", error.Message, StringComparison.Ordinal);
        Assert.Empty(deal.Contributions);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.0067)]
    public void A_foreign_contributions_rate_must_be_greater_than_zero(double rate)
    {
        var deal = Deal("USD").Partner("Tokyo Pictures", "JP", 0m).Build();

        var error = Assert.Throws<DomainException>(() =>
            deal.AddContribution(Guid.NewGuid(), deal.Partners[0].Id, ContributionKind.Cash, "Cash", new Money(1_000m, Cur("JPY")), (decimal)rate, LockedOn, C("JP")));

        Assert.Contains("exchange rate must be greater than zero", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0.5)]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_contribution_in_the_deal_currency_gets_rate_one_whatever_was_passed(double rate)
    {
        var deal = Deal("EUR").Partner("Paris Films", "FR", 0m).Build();

        var contribution = deal.AddContribution(Guid.NewGuid(), deal.Partners[0].Id, ContributionKind.Cash, "Cash", new Money(1_000m, Cur("EUR")), (decimal)rate, LockedOn, C("FR"));

        Assert.Equal(1m, contribution.RateToDealCurrency);
        Assert.Equal(1_000m, contribution.InDealCurrency(Cur("EUR")).Amount);
    }

    [Fact]
    public void Updating_a_contribution_into_the_deal_currency_resets_its_rate_to_one()
    {
        var deal = Deal("EUR").Partner("Tokyo Pictures", "JP", 1_000_000m, currency: "JPY", rate: 0.006m).Build();
        var contribution = deal.Contributions[0];

        deal.UpdateContribution(contribution.Id, ContributionKind.Cash, "Cash", new Money(6_000m, Cur("EUR")), 0.006m, LockedOn, C("JP"));

        Assert.Equal(1m, contribution.RateToDealCurrency);
        Assert.Equal(6_000m, deal.Financing().Total.Amount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_contribution_needs_a_description(string description)
    {
        var deal = Deal().Partner("Paris Films", "FR", 0m).Build();

        Assert.Throws<DomainException>(() =>
            deal.AddContribution(Guid.NewGuid(), deal.Partners[0].Id, ContributionKind.Cash, description, new Money(1m, Cur("EUR")), 1m, LockedOn, C("FR")));
    }

    [Fact]
    public void A_contribution_description_may_not_exceed_its_maximum_length()
    {
        var deal = Deal().Partner("Paris Films", "FR", 0m).Build();

        Assert.Throws<DomainException>(() =>
            deal.AddContribution(Guid.NewGuid(), deal.Partners[0].Id, ContributionKind.Cash, new string('x', Contribution.DescriptionMaxLength + 1), new Money(1m, Cur("EUR")), 1m, LockedOn, C("FR")));
    }

    [Fact]
    public void A_contribution_for_a_partner_not_in_the_deal_throws()
    {
        var deal = Deal().Partner("Paris Films", "FR", 0m).Build();

        var error = Assert.Throws<DomainException>(() =>
            deal.AddContribution(Guid.NewGuid(), Guid.NewGuid(), ContributionKind.Cash, "Cash", new Money(1m, Cur("EUR")), 1m, LockedOn, C("FR")));

        Assert.Contains("not in this deal", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Paris Films")]
    [InlineData("paris films")]
    [InlineData("  PARIS FILMS  ")]
    public void Two_partners_may_not_share_a_company_name(string duplicate)
    {
        var deal = Deal().Partner("Paris Films", "FR", 0m).Build();

        var error = Assert.Throws<DomainException>(() => deal.AddPartner(Guid.NewGuid(), duplicate, C("CA"), PartnerRole.Minority));

        Assert.Contains("already a partner", error.Message, StringComparison.Ordinal);
        Assert.Single(deal.Partners);
    }

    [Fact]
    public void Renaming_a_partner_to_another_partners_name_throws()
    {
        var deal = Deal().Partner("Paris Films", "FR", 0m).Partner("Montreal Prod", "CA", 0m).Build();

        Assert.Throws<DomainException>(() => deal.UpdatePartner(deal.Partners[1].Id, "PARIS FILMS", C("CA"), PartnerRole.Minority, null));
    }

    [Fact]
    public void Renaming_a_partner_to_its_own_name_in_another_case_is_allowed()
    {
        var deal = Deal().Partner("Paris Films", "FR", 0m).Build();

        deal.UpdatePartner(deal.Partners[0].Id, "PARIS FILMS", C("FR"), PartnerRole.MajorityDelegate, null);

        Assert.Equal("PARIS FILMS", deal.Partners[0].CompanyName);
    }

    [Fact]
    public void Removing_a_partner_removes_its_contributions_and_keeps_the_others()
    {
        var builder = Deal()
            .Partner("Paris Films", "FR", 6_000_000m)
            .Contribution("Paris Films", 1_000_000m, kind: ContributionKind.InKind)
            .Partner("Montreal Prod", "CA", 4_000_000m);
        var deal = builder.Build();

        deal.RemovePartner(builder.Id("Paris Films"));

        var remaining = Assert.Single(deal.Contributions);
        Assert.Equal(builder.Id("Montreal Prod"), remaining.PartnerId);
        Assert.Single(deal.Partners);
        Assert.Equal(100m, deal.Financing().Partners[0].Share.Value);
    }

    [Fact]
    public void Removing_a_partner_not_in_the_deal_throws() =>
        Assert.Throws<DomainException>(() => Deal().Build().RemovePartner(Guid.NewGuid()));

    [Fact]
    public void The_deal_currency_cannot_change_while_foreign_contributions_are_converted_into_it()
    {
        var deal = Deal("USD").Partner("LA Films", "US", 1_000_000m).Partner("Tokyo Pictures", "JP", 500_000_000m, currency: "JPY", rate: 0.0067m).Build();

        var error = Assert.Throws<DomainException>(() => deal.SetProject("Test film", deal.Format, Cur("EUR"), deal.Budget));

        Assert.Contains("currency cannot change", error.Message, StringComparison.Ordinal);
        Assert.Equal(Cur("USD"), deal.Currency);
    }

    [Fact]
    public void The_deal_currency_cannot_change_to_the_currency_of_a_foreign_contribution_either()
    {
        var deal = Deal("USD").Partner("Tokyo Pictures", "JP", 500_000_000m, currency: "JPY", rate: 0.0067m).Build();

        Assert.Throws<DomainException>(() => deal.SetProject("Test film", deal.Format, Cur("JPY"), deal.Budget));
    }

    [Fact]
    public void The_deal_currency_cannot_change_while_contributions_in_the_old_deal_currency_exist()
    {
        var deal = Deal("EUR").Partner("Paris Films", "FR", 1_000_000m).Build();

        Assert.Throws<DomainException>(() => deal.SetProject("Test film", deal.Format, Cur("USD"), deal.Budget));
    }

    [Fact]
    public void The_deal_currency_can_change_while_there_are_no_contributions()
    {
        var deal = Deal("EUR").Partner("Paris Films", "FR", 0m).Build();

        deal.SetProject("Test film", ProductionFormat.Documentary, Cur("USD"), 2_000_000m);

        Assert.Equal(Cur("USD"), deal.Currency);
        Assert.Equal(ProductionFormat.Documentary, deal.Format);
        Assert.Equal(new Money(2_000_000m, Cur("USD")), deal.BudgetMoney);
    }

    [Fact]
    public void Title_format_and_budget_can_change_while_foreign_contributions_exist_if_the_currency_stays()
    {
        var deal = Deal("USD").Partner("Tokyo Pictures", "JP", 500_000_000m, currency: "JPY", rate: 0.0067m).Build();

        deal.SetProject("  New title ", ProductionFormat.Animation, Cur("USD"), 3_350_000m);

        Assert.Equal("New title", deal.Title);
        Assert.Equal(0m, deal.Financing().Gap.Amount);
    }

    [Fact]
    public void A_key_persons_residence_in_their_own_country_is_not_kept()
    {
        var deal = Deal().Build();

        var same = deal.AddKeyPerson(Guid.NewGuid(), KeyRole.Director, "A", C("FR"), C("FR"));
        var other = deal.AddKeyPerson(Guid.NewGuid(), KeyRole.Composer, "B", C("US"), C("FR"));

        Assert.Null(same.Residence);
        Assert.Equal(C("FR"), other.Residence);
    }
}
