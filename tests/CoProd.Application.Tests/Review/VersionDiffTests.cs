using CoProd.Application.Deals;
using CoProd.Application.Review;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;

namespace CoProd.Application.Tests.Review;

/// <summary>
/// "What changed since my last review", field by field in plain words: the comparison of two deal documents that
/// the review page and the audit trail both use. Pure: no database.
/// </summary>
public sealed class VersionDiffTests
{
    private static readonly Guid Tokyo = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid Pacific = Guid.Parse("22222222-2222-2222-2222-222222222222");
    private static readonly Guid Cash = Guid.Parse("33333333-3333-3333-3333-333333333333");

    private static readonly CatalogueNames Names = new(
        new Dictionary<string, string> { ["final-cut"] = "Final cut", ["key-casting"] = "Key casting" },
        new Dictionary<string, string>(),
        new Dictionary<string, string>());

    private static Deal Starlight()
    {
        var deal = new Deal(Guid.Parse("44444444-4444-4444-4444-444444444444"), "Starlight Courier", ProductionFormat.Animation, CurrencyCode.From("USD"), 20_000_000m);
        deal.AddPartner(Tokyo, "Tokyo Anima", CountryCode.From("JP"), PartnerRole.MajorityDelegate);
        deal.AddPartner(Pacific, "Pacific Pictures", CountryCode.From("US"), PartnerRole.Minority);
        deal.AddContribution(Cash, Tokyo, ContributionKind.Cash, "Production finance", new Money(11_000_000m, CurrencyCode.From("USD")), 1m, new DateOnly(2026, 11, 1), CountryCode.From("JP"));
        deal.SetDecisionRule(new DecisionRule("final-cut", DecisionMode.SoleAuthority, Tokyo, []));
        return deal;
    }

    private static IReadOnlyList<string> Changes(Deal before, Action<Deal> change)
    {
        var old = DealDocument.From(before);
        change(before);
        return [.. DealFacts.Compare(old, DealDocument.From(before), Names).Select(c => c.ToString())];
    }

    [Fact]
    public void A_decision_rule_moved_from_one_partner_to_joint_reads_as_the_guide_says_it()
    {
        var changes = Changes(Starlight(), d => d.SetDecisionRule(new DecisionRule("final-cut", DecisionMode.Joint, null, [Tokyo, Pacific], TieBreak: TieBreak.CastingVote, TieBreakPartnerId: Tokyo)));

        Assert.Equal(["Decision rights › Final cut: Tokyo Anima alone → joint (Tokyo Anima, Pacific Pictures); casting vote: Tokyo Anima"], changes);
    }

    [Fact]
    public void A_renamed_partner_reads_as_a_rename_and_what_names_it_follows()
    {
        var changes = Changes(Starlight(), d => d.UpdatePartner(Tokyo, "Tokyo Anima Studio", CountryCode.From("JP"), PartnerRole.MajorityDelegate, null));

        Assert.Equal(
            [
                "Partners › Tokyo Anima Studio: Tokyo Anima (JP, majority delegate) → Tokyo Anima Studio (JP, majority delegate)",
                "Contributions › Tokyo Anima Studio › Production finance: Tokyo Anima › Production finance (cash 11,000,000 USD, spent in JP) → Tokyo Anima Studio › Production finance (cash 11,000,000 USD, spent in JP)",
                "Decision rights › Final cut: Tokyo Anima alone → Tokyo Anima Studio alone",
            ],
            changes);
    }

    [Fact]
    public void A_changed_contribution_shows_the_old_and_new_amount_in_its_currency()
    {
        var changes = Changes(Starlight(), d => d.UpdateContribution(Cash, ContributionKind.Cash, "Production finance", new Money(12_500_000m, CurrencyCode.From("USD")), 1m, new DateOnly(2026, 11, 1), CountryCode.From("JP")));

        Assert.Equal(["Contributions › Tokyo Anima › Production finance: cash 11,000,000 USD, spent in JP → cash 12,500,000 USD, spent in JP"], changes);
    }

    [Fact]
    public void Added_and_removed_items_say_added_and_removed_with_their_values()
    {
        var changes = Changes(Starlight(), d =>
        {
            d.RemoveDecisionRule("final-cut");
            d.SetDecisionRule(new DecisionRule("key-casting", DecisionMode.ApproveWithin, Pacific, [Tokyo], ApprovalDays: 10, DeemedApproval: true));
        });

        Assert.Equal(
            [
                "Decision rights › Key casting: added (Pacific Pictures decides, Tokyo Anima approve within 10 days (deemed approved after))",
                "Decision rights › Final cut: removed (was Tokyo Anima alone)",
            ],
            changes);
    }

    [Fact]
    public void Legal_terms_and_status_changes_are_named_by_section()
    {
        var changes = Changes(Starlight(), d => d.SetLegalTerms(LegalTerms.Empty with { GoverningLaw = CountryCode.From("JP"), Credits = "Joint production credit, equal size" }));

        Assert.Equal(["Legal terms › Governing law: — → JP", "Legal terms › Credits: — → Joint production credit, equal size"], changes);
    }

    [Fact]
    public void Two_identical_documents_have_no_changes()
    {
        var deal = Starlight();

        Assert.Empty(DealFacts.Compare(DealDocument.From(deal), DealDocument.From(deal), Names));
    }

    [Fact]
    public void My_last_review_is_my_own_last_step_else_the_last_reviewer_decision_else_the_latest_version()
    {
        var producer = Guid.NewGuid();
        var lawyer = Guid.NewGuid();
        var newcomer = Guid.NewGuid();
        var at = DateTimeOffset.UnixEpoch;
        VersionSummary[] versions =
        [
            new(1, DealStatus.Draft, DealStatus.InLegalReview, at, producer, "P", null),
            new(2, DealStatus.InLegalReview, DealStatus.ChangesRequested, at, lawyer, "L", null),
            new(3, DealStatus.ChangesRequested, DealStatus.InLegalReview, at, producer, "P", null),
        ];

        Assert.Equal(2, VersionQueries.LastReviewOf(versions, lawyer));
        Assert.Equal(3, VersionQueries.LastReviewOf(versions, producer));
        Assert.Equal(2, VersionQueries.LastReviewOf(versions, newcomer));
        Assert.Equal(1, VersionQueries.LastReviewOf(versions[..1], newcomer));
        Assert.Null(VersionQueries.LastReviewOf([], newcomer));
    }
}
