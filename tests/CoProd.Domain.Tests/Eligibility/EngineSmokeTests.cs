using CoProd.Domain.Eligibility;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Eligibility;

public sealed class EngineSmokeTests
{
    [Fact]
    public void A_minority_share_crossing_the_treaty_minimum_turns_the_verdict_from_fail_to_pass()
    {
        var treaty = Bilateral("FR", "CA", Band(20, 80));
        var below = Deal().Partner("Paris Films", "FR", 8_100_000m).Partner("Montreal Prod", "CA", 1_900_000m).Build();
        var above = Deal().Partner("Paris Films", "FR", 8_000_000m).Partner("Montreal Prod", "CA", 2_000_000m).Build();

        var before = EligibilityEngine.Evaluate(below, treaty, treaty.RuleVersions[0], Today);
        var after = EligibilityEngine.Evaluate(above, treaty, treaty.RuleVersions[0], Today);

        Assert.Equal(Verdict.DoesNotQualify, before.Verdict);
        var minimum = Assert.Single(before.Failures, c => c.RuleId == "share.minimum");
        Assert.Equal("19.00 %", minimum.Measured);
        Assert.Equal(below.Partners[1].Id, minimum.PartnerId);
        Assert.Single(before.Failures, c => c.RuleId == "share.maximum" && c.PartnerId == below.Partners[0].Id);
        Assert.Equal(Verdict.Qualifies, after.Verdict);
    }
}
