using System.Text.Json;
using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Application.Eligibility;
using CoProd.Application.Users;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.Review;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.Review;

/// <summary>What a workflow step left behind: the deal's new concurrency version and the snapshot it took.</summary>
public sealed record TransitionResult(uint Version, int VersionNumber, DealStatus Status);

/// <summary>
/// Moves a deal through Draft → In legal review → Changes requested → Approved → Signed → Archived. Each step is
/// checked by the domain (who may move it where), keeps an immutable snapshot of the whole deal as a numbered
/// version, and is audited, all in one save. Submitting an official deal also records its eligibility check, so
/// the lawyers review the deal together with the treaty rule version it was checked against.
/// </summary>
public sealed class DealWorkflowService
{
    private readonly IApplicationDbContext _db;
    private readonly DealStore _store;
    private readonly ICurrentUser _user;

    public DealWorkflowService(IApplicationDbContext db, DealStore store, ICurrentUser user)
    {
        _db = db;
        _store = store;
        _user = user;
    }

    /// <summary>Past-tense words for the audit trail ("submitted for legal review").</summary>
    public static string AuditAction(DealAction action) => action switch
    {
        DealAction.SubmitForReview => "submitted for legal review",
        DealAction.WithdrawFromReview => "withdrew from review",
        DealAction.RequestChanges => "requested changes",
        DealAction.Approve => "approved",
        DealAction.Reopen => "reopened after approval",
        DealAction.Sign => "recorded signature",
        DealAction.Archive => "archived",
        _ => action.ToString(),
    };

    public async Task<TransitionResult> TransitionAsync(Guid dealId, uint version, DealAction action, string? note, CancellationToken cancellationToken)
    {
        if (!Deal.WorkflowActions.Contains(action))
        {
            throw new RequestValidationException("action", $"'{Enums.Name(action)}' is not a workflow step: use one of {string.Join(", ", Deal.WorkflowActions.Select(a => Enums.Name(a)))}.");
        }

        if (note?.Trim().Length > DealVersion.NoteMaxLength)
        {
            throw new RequestValidationException("note", $"A note has at most {DealVersion.NoteMaxLength} characters.");
        }

        var current = await _store.LoadAsync(dealId, tracking: false, cancellationToken);
        var openChangeRequests = await _db.ReviewComments.CountAsync(c => c.DealId == dealId && c.IsChangeRequest && c.ResolvedAt == null, cancellationToken);
        var number = (await _db.DealVersions.Where(v => v.DealId == dealId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;
        var record = action == DealAction.SubmitForReview ? await EligibilityCheckAsync(current, cancellationToken) : null;

        var status = current.Status;
        var newVersion = await _store.ChangeDescribedAsync(dealId, version, action, AuditAction(action), deal =>
        {
            var from = deal.Transition(action, _store.UserId, _store.IsLawyer, openChangeRequests, note);
            if (record is not null)
            {
                deal.RecordEligibility(record(deal));
            }

            status = deal.Status;
            var snapshot = JsonSerializer.Serialize(DealDocument.From(deal), Json.Options);
            var kept = new DealVersion(Guid.NewGuid(), deal.Id, number, from, deal.Status, snapshot, _store.Now, _store.UserId, _user.DisplayName, note);
            _db.DealVersions.Add(kept);
            return [new FieldChange("Versions", $"Version {number}", null, $"{VersionSummary.StepWords(from, deal.Status)}{(kept.Note is null ? string.Empty : $": {kept.Note}")}")];
        }, cancellationToken);

        return new TransitionResult(newVersion, number, status);
    }

    /// <summary>
    /// For an official deal, the check against its treaty's rules in effect today, to record on submission (a
    /// function of the deal as it stands when the step is taken).
    /// </summary>
    private async Task<Func<Deal, EligibilityRecord>?> EligibilityCheckAsync(Deal deal, CancellationToken cancellationToken)
    {
        if (deal.Kind != DealKind.Official || deal.TreatyCode is null)
        {
            return null;
        }

        var treaty = await _db.Treaties.AsNoTracking().Include(t => t.RuleVersions).FirstOrDefaultAsync(t => t.Code == deal.TreatyCode, cancellationToken)
            ?? throw new DomainException($"The treaty '{deal.TreatyCode}' is no longer on record: choose the treaty again before submitting.");
        if (treaty.RulesOn(_store.Today) is null)
        {
            throw new DomainException($"No published rules of {treaty.Name} are in effect today, so the deal cannot be checked: ask an administrator, or make the deal unofficial.");
        }

        var today = _store.Today;
        var now = _store.Now;
        var by = _user.DisplayName;
        return d =>
        {
            var report = EligibilityService.Evaluate(d, treaty, today);
            return new EligibilityRecord(treaty.Code, treaty.Name, report.RuleVersionId, report.RuleVersionNumber, report.EvaluatedOn, Enums.Name(report.Verdict), now, by);
        };
    }
}
