using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using static CoProd.Domain.Tests.TestData;

namespace CoProd.Domain.Tests.Deals;

public sealed class MilestoneTests
{
    private static readonly DateOnly Due = new(2026, 11, 10);

    private static Milestone Gate(MilestoneStatus status = MilestoneStatus.InProgress, int buffer = 5, DateOnly? due = null, DateOnly? completed = null) =>
        new(Guid.NewGuid(), "Character designs locked", due ?? Due, status, buffer, "character-design", completed);

    [Theory]
    [InlineData("2026-11-09", false, false)]
    [InlineData("2026-11-10", false, false)]
    [InlineData("2026-11-11", false, true)]
    [InlineData("2026-11-15", false, true)]
    [InlineData("2026-11-16", true, false)]
    public void A_milestone_is_in_its_buffer_after_the_due_date_and_overdue_after_the_buffer(string today, bool overdue, bool inBuffer)
    {
        var milestone = Gate();
        var date = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(overdue, milestone.IsOverdue(date));
        Assert.Equal(inBuffer, milestone.IsInBuffer(date));
    }

    [Theory]
    [InlineData(MilestoneStatus.Planned, true)]
    [InlineData(MilestoneStatus.InProgress, true)]
    [InlineData(MilestoneStatus.AwaitingApproval, true)]
    [InlineData(MilestoneStatus.Blocked, true)]
    [InlineData(MilestoneStatus.Approved, false)]
    [InlineData(MilestoneStatus.Done, false)]
    public void Only_unfinished_milestones_are_ever_overdue(MilestoneStatus status, bool overdue)
    {
        var milestone = Gate(status, completed: status is MilestoneStatus.Approved or MilestoneStatus.Done ? Due : null);

        Assert.Equal(overdue, milestone.IsOverdue(Due.AddDays(30)));
        Assert.Equal(overdue ? 25 : 0, milestone.DaysOverdue(Due.AddDays(30)));
    }

    [Fact]
    public void A_milestone_without_a_due_date_is_never_late()
    {
        var milestone = Gate() with { DueDate = null };

        Assert.False(milestone.IsOverdue(Due.AddYears(5)));
        Assert.False(milestone.IsInBuffer(Due.AddYears(5)));
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(5, 0)]
    public void The_buffer_days_left_count_down_to_the_last_day(int daysLate, int left) =>
        Assert.Equal(left, Gate().BufferDaysLeft(Due.AddDays(daysLate)));

    [Theory]
    [InlineData(-1)]
    [InlineData(Milestone.MaxBufferDays + 1)]
    public void Buffer_days_are_between_zero_and_a_year(int buffer)
    {
        var deal = Deal().Build();

        Assert.Throws<DomainException>(() => deal.SaveMilestone(Gate(buffer: buffer)));
    }

    [Theory]
    [InlineData(MilestoneStatus.Planned)]
    [InlineData(MilestoneStatus.InProgress)]
    [InlineData(MilestoneStatus.AwaitingApproval)]
    [InlineData(MilestoneStatus.Blocked)]
    public void Only_an_approved_or_done_milestone_has_a_completion_date(MilestoneStatus status)
    {
        var deal = Deal().Build();

        var error = Assert.Throws<DomainException>(() => deal.SaveMilestone(Gate(status, completed: Due)));

        Assert.Contains("completion date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Saving_trims_the_name_and_notes_lowers_the_domain_and_replaces_by_id()
    {
        var deal = Deal().Build();
        var milestone = Gate() with { Name = "  Animatic  ", Notes = "   ", ApprovalDomainCode = " Final-Cut " };
        deal.SaveMilestone(milestone);

        deal.SaveMilestone(milestone with { Status = MilestoneStatus.Done, CompletedOn = Due });

        var saved = Assert.Single(deal.Milestones);
        Assert.Equal("Animatic", saved.Name);
        Assert.Null(saved.Notes);
        Assert.Equal("final-cut", saved.ApprovalDomainCode);
        Assert.Equal(MilestoneStatus.Done, saved.Status);
    }

    [Fact]
    public void Removing_a_milestone_that_is_not_there_says_so()
    {
        var deal = Deal().Build();

        var error = Assert.Throws<DomainException>(() => deal.RemoveMilestone(Guid.NewGuid()));

        Assert.Contains("not in this deal", error.Message, StringComparison.Ordinal);
    }
}
