using CoProd.Application.Audit;
using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Application.Eligibility;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;
using CoProd.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoProd.Infrastructure.Persistence.Seed;

/// <summary>
/// Two demo deals for local use, owned by the development producer (see <see cref="DevelopmentUsers"/>), with the
/// second producer as editor and the development lawyer as reviewer: a Japan–US animated feature made without a
/// treaty (after the Japan–US co-production guide in the product's sources: the Japanese partner finances the work
/// in Japan in yen at a locked rate, the US partner the rest in dollars; decision domains split as the guide
/// advises; development milestones with approval gates; a territory and platform split; legal terms partly
/// settled so the checklist shows what is still missing), and a France–Canada feature that qualifies under the
/// 2021 Canada–France agreement. Dates are set relative to the day of seeding, so the milestones show one in its
/// buffer and one overdue. Development only; idempotent: a deal whose title the owner already has is left alone.
/// Every deal is recorded in the audit trail as created by "system (demo data)".
/// </summary>
public sealed partial class DevelopmentDeals
{
    public const string JapanUsTitle = "The Paper Lantern Courier";
    public const string FranceCanadaTitle = "La Fille du gardien de phare";
    public const string AuditName = "system (demo data)";
    public const string OwnerEmail = "producer@coprod.local";
    public const string EditorEmail = "producer2@coprod.local";
    public const string ReviewerEmail = "lawyer@coprod.local";

    /// <summary>Advisory lock key: the ASCII of "COPRODDM" (demo deals).</summary>
    private const long AdvisoryLockKey = 0x434F50524F44444D;

    private readonly CoProdDbContext _db;
    private readonly AuditTrail _audit;
    private readonly TimeProvider _time;
    private readonly ILogger<DevelopmentDeals> _logger;

    public DevelopmentDeals(CoProdDbContext db, AuditTrail audit, TimeProvider time, ILogger<DevelopmentDeals> logger)
    {
        _db = db;
        _audit = audit;
        _time = time;
        _logger = logger;
    }

    /// <summary>Creates the demo deals the development producer does not have yet; returns how many it created.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var owner = await UserIdAsync(OwnerEmail, cancellationToken);
        var editor = await UserIdAsync(EditorEmail, cancellationToken);
        var reviewer = await UserIdAsync(ReviewerEmail, cancellationToken);
        if (owner is null || editor is null || reviewer is null)
        {
            LogNoUsers();
            return 0;
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);

        var names = new CatalogueNames(
            await _db.DecisionDomains.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken),
            await _db.Media.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name, cancellationToken),
            await _db.TerritoryGroups.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, cancellationToken));
        var existing = await _db.Deals.AsNoTracking()
            .Where(d => d.Members.Any(m => m.UserId == owner && m.Role == MemberRole.Owner))
            .Select(d => d.Title)
            .ToListAsync(cancellationToken);
        var now = _time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var created = 0;
        foreach (var (title, build) in new (string, Func<Guid, DateTimeOffset, DateOnly, Deal>)[] { (JapanUsTitle, JapanUs), (FranceCanadaTitle, FranceCanada) })
        {
            if (existing.Contains(title))
            {
                continue;
            }

            var deal = build(owner.Value, now, today);
            deal.AddMember(editor.Value, PersonKind.Producer, MemberRole.Editor, owner.Value, now);
            deal.AddMember(reviewer.Value, PersonKind.Lawyer, MemberRole.Reviewer, owner.Value, now);
            if (deal.Kind == DealKind.Official)
            {
                await RecordEligibilityAsync(deal, now, today, cancellationToken);
            }

            _db.Deals.Add(deal);
            var key = deal.Id.ToString();
            _audit.RecordBySystem(AuditName, "deal", key, deal.Id, "created", DealFacts.Compare(Blank(deal), DealDocument.From(deal), names));
            _audit.RecordBySystem(AuditName, "deal", key, deal.Id, "invited", [
                new FieldChange("Members", DisplayName(EditorEmail), null, "editor"),
                new FieldChange("Members", DisplayName(ReviewerEmail), null, "reviewer"),
            ]);
            created++;
            LogCreated(title);
        }

        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    /// <summary>
    /// The Japan–US animated feature: unofficial (there is no Japan–US treaty), financed in yen and dollars, with the
    /// decision domains the guide advises settling up front.
    /// </summary>
    internal static Deal JapanUs(Guid owner, DateTimeOffset now, DateOnly today)
    {
        var deal = Deal.Create(Guid.NewGuid(), JapanUsTitle, ProductionFormat.Animation, CurrencyCode.From("USD"), 20_000_000m, owner, now);
        deal.SetDetails(
            "A young courier in a floating harbour town delivers paper lanterns that carry people's last words, until one lantern is addressed to her. "
            + "A hand-drawn animated feature made in Tokyo, adapted into English in Los Angeles.",
            ["Japanese", "English"]);
        deal.SetKind(DealKind.Unofficial, null);
        deal.SetSchedule(new DealSchedule(today.AddMonths(-8), today.AddMonths(4), today.AddMonths(7), today.AddMonths(22), today.AddMonths(26), today.AddMonths(27)));

        var tokyo = deal.AddPartner(Guid.NewGuid(), "Hoshizora Animation Studio", Country("JP"), PartnerRole.MajorityDelegate, "Aiko Tanaka, head of production");
        var pacific = deal.AddPartner(Guid.NewGuid(), "Pacific Lantern Pictures", Country("US"), PartnerRole.Minority, "Dana Whitfield, EVP co-productions");
        var rateLocked = today.AddMonths(-3);
        deal.AddContribution(Guid.NewGuid(), tokyo.Id, ContributionKind.Cash, "Production finance for the animation made in Japan",
            new Money(1_650_000_000m, CurrencyCode.From("JPY")), 0.0067m, rateLocked, Country("JP"));
        deal.AddContribution(Guid.NewGuid(), pacific.Id, ContributionKind.Cash, "Production finance for the US share",
            new Money(7_445_000m, CurrencyCode.From("USD")), 1m, rateLocked, Country("US"));
        deal.AddContribution(Guid.NewGuid(), pacific.Id, ContributionKind.InKind, "English adaptation, voice recording and sound post-production in Los Angeles",
            new Money(1_500_000m, CurrencyCode.From("USD")), 1m, rateLocked, Country("US"));
        deal.SetOverages(new OveragePolicy(OverageMode.Capped, 1_000_000m, tokyo.Id,
            "Pro rata up to USD 1m; beyond it Hoshizora, which runs the production in Japan. The yen tranche is fixed at the locked rate, so exchange-rate moves stay with Hoshizora."));

        deal.AddKeyPerson(Guid.NewGuid(), KeyRole.Director, "Haruto Mori", Country("JP"));
        deal.AddKeyPerson(Guid.NewGuid(), KeyRole.Scriptwriter, "Megan Alvarez", Country("US"));
        deal.AddKeyPerson(Guid.NewGuid(), KeyRole.CharacterDesigner, "Yui Sakamoto", Country("JP"));
        deal.AddKeyPerson(Guid.NewGuid(), KeyRole.AnimationDirector, "Kenta Fujiwara", Country("JP"));
        deal.AddKeyPerson(Guid.NewGuid(), KeyRole.Composer, "Rin Ishikawa", Country("JP"));
        deal.AddKeyPerson(Guid.NewGuid(), KeyRole.VoiceLead, "Jordan Price", Country("US"));
        deal.SetLocations([
            new ProductionLocation(LocationKind.Shooting, Country("JP"), "Tokyo (animation studio)"),
            new ProductionLocation(LocationKind.PostProduction, Country("US"), "Los Angeles"),
        ]);

        // "Japanese partner has final authority on character design and voice casting; American partner has final
        // authority on distribution strategy and English adaptation" — the rest joint or approve-within.
        deal.SetDecisionRule(new DecisionRule("character-design", DecisionMode.SoleAuthority, tokyo.Id, []));
        deal.SetDecisionRule(new DecisionRule("voice-casting", DecisionMode.SoleAuthority, tokyo.Id, []));
        deal.SetDecisionRule(new DecisionRule("distribution-strategy", DecisionMode.SoleAuthority, pacific.Id, []));
        deal.SetDecisionRule(new DecisionRule("local-adaptation", DecisionMode.SoleAuthority, pacific.Id, []));
        deal.SetDecisionRule(new DecisionRule("final-cut", DecisionMode.Joint, null, [tokyo.Id, pacific.Id], TieBreak: TieBreak.Escalate,
            Escalation: "Both studio heads meet within 10 business days; if still unresolved after 30 days, mediation in Honolulu."));
        deal.SetDecisionRule(new DecisionRule("script-approval", DecisionMode.ApproveWithin, tokyo.Id, [pacific.Id], 15, DeemedApproval: true));
        deal.SetDecisionRule(new DecisionRule("director", DecisionMode.Joint, null, [tokyo.Id, pacific.Id], TieBreak: TieBreak.CastingVote, TieBreakPartnerId: tokyo.Id));
        deal.SetDecisionRule(new DecisionRule("key-casting", DecisionMode.ApproveWithin, tokyo.Id, [pacific.Id], 10));
        deal.SetDecisionRule(new DecisionRule("budget", DecisionMode.Joint, null, [tokyo.Id, pacific.Id], TieBreak: TieBreak.Escalate,
            Escalation: "The two chief financial officers within 5 business days, then the studio heads."));
        deal.SetDecisionRule(new DecisionRule("overages", DecisionMode.ApproveWithin, tokyo.Id, [pacific.Id], 5, DeemedApproval: true, TieBreak: TieBreak.DeciderPrevails));
        deal.SetDecisionRule(new DecisionRule("marketing", DecisionMode.ApproveWithin, pacific.Id, [tokyo.Id], 10, DeemedApproval: true));

        // Milestone-based development with approval gates, and buffers for consulting Tokyo.
        deal.SaveMilestone(new Milestone(Guid.NewGuid(), "Story bible and world-building", today.AddDays(-150), MilestoneStatus.Done, 14, "script-approval", today.AddDays(-146)));
        deal.SaveMilestone(new Milestone(Guid.NewGuid(), "Character designs locked", today.AddDays(-60), MilestoneStatus.Approved, 14, "character-design", today.AddDays(-52),
            "Approved in Tokyo after two rounds of notes from Los Angeles."));
        deal.SaveMilestone(new Milestone(Guid.NewGuid(), "Development budget and financing plan signed off", today.AddDays(-25), MilestoneStatus.AwaitingApproval, 7, "budget",
            Notes: "Waiting for Pacific Lantern's finance committee."));
        deal.SaveMilestone(new Milestone(Guid.NewGuid(), "Screenplay, second draft", today.AddDays(-4), MilestoneStatus.InProgress, 14, "script-approval",
            Notes: "Buffer agreed at 14 days: the Japanese team consults the original author on every draft."));
        deal.SaveMilestone(new Milestone(Guid.NewGuid(), "Japanese voice cast confirmed", today.AddDays(35), MilestoneStatus.Planned, 10, "voice-casting"));
        deal.SaveMilestone(new Milestone(Guid.NewGuid(), "English adaptation plan and voice director", today.AddDays(50), MilestoneStatus.Planned, 10, "local-adaptation"));
        deal.SaveMilestone(new Milestone(Guid.NewGuid(), "Animatic approved, greenlight to production", today.AddDays(120), MilestoneStatus.Planned, 21, "final-cut"));

        string[] allMedia = ["theatrical", "free-tv", "pay-tv", "svod", "avod", "tvod-est", "home-video", "non-theatrical"];
        string[] restOfWorld = ["latin-america", "africa", "oceania"];
        // Grants name the United States and Canada rather than the "north-america" group: the group includes US
        // territories that the Latin America and Oceania groups also hold, which would make the splits overlap.
        deal.SetRights(new DealRights(
            [
                new RightsGrant(Guid.NewGuid(), tokyo.Id, ["asia"], allMedia, null, null, true, []),
                new RightsGrant(Guid.NewGuid(), pacific.Id, ["US", "CA", "europe"], allMedia, null, null, true, []),
                new RightsGrant(Guid.NewGuid(), tokyo.Id, restOfWorld, ["theatrical", "free-tv", "pay-tv"], null, null, true, [pacific.Id]),
                new RightsGrant(Guid.NewGuid(), pacific.Id, restOfWorld, ["svod", "avod", "tvod-est"], null, null, true, [tokyo.Id],
                    Holdback: "No streaming release in a territory before 90 days after its theatrical release."),
            ],
            [
                new BuyoutRight(Guid.NewGuid(), tokyo.Id, pacific.Id, "Pacific Lantern opposes a sequel or series based on the film for more than 90 days",
                    "Fair market value of Pacific Lantern's share, set by an independent valuer both partners agree on"),
            ],
            [
                new MinimumGuarantee(Guid.NewGuid(), pacific.Id, new Money(2_000_000m, CurrencyCode.From("USD")), "north-america", "Recouped from Pacific Lantern's North American revenues."),
            ],
            "Territory split (Asia / North America and Europe), platform split for the rest of the world"));

        // Partly settled: the production entity's domicile, exit, insurance, the collection account and the tax
        // incentives are still open, so the checklist shows them as missing.
        deal.SetLegalTerms(new LegalTerms
        {
            GoverningLaw = Country("US"),
            DisputeResolution = DisputeResolution.Arbitration,
            Seat = "Singapore",
            ArbitrationRules = "SIAC Rules",
            IpOwnership = IpOwnership.ProportionalToShares,
            Credits = "\"A Hoshizora Animation Studio and Pacific Lantern Pictures co-production\"; both logos in equal size on all materials.",
        });
        return deal;
    }

    /// <summary>A French-language feature, official under the 2021 Canada–France agreement, 60/40, with French and Canadian key people.</summary>
    internal static Deal FranceCanada(Guid owner, DateTimeOffset now, DateOnly today)
    {
        var deal = Deal.Create(Guid.NewGuid(), FranceCanadaTitle, ProductionFormat.FictionFeature, CurrencyCode.From("EUR"), 4_800_000m, owner, now);
        deal.SetDetails(
            "On the Gaspé coast, the daughter of the last lighthouse keeper fights the automation of the light her family has kept for four generations.",
            ["French"]);
        deal.SetKind(DealKind.Official, "ca-fr");
        deal.SetSchedule(new DealSchedule(today.AddMonths(-10), today.AddMonths(2), today.AddMonths(5), today.AddMonths(7), today.AddMonths(12), today.AddMonths(13)));

        var paris = deal.AddPartner(Guid.NewGuid(), "Films du Mistral", Country("FR"), PartnerRole.MajorityDelegate, "Claire Dubois, producer");
        var montreal = deal.AddPartner(Guid.NewGuid(), "Productions Boréales", Country("CA"), PartnerRole.Minority, "Marc-André Tremblay, producer");
        var rateLocked = today.AddMonths(-2);
        deal.AddContribution(Guid.NewGuid(), paris.Id, ContributionKind.Cash, "Cash: pre-sales, CNC support and equity", new Money(2_400_000m, CurrencyCode.From("EUR")), 1m, rateLocked, Country("FR"));
        deal.AddContribution(Guid.NewGuid(), paris.Id, ContributionKind.InKind, "Studio and equipment in Brittany", new Money(480_000m, CurrencyCode.From("EUR")), 1m, rateLocked, Country("FR"));
        deal.AddContribution(Guid.NewGuid(), montreal.Id, ContributionKind.Cash, "Cash: Telefilm Canada, SODEC and tax credits", new Money(3_000_000m, CurrencyCode.From("CAD")), 0.64m, rateLocked, Country("CA"));

        deal.AddKeyPerson(Guid.NewGuid(), KeyRole.Director, "Élise Marchand", Country("FR"));
        deal.AddKeyPerson(Guid.NewGuid(), KeyRole.Scriptwriter, "Geneviève Roy", Country("CA"));
        deal.AddKeyPerson(Guid.NewGuid(), KeyRole.Composer, "Julien Côté", Country("CA"));
        deal.AddKeyPerson(Guid.NewGuid(), KeyRole.LeadActor1, "Camille Lefèvre", Country("FR"));
        deal.AddKeyPerson(Guid.NewGuid(), KeyRole.LeadActor2, "Samuel Gagnon", Country("CA"));
        deal.AddKeyPerson(Guid.NewGuid(), KeyRole.DirectorOfPhotography, "Antoine Girard", Country("FR"));
        deal.AddKeyPerson(Guid.NewGuid(), KeyRole.Editor, "Isabelle Bouchard", Country("CA"));
        deal.AddKeyPerson(Guid.NewGuid(), KeyRole.SoundRecordist, "Thomas Morel", Country("FR"));
        deal.AddKeyPerson(Guid.NewGuid(), KeyRole.ProductionDesigner, "Nadia Lavoie", Country("CA"));
        deal.SetLocations([
            new ProductionLocation(LocationKind.Shooting, Country("FR"), "Brittany"),
            new ProductionLocation(LocationKind.Shooting, Country("CA"), "Gaspésie, Québec"),
            new ProductionLocation(LocationKind.PostProduction, Country("CA"), "Montréal"),
        ]);

        deal.SetDecisionRule(new DecisionRule("final-cut", DecisionMode.ApproveWithin, paris.Id, [montreal.Id], 10, DeemedApproval: true, TieBreak: TieBreak.DeciderPrevails));
        deal.SetDecisionRule(new DecisionRule("script-approval", DecisionMode.Joint, null, [paris.Id, montreal.Id], TieBreak: TieBreak.CastingVote, TieBreakPartnerId: paris.Id));
        deal.SetDecisionRule(new DecisionRule("director", DecisionMode.Joint, null, [paris.Id, montreal.Id]));
        deal.SetDecisionRule(new DecisionRule("key-casting", DecisionMode.Joint, null, [paris.Id, montreal.Id], TieBreak: TieBreak.Escalate,
            Escalation: "The two producers and the director within 7 days; then the majority producer decides."));
        deal.SetDecisionRule(new DecisionRule("budget", DecisionMode.Joint, null, [paris.Id, montreal.Id], TieBreak: TieBreak.CastingVote, TieBreakPartnerId: paris.Id));
        deal.SetDecisionRule(new DecisionRule("overages", DecisionMode.ApproveWithin, paris.Id, [montreal.Id], 5, DeemedApproval: true));
        deal.SetDecisionRule(new DecisionRule("distribution-strategy", DecisionMode.Joint, null, [paris.Id, montreal.Id], TieBreak: TieBreak.Escalate,
            Escalation: "Each producer decides for its own territory; world sales by joint decision, escalated to mediation in Paris."));

        deal.SaveMilestone(new Milestone(Guid.NewGuid(), "Co-production application filed with Telefilm Canada and the CNC", today.AddDays(-40), MilestoneStatus.Done, 7, null, today.AddDays(-41)));
        deal.SaveMilestone(new Milestone(Guid.NewGuid(), "Final shooting script", today.AddDays(-10), MilestoneStatus.Approved, 7, "script-approval", today.AddDays(-12)));
        deal.SaveMilestone(new Milestone(Guid.NewGuid(), "Advance ruling from both competent authorities", today.AddDays(30), MilestoneStatus.AwaitingApproval, 14, null));
        deal.SaveMilestone(new Milestone(Guid.NewGuid(), "Budget locked for pre-production", today.AddDays(45), MilestoneStatus.Planned, 7, "budget"));

        string[] allMedia = ["theatrical", "free-tv", "pay-tv", "svod", "avod", "tvod-est", "home-video", "non-theatrical"];
        deal.SetRights(new DealRights(
            [
                new RightsGrant(Guid.NewGuid(), paris.Id, ["europe"], allMedia, null, null, true, []),
                new RightsGrant(Guid.NewGuid(), montreal.Id, ["CA", "US"], allMedia, null, null, true, []),
                new RightsGrant(Guid.NewGuid(), paris.Id, ["latin-america", "asia", "africa", "oceania"], allMedia, null, null, true, [montreal.Id]),
            ],
            [],
            [],
            "Territory split: each producer its own region, world sales by the French producer"));

        deal.SetLegalTerms(new LegalTerms
        {
            GoverningLaw = Country("FR"),
            DisputeResolution = DisputeResolution.Arbitration,
            Seat = "Paris",
            ArbitrationRules = "ICC Rules of Arbitration",
            ProductionEntityDomicile = Country("FR"),
            IpOwnership = IpOwnership.ProportionalToShares,
            ExitAndTermination = "A partner may withdraw before the start of principal photography on 60 days' notice; the other may take over its share at cost. After that, no withdrawal.",
            Credits = "\"Une coproduction Films du Mistral (France) / Productions Boréales (Canada)\", with the treaty credit required by both competent authorities.",
            Insurance = "Production package and errors-and-omissions insurance taken out by Films du Mistral for both producers.",
            CollectionAccount = "Collection account managed by an independent collection agent; receipts shared in proportion to the financing.",
            TaxIncentives =
            [
                new TaxIncentiveClaim(montreal.Id, "Canadian Film or Video Production Tax Credit (CPTC)"),
                new TaxIncentiveClaim(montreal.Id, "Quebec film and television production tax credit"),
                new TaxIncentiveClaim(paris.Id, "CNC automatic support for the French share"),
            ],
        });
        return deal;
    }

    private async Task RecordEligibilityAsync(Deal deal, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        var treaty = await _db.Treaties.AsNoTracking().Include(t => t.RuleVersions).FirstOrDefaultAsync(t => t.Code == deal.TreatyCode, cancellationToken);
        if (treaty?.RulesOn(today) is null)
        {
            return;
        }

        var report = EligibilityService.Evaluate(deal, treaty, today);
        deal.RecordEligibility(new EligibilityRecord(treaty.Code, treaty.Name, report.RuleVersionId, report.RuleVersionNumber, report.EvaluatedOn, Enums.Name(report.Verdict), now, AuditName));
    }

    private async Task<Guid?> UserIdAsync(string email, CancellationToken cancellationToken) =>
        await _db.Users.AsNoTracking().Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);

    private static CountryCode Country(string code) => CountryCode.From(code);

    private static string DisplayName(string email) => DevelopmentUsers.All.First(u => u.Email == email).DisplayName;

    /// <summary>An empty deal with the same id, to describe creation as "everything added".</summary>
    private static DealDocument Blank(Deal deal) =>
        DealDocument.From(new Deal(deal.Id, deal.Title, deal.Format, deal.Currency, deal.Budget)) with { Title = string.Empty, Budget = 0m };

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the demo deal {Title}")]
    private partial void LogCreated(string title);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo deals not created: the development users are missing")]
    private partial void LogNoUsers();
}
