using CoProd.Domain.Common;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Treaties;

public sealed class TreatyRulesOnTests
{
    public static TheoryData<DateOnly, int?> Cases => new()
    {
        { new DateOnly(1999, 12, 31), null },
        { new DateOnly(2000, 1, 1), 1 },
        { new DateOnly(2009, 12, 31), 1 },
        { new DateOnly(2010, 1, 1), 1 },
        { new DateOnly(2019, 12, 31), 1 },
        { new DateOnly(2020, 1, 1), 2 },
        { new DateOnly(2030, 1, 1), 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_rules_on_a_date_are_the_latest_published_version_effective_on_or_before_it_ignoring_drafts(DateOnly date, int? expectedNumber)
    {
        var treaty = BilateralWithoutRules("FR", "CA");
        Publish(treaty, Band(20, 80), new DateOnly(2000, 1, 1));
        Publish(treaty, Band(15, 85), new DateOnly(2020, 1, 1));
        treaty.AddDraftVersion(Guid.NewGuid(), new DateOnly(2010, 1, 1), Band(30, 70), "draft", DateTimeOffset.UnixEpoch, "test");

        Assert.Equal(expectedNumber, treaty.RulesOn(date)?.Number);
    }

    [Theory]
    [InlineData(2015, 2)]
    [InlineData(2021, 1)]
    [InlineData(2005, null)]
    public void The_effective_date_not_the_version_number_decides(int year, int? expectedNumber)
    {
        var treaty = BilateralWithoutRules("FR", "CA");
        Publish(treaty, Band(20, 80), new DateOnly(2020, 1, 1));
        Publish(treaty, Band(15, 85), new DateOnly(2010, 1, 1));

        Assert.Equal(expectedNumber, treaty.RulesOn(new DateOnly(year, 6, 1))?.Number);
    }

    [Fact]
    public void A_treaty_with_only_a_draft_has_no_rules_in_effect()
    {
        var treaty = BilateralWithoutRules("FR", "CA");
        treaty.AddDraftVersion(Guid.NewGuid(), new DateOnly(2000, 1, 1), Band(20, 80), null, DateTimeOffset.UnixEpoch, "test");

        Assert.Null(treaty.RulesOn(Today));
        Assert.Null(treaty.LatestPublished);
    }

    [Fact]
    public void Two_published_versions_cannot_take_effect_on_the_same_date()
    {
        var treaty = BilateralWithoutRules("FR", "CA");
        Publish(treaty, Band(20, 80), new DateOnly(2020, 1, 1));
        var draft = treaty.AddDraftVersion(Guid.NewGuid(), new DateOnly(2020, 1, 1), Band(15, 85), null, DateTimeOffset.UnixEpoch, "test");

        Assert.Throws<DomainException>(() => treaty.PublishVersion(draft.Id, DateTimeOffset.UnixEpoch, "test"));
    }

    [Fact]
    public void A_published_version_cannot_be_revised()
    {
        var treaty = BilateralWithoutRules("FR", "CA");
        var version = Publish(treaty, Band(20, 80), new DateOnly(2020, 1, 1));

        Assert.Throws<DomainException>(() => treaty.ReviseDraft(version.Id, new DateOnly(2020, 1, 1), Band(10, 90), null));
        Assert.Equal(new Percentage(20m), treaty.RulesOn(Today)!.Rules.BilateralShares!.Minimum);
    }
}
