using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.Eligibility;
using CoProd.Domain.ReferenceData;
using CoProd.Domain.Treaties;

namespace CoProd.Domain.Tests;

/// <summary>Small builders for deals and treaties, so tests state only what matters to them.</summary>
internal static class TestData
{
    public static readonly DateOnly Today = new(2026, 11, 23);
    public static readonly RuleSource Source = new("Art. 1", "https://example.org/treaty");

    public static CountryCode C(string code) => CountryCode.From(code);

    public static CurrencyCode Cur(string code) => CurrencyCode.From(code);

    public static Percentage Pct(decimal value) => new(value);

    public static DealBuilder Deal(string currency = "EUR", decimal budget = 10_000_000m, ProductionFormat format = ProductionFormat.FictionFeature) =>
        new(new Deal(Guid.NewGuid(), "Test film", format, Cur(currency), budget));

    public static Treaty Bilateral(string a, string b, RuleSet rules, DateOnly? inForceFrom = null, string code = "t-bilateral")
    {
        var treaty = new Treaty(Guid.NewGuid(), code, $"{a}–{b} treaty", TreatyKind.Bilateral, [new TreatyParty(C(a)), new TreatyParty(C(b))]);
        treaty.SetDates(null, inForceFrom ?? new DateOnly(2000, 1, 1), null, null);
        Publish(treaty, rules);
        return treaty;
    }

    public static Treaty Convention(IEnumerable<string> parties, RuleSet rules, string code = "t-convention", DateOnly? inForceFrom = null)
    {
        var treaty = new Treaty(Guid.NewGuid(), code, $"Convention {code}", TreatyKind.Convention, parties.Select(p => new TreatyParty(C(p))));
        treaty.SetDates(null, inForceFrom ?? new DateOnly(2000, 1, 1), null, null);
        Publish(treaty, rules);
        return treaty;
    }

    public static RuleVersion Publish(Treaty treaty, RuleSet rules, DateOnly? effectiveFrom = null)
    {
        var version = treaty.AddDraftVersion(Guid.NewGuid(), effectiveFrom ?? new DateOnly(2000, 1, 1), rules, null, DateTimeOffset.UnixEpoch, "test");
        treaty.PublishVersion(version.Id, DateTimeOffset.UnixEpoch, "test");
        return version;
    }

    /// <summary>A treaty with no published rules at all (only a draft, or nothing).</summary>
    public static Treaty BilateralWithoutRules(string a, string b, string code = "t-no-rules")
    {
        var treaty = new Treaty(Guid.NewGuid(), code, $"{a}–{b} treaty without rules", TreatyKind.Bilateral, [new TreatyParty(C(a)), new TreatyParty(C(b))]);
        treaty.SetDates(null, new DateOnly(2000, 1, 1), null, null);
        return treaty;
    }

    /// <summary>Evaluates the deal against the rules the treaty has in effect on the date (<see cref="Today"/> by default).</summary>
    public static EligibilityReport Evaluate(Deal deal, Treaty treaty, DateOnly? on = null)
    {
        var date = on ?? Today;
        var version = treaty.RulesOn(date) ?? throw new InvalidOperationException("The test treaty has no rules in effect on " + date);
        return EligibilityEngine.Evaluate(deal, treaty, version, date);
    }

    public static RuleSet Band(decimal? min, decimal? max, decimal? multiMin = null, decimal? multiMax = null) => new()
    {
        BilateralShares = new ShareBandRule(min is null ? null : Pct(min.Value), max is null ? null : Pct(max.Value), Source),
        MultilateralShares = multiMin is null && multiMax is null ? null : new ShareBandRule(multiMin is null ? null : Pct(multiMin.Value), multiMax is null ? null : Pct(multiMax.Value), Source),
    };
}

internal sealed class DealBuilder
{
    public DealBuilder(Deal deal) => Deal = deal;

    public Deal Deal { get; }

    /// <summary>Adds a partner with one cash contribution in the deal currency (or another at a locked rate).</summary>
    public DealBuilder Partner(string name, string country, decimal amount, PartnerRole role = PartnerRole.Minority, string? currency = null, decimal rate = 1m, string? spendIn = null)
    {
        var partner = Deal.AddPartner(Guid.NewGuid(), name, TestData.C(country), role);
        if (amount > 0m)
        {
            Deal.AddContribution(Guid.NewGuid(), partner.Id, ContributionKind.Cash, "Cash", new Money(amount, TestData.Cur(currency ?? Deal.Currency.Value)), rate, TestData.Today, TestData.C(spendIn ?? country));
        }

        return this;
    }

    public DealBuilder Contribution(string partnerName, decimal amount, string? currency = null, decimal rate = 1m, ContributionKind kind = ContributionKind.Cash, string? spendIn = null)
    {
        var partner = Deal.Partners.Single(p => p.CompanyName == partnerName);
        Deal.AddContribution(Guid.NewGuid(), partner.Id, kind, kind == ContributionKind.Cash ? "Cash" : "Services", new Money(amount, TestData.Cur(currency ?? Deal.Currency.Value)), rate, TestData.Today, spendIn is null ? partner.Country : TestData.C(spendIn));
        return this;
    }

    public DealBuilder Person(KeyRole role, string nationality, string? name = null, string? residence = null)
    {
        Deal.AddKeyPerson(Guid.NewGuid(), role, name ?? $"{role} person", TestData.C(nationality), residence is null ? null : TestData.C(residence));
        return this;
    }

    public DealBuilder Location(LocationKind kind, string country)
    {
        Deal.SetLocations([.. Deal.Locations, new ProductionLocation(kind, TestData.C(country))]);
        return this;
    }

    public Guid Id(string partnerName) => Deal.Partners.Single(p => p.CompanyName == partnerName).Id;

    public Deal Build() => Deal;
}

/// <summary>Finding the checks a test is about in a report.</summary>
internal static class ReportExtensions
{
    /// <summary>The one check with this rule id (fails the test if there is none or several).</summary>
    public static RuleCheck Check(this EligibilityReport report, string ruleId) =>
        Assert.Single(report.Checks, c => c.RuleId == ruleId);

    /// <summary>The one check with this rule id about this partner.</summary>
    public static RuleCheck Check(this EligibilityReport report, string ruleId, Guid partnerId) =>
        Assert.Single(report.Checks, c => c.RuleId == ruleId && c.PartnerId == partnerId);

    public static bool Has(this EligibilityReport report, string ruleId) =>
        report.Checks.Any(c => c.RuleId == ruleId);

    /// <summary>The share-rule checks (bands, financial-only bands, non-party cap).</summary>
    public static IEnumerable<RuleCheck> ShareChecks(this EligibilityReport report) =>
        report.Checks.Where(c => c.RuleId is "share.minimum" or "share.maximum" or "financial-only.minimum" or "financial-only.maximum" or "non-party.cap");
}
