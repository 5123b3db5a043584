using CoProd.Domain.Deals;
using static CoProd.Web.Tests.Security.Outcome;

namespace CoProd.Web.Tests.Security;

/// <summary>Who calls: nobody, a member of the test deal in each role, outsiders of each kind, an administrator.</summary>
public enum Caller
{
    Anonymous,

    /// <summary>A producer who owns the deal.</summary>
    Owner,

    /// <summary>A producer who edits it.</summary>
    Editor,

    /// <summary>A lawyer who reviews it.</summary>
    Reviewer,

    /// <summary>A producer who may only read it.</summary>
    Viewer,

    /// <summary>A producer who is not a member.</summary>
    ProducerOutsider,

    /// <summary>A lawyer who is not a member.</summary>
    LawyerOutsider,

    /// <summary>An administrator (of reference data only), not a member.</summary>
    Admin,
}

/// <summary>What a call must come to.</summary>
public enum Outcome
{
    /// <summary>2xx, or a redirect anywhere but the sign-in page.</summary>
    Allowed,

    /// <summary>Pages: a redirect to the sign-in page; the API: 401.</summary>
    SignIn,

    /// <summary>403: the caller's role (or the deal's rules) refuse it.</summary>
    Forbidden,

    /// <summary>404: for a deal, what a non-member always gets.</summary>
    NotFound,

    /// <summary>
    /// 400 from a page form post whose form the page does not render for this caller (Blazor refuses a post to a
    /// form that is not on the page; the probe's antiforgery token is valid): the page offers no such action to them.
    /// </summary>
    NotOffered,

    /// <summary>400 for another reason (a framework endpoint given nothing to work on).</summary>
    BadRequest,
}

/// <summary>The expected outcome for each caller.</summary>
public sealed record Expect(Outcome Anonymous, Outcome Owner, Outcome Editor, Outcome Reviewer, Outcome Viewer, Outcome ProducerOutsider, Outcome LawyerOutsider, Outcome Admin)
{
    public Outcome For(Caller caller) => caller switch
    {
        Caller.Anonymous => Anonymous,
        Caller.Owner => Owner,
        Caller.Editor => Editor,
        Caller.Reviewer => Reviewer,
        Caller.Viewer => Viewer,
        Caller.ProducerOutsider => ProducerOutsider,
        Caller.LawyerOutsider => LawyerOutsider,
        _ => Admin,
    };

    /// <summary>The same for everybody, signed in or not.</summary>
    public static Expect Everyone(Outcome outcome) => new(outcome, outcome, outcome, outcome, outcome, outcome, outcome, outcome);

    /// <summary>Any signed-in user; anonymous callers are sent to sign in.</summary>
    public static Expect SignedIn(Outcome outcome = Allowed) => Everyone(outcome) with { Anonymous = SignIn };

    /// <summary>Producers and lawyers (policy DealPeople); administrators get 403.</summary>
    public static Expect DealPeople(Outcome outcome = Allowed) => SignedIn(outcome) with { Admin = Forbidden };

    /// <summary>Producers only (policy Producer).</summary>
    public static Expect Producers(Outcome outcome = Allowed) => DealPeople(outcome) with { Reviewer = Forbidden, LawyerOutsider = Forbidden };

    /// <summary>
    /// A deal's page or API route: members in <paramref name="may"/> are allowed, other members get
    /// <paramref name="refused"/>, non-members 404, administrators 403 (the DealPeople policy comes first).
    /// </summary>
    public static Expect Members(Outcome refused, params MemberRole[] may) => new(
        SignIn,
        may.Contains(MemberRole.Owner) ? Allowed : refused,
        may.Contains(MemberRole.Editor) ? Allowed : refused,
        may.Contains(MemberRole.Reviewer) ? Allowed : refused,
        may.Contains(MemberRole.Viewer) ? Allowed : refused,
        NotFound,
        NotFound,
        Forbidden);

    /// <summary>Every member may read it.</summary>
    public static Expect MemberRead { get; } = Members(Forbidden, MemberRole.Owner, MemberRole.Editor, MemberRole.Reviewer, MemberRole.Viewer);
}

/// <summary>How to call an endpoint: its kind of request, and what to send.</summary>
public enum ProbeKind
{
    /// <summary>A plain request with no body (GET, DELETE …), by the caller's cookie (pages) or bearer token (/api).</summary>
    Plain,

    /// <summary>A Blazor page form post: antiforgery token, the form's name and its fields.</summary>
    PageForm,

    /// <summary>A form post to a minimal endpoint (htmx fragments, logout): antiforgery token and the fields.</summary>
    Form,

    /// <summary>A JSON body (the API).</summary>
    Json,
}

/// <summary>
/// One route and method with the request that probes it and the outcome expected for every caller. In paths and
/// bodies these tokens are replaced: {deal} the test deal's id, {version} its concurrency version, {partner} its
/// first partner, {thread} an open comment by the reviewer, {resolved} a resolved one, {viewer} the viewer's user
/// id, {invitee} the e-mail of a producer who is on no deal, {user:NAME} the id of one of the fixture's spare users
/// (see <c>MatrixFixture.SpareUsers</c>), {rate} an exchange rate on record, {etag:PATH} the ETag an administrator
/// gets from GET PATH and {etag:PATH#CODE} the version of the row with that code in the list PATH answers; route
/// parameters in the path ({Id:guid}, {id:guid}, {number:int} …) are filled from the same scene unless the rule
/// gives its own <see cref="Path"/>.
/// </summary>
public sealed record Rule(string Pattern, string Method, Expect Expect)
{
    public ProbeKind Kind { get; init; } = ProbeKind.Plain;

    /// <summary>The address to call, when the pattern's parameters need particular values.</summary>
    public string? Path { get; init; }

    public string? FormName { get; init; }

    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    public string? JsonBody { get; init; }

    /// <summary>The body's media type, when not JSON.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>The If-Match header to send (the admin API's optimistic concurrency), with tokens.</summary>
    public string? IfMatch { get; init; }

    /// <summary>The call ends the caller's session (sign-out): run it on a session of its own.</summary>
    public bool FreshSession { get; init; }

    /// <summary>Changes data when allowed: run it on a deal of its own, and check that a refusal changed nothing.</summary>
    public bool Changes { get; init; }

    public string Key => $"{Method} {Pattern}";
}

/// <summary>
/// THE AUTHORIZATION MATRIX: every endpoint of the app, and what each caller must get from it. The test walks it
/// and fails for any endpoint that has no rule here, so a new page, fragment or API route cannot ship without
/// saying who may use it.
///
/// To add a route: add a rule below with its route pattern exactly as the app registers it (the failure message
/// lists the missing ones, e.g. "GET /deals/{Id:guid}/decisions") and the method, an <see cref="Expect"/> preset
/// (<see cref="Expect.MemberRead"/>, <see cref="Expect.Members"/>, <see cref="Expect.DealPeople"/>,
/// <see cref="Expect.Producers"/>, an admin-only expectation …) and a probe: a GET needs nothing more; a page form post
/// names a form and its fields (<see cref="PageForm"/>); an API call its JSON (<see cref="Json"/>). Mark probes
/// that change data with <c>Changes = true</c> (the helpers do).
/// </summary>
public static class AuthorizationRules
{
    /// <summary>Administrators only (for the reference-data pages and /api/admin routes).</summary>
    public static Expect AdminOnly { get; } = Expect.SignedIn(Forbidden) with { Admin = Allowed };

    public static IReadOnlyList<Rule> All { get; } =
    [
        // The shell, errors and status pages.
        new("/", "GET", Expect.SignedIn()),
        PageForm("/", "none", Expect.SignedIn(NotOffered)) with { Changes = false },
        new("/error", "GET", Expect.Everyone(Allowed)),
        PageForm("/error", "none", Expect.Everyone(NotOffered)) with { Changes = false },
        new("/not-found", "GET", Expect.Everyone(Allowed)),
        PageForm("/not-found", "none", Expect.Everyone(NotOffered)) with { Changes = false },
        new("/status/{Code:int}", "GET", Expect.Everyone(Allowed)) { Path = "/status/403" },
        PageForm("/status/{Code:int}", "none", Expect.Everyone(NotOffered)) with { Path = "/status/403", Changes = false },
        new("/_framework/opaque-redirect", "GET", Expect.SignedIn(BadRequest)),
        new("/health/live", "*", Expect.Everyone(Allowed)),
        new("/health/ready", "*", Expect.Everyone(Allowed)),
        new("/openapi/{documentName}.json", "GET", Expect.Everyone(Allowed)) { Path = "/openapi/v1.json" },

        // Accounts.
        new("/account/login", "GET", Expect.Everyone(Allowed)),
        PageForm("/account/login", "login", Expect.Everyone(Allowed), ("Input.Email", "nobody-here@test.coprod.local"), ("Input.Password", "not the password")) with { Changes = false },
        new("/account/password", "GET", Expect.SignedIn()),
        PageForm("/account/password", "change-password", Expect.SignedIn(), ("Input.Current", "not the password"), ("Input.New", "an entirely new passphrase"), ("Input.Confirm", "an entirely new passphrase")) with { Changes = false },
        new("/account/logout", "POST", Expect.SignedIn()) { Kind = ProbeKind.Form, FreshSession = true },
        Json("/api/auth/token", "POST", Expect.Everyone(Allowed), """{ "email": "{tokenEmail}", "password": "{tokenPassword}" }""") with { Changes = false },
        Json("/api/auth/refresh", "POST", Expect.Everyone(Allowed), """{ "refreshToken": "{refreshToken}" }""") with { Changes = false },

        // Reference data and the stateless eligibility check.
        new("/api/treaties/", "GET", Expect.SignedIn()),
        new("/api/treaties/{code}", "GET", Expect.SignedIn()) { Path = "/api/treaties/ca-gb" },
        Json("/api/eligibility", "POST", Expect.SignedIn(), """
            { "treaty": "ca-gb", "deal": { "title": "Probe", "currency": "CAD", "budget": 1000000, "partners": [
              { "company": "Maple Films", "country": "CA", "role": "majorityDelegate", "contributions": [ { "amount": 600000 } ] },
              { "company": "Thames Pictures", "country": "GB", "role": "minority", "contributions": [ { "amount": 400000 } ] } ] } }
            """) with { Changes = false },

        // The deal list and a new deal.
        new("/deals", "GET", Expect.DealPeople()),
        PageForm("/deals", "none", Expect.DealPeople(NotOffered)) with { Changes = false },
        new("/deals/new", "GET", Expect.Producers()),
        PageForm("/deals/new", "new-deal", Expect.Producers(), ("Model.Title", "Matrix probe"), ("Model.Format", "documentary"), ("Model.Currency", "EUR"), ("Model.Budget", "500000"), ("Model.Kind", "undecided")),

        // A deal's pages: every member reads; each form is offered to those who may use it.
        new("/deals/{Id:guid}", "GET", Expect.MemberRead),
        PageForm("/deals/{Id:guid}", "project", Expect.Members(NotOffered, MemberRole.Owner, MemberRole.Editor),
            ("Model.Title", "Renamed by the matrix"), ("Model.Format", "fictionFeature"), ("Model.Currency", "CAD"), ("Model.Budget", "1000000"), ("Model.Kind", "official"), ("Model.TreatyCode", "ca-gb")),
        new("/deals/{Id:guid}/partners", "GET", Expect.MemberRead),
        PageForm("/deals/{Id:guid}/partners", "partner", Expect.Members(NotOffered, MemberRole.Owner, MemberRole.Editor),
            ("PartnerForm.Company", "Probe Films"), ("PartnerForm.Country", "CA"), ("PartnerForm.Role", "minority")),
        new("/deals/{id:guid}/preview/contribution", "POST", Expect.MemberRead) { Kind = ProbeKind.Form, Fields = Fields(("ContributionForm.PartnerId", "{partner}"), ("ContributionForm.Amount", "250000")) },
        new("/deals/{Id:guid}/people", "GET", Expect.MemberRead),
        PageForm("/deals/{Id:guid}/people", "location", Expect.Members(NotOffered, MemberRole.Owner, MemberRole.Editor),
            ("LocationForm.Kind", "shooting"), ("LocationForm.Country", "CA")),
        new("/deals/{Id:guid}/eligibility", "GET", Expect.MemberRead),
        PageForm("/deals/{Id:guid}/eligibility", "record-check", Expect.Members(NotOffered, MemberRole.Owner, MemberRole.Editor)),
        new("/deals/{Id:guid}/decisions", "GET", Expect.MemberRead),
        PageForm("/deals/{Id:guid}/decisions", "rule", Expect.Members(NotOffered, MemberRole.Owner, MemberRole.Editor),
            ("RuleForm.DomainCode", "final-cut"), ("RuleForm.Mode", "soleAuthority"), ("RuleForm.DeciderPartnerId", "{partner}")),
        new("/deals/{Id:guid}/milestones", "GET", Expect.MemberRead),
        PageForm("/deals/{Id:guid}/milestones", "milestone", Expect.Members(NotOffered, MemberRole.Owner, MemberRole.Editor),
            ("MilestoneForm.Name", "Picture lock"), ("MilestoneForm.DueDate", "2027-06-01"), ("MilestoneForm.Status", "planned")),
        new("/deals/{Id:guid}/legal", "GET", Expect.MemberRead),
        PageForm("/deals/{Id:guid}/legal", "legal", Expect.Members(NotOffered, MemberRole.Owner, MemberRole.Editor),
            ("LegalForm.GoverningLaw", "GB"), ("LegalForm.DisputeResolution", "court")),
        new("/deals/{Id:guid}/rights", "GET", Expect.MemberRead),
        PageForm("/deals/{Id:guid}/rights", "grant", Expect.Members(NotOffered, MemberRole.Owner, MemberRole.Editor),
            ("GrantForm.PartnerId", "{partner}"), ("GrantForm.Countries", "CA"), ("GrantForm.Media", "free-tv")),
        new("/deals/{Id:guid}/members", "GET", Expect.MemberRead),
        PageForm("/deals/{Id:guid}/members", "invite", Expect.Members(NotOffered, MemberRole.Owner), ("Invite.Email", "{invitee}"), ("Invite.Role", "viewer")),
        new("/deals/{Id:guid}/review", "GET", Expect.MemberRead),
        PageForm("/deals/{Id:guid}/review", "comment", Expect.Members(NotOffered, MemberRole.Owner, MemberRole.Editor, MemberRole.Reviewer),
            ("CommentForm.Anchor", "legal:law"), ("CommentForm.Body", "Which law governs?")),
        new("/deals/{Id:guid}/history", "GET", Expect.MemberRead),
        PageForm("/deals/{Id:guid}/history", "none", Expect.Members(NotOffered)) with { Changes = false },

        // The deal API: the same rules, as status codes.
        new("/api/deals/", "GET", Expect.DealPeople()),
        new("/api/deals/{id:guid}", "GET", Expect.MemberRead),
        new("/api/deals/{id:guid}/eligibility", "GET", Expect.MemberRead),
        Json("/api/deals/{id:guid}/transitions", "POST", Expect.Members(Forbidden, MemberRole.Owner, MemberRole.Editor), """{ "action": "submitForReview", "version": {version}, "note": "Ready" }"""),
        Json("/api/deals/", "POST", Expect.Producers(), """{ "title": "Matrix API deal", "format": "documentary", "currency": "EUR", "budget": 500000, "kind": "undecided" }"""),
        Json("/api/deals/{id:guid}/project", "PUT", WriteMoney, """{ "version": {version}, "title": "Matrix deal, renamed", "format": "fictionFeature", "currency": "CAD", "budget": 1000000, "kind": "official", "treatyCode": "ca-gb" }"""),
        Json("/api/deals/{id:guid}/partners", "POST", WriteStructure, """{ "version": {version}, "company": "Matrix Partner", "country": "FR", "role": "minority" }"""),
        Json("/api/deals/{id:guid}/partners/{partnerId:guid}", "PUT", WriteStructure, """{ "version": {version}, "company": "Maple Films Inc.", "country": "CA", "role": "majorityDelegate" }"""),
        new("/api/deals/{id:guid}/partners/{partnerId:guid}", "DELETE", WriteMoney) { Path = "/api/deals/{deal}/partners/{partner}?version={version}", Changes = true },
        Json("/api/deals/{id:guid}/contributions", "POST", WriteMoney, """{ "version": {version}, "partnerId": "{partner}", "kind": "cash", "description": "Matrix cash", "amount": 1000, "currency": "CAD", "spendCountry": "CA" }"""),
        Json("/api/deals/{id:guid}/contributions/{contributionId:guid}", "PUT", WriteMoney, """{ "version": {version}, "partnerId": "{partner}", "kind": "cash", "description": "Equity", "amount": 650000, "currency": "CAD", "spendCountry": "CA" }"""),
        new("/api/deals/{id:guid}/contributions/{contributionId:guid}", "DELETE", WriteMoney) { Path = "/api/deals/{deal}/contributions/{contribution}?version={version}", Changes = true },
        Json("/api/deals/{id:guid}/overages", "PUT", WriteMoney, """{ "version": {version}, "mode": "borneByPartner", "responsiblePartnerId": "{partner}" }"""),
        Json("/api/deals/{id:guid}/people", "POST", WriteStructure, """{ "version": {version}, "role": "scriptwriter", "name": "Matrix Writer", "nationality": "GB" }"""),
        Json("/api/deals/{id:guid}/people/{personId:guid}", "PUT", WriteStructure, """{ "version": {version}, "role": "director", "name": "Matrix Director", "nationality": "GB" }"""),
        new("/api/deals/{id:guid}/people/{personId:guid}", "DELETE", WriteStructure) { Path = "/api/deals/{deal}/people/{person}?version={version}", Changes = true },
        Json("/api/deals/{id:guid}/places", "POST", WriteStructure, """{ "version": {version}, "kind": "postProduction", "country": "GB", "place": "London" }"""),
        new("/api/deals/{id:guid}/places/{index:int}", "DELETE", WriteStructure) { Path = "/api/deals/{deal}/places/0?version={version}", Changes = true },
        Json("/api/deals/{id:guid}/eligibility/record", "POST", WriteStructure, """{ "version": {version} }"""),
        Json("/api/deals/{id:guid}/decisions", "PUT", WriteStructure, """{ "version": {version}, "domainCode": "budget", "mode": "joint", "approverPartnerIds": [ "{partner}", "{otherPartner}" ] }"""),
        new("/api/deals/{id:guid}/decisions/{domainCode}", "DELETE", WriteStructure) { Path = "/api/deals/{deal}/decisions/final-cut?version={version}", Changes = true },
        Json("/api/deals/{id:guid}/milestones", "POST", WriteStructure, """{ "version": {version}, "name": "Delivery", "dueDate": "2028-01-15", "status": "planned", "bufferDays": 5 }"""),
        Json("/api/deals/{id:guid}/milestones/{milestoneId:guid}", "PUT", WriteStructure, """{ "version": {version}, "name": "Picture lock", "dueDate": "2027-06-15", "status": "inProgress", "bufferDays": 10 }"""),
        new("/api/deals/{id:guid}/milestones/{milestoneId:guid}", "DELETE", WriteStructure) { Path = "/api/deals/{deal}/milestones/{milestone}?version={version}", Changes = true },
        Json("/api/deals/{id:guid}/legal", "PUT", WriteStructure, """{ "version": {version}, "governingLaw": "CA", "disputeResolution": "arbitration", "seat": "Montreal", "arbitrationRules": "ICC Rules" }"""),
        Json("/api/deals/{id:guid}/legal/incentives", "POST", WriteStructure, """{ "version": {version}, "partnerId": "{otherPartner}", "incentive": "UK Independent Film Tax Credit" }"""),
        new("/api/deals/{id:guid}/legal/incentives/{index:int}", "DELETE", WriteStructure) { Path = "/api/deals/{deal}/legal/incentives/0?version={version}", Changes = true },
        Json("/api/deals/{id:guid}/rights/grants", "POST", WriteStructure, """{ "version": {version}, "partnerId": "{otherPartner}", "countries": "GB", "media": [ "svod" ], "exclusive": true }"""),
        Json("/api/deals/{id:guid}/rights/grants/{grantId:guid}", "PUT", WriteStructure, """{ "version": {version}, "partnerId": "{partner}", "countries": "CA", "media": [ "theatrical", "svod" ], "exclusive": true }"""),
        new("/api/deals/{id:guid}/rights/grants/{grantId:guid}", "DELETE", WriteStructure) { Path = "/api/deals/{deal}/rights/grants/{grant}?version={version}", Changes = true },
        Json("/api/deals/{id:guid}/rights/territory-split", "POST", WriteStructure, """{ "version": {version}, "shares": [ { "partnerId": "{partner}", "countries": "CA" }, { "partnerId": "{otherPartner}", "countries": "GB" } ], "media": [ "theatrical" ], "confirmReplace": true }"""),
        Json("/api/deals/{id:guid}/rights/platform-split", "POST", WriteStructure, """{ "version": {version}, "shares": [ { "partnerId": "{partner}", "media": [ "theatrical" ] }, { "partnerId": "{otherPartner}", "media": [ "svod" ] } ], "confirmReplace": true }"""),
        Json("/api/deals/{id:guid}/rights/joint-control", "POST", WriteStructure, """{ "version": {version}, "confirmReplace": true }"""),
        Json("/api/deals/{id:guid}/rights/buyouts", "POST", WriteStructure, """{ "version": {version}, "holderPartnerId": "{otherPartner}", "fromPartnerId": "{partner}", "trigger": "Insolvency", "priceBasis": "Book value" }"""),
        new("/api/deals/{id:guid}/rights/buyouts/{buyoutId:guid}", "DELETE", WriteStructure) { Path = "/api/deals/{deal}/rights/buyouts/{buyout}?version={version}", Changes = true },
        Json("/api/deals/{id:guid}/rights/guarantees", "POST", WriteMoney, """{ "version": {version}, "partnerId": "{partner}", "amount": 25000, "currency": "CAD" }"""),
        new("/api/deals/{id:guid}/rights/guarantees/{guaranteeId:guid}", "DELETE", WriteMoney) { Path = "/api/deals/{deal}/rights/guarantees/{guarantee}?version={version}", Changes = true },
        Json("/api/deals/{id:guid}/rights/terms", "PUT", WriteMoney, """{ "version": {version}, "structure": "Territory split", "revenueSharing": "60/40 world-wide" }"""),
        new("/api/deals/{id:guid}/versions", "GET", Expect.MemberRead),
        new("/api/deals/{id:guid}/versions/{number:int}", "GET", Expect.MemberRead),
        new("/api/deals/{id:guid}/versions/{from:int}/compare/{to}", "GET", Expect.MemberRead),
        new("/api/deals/{id:guid}/comments", "GET", Expect.MemberRead),
        Json("/api/deals/{id:guid}/comments", "POST", Expect.Members(Forbidden, MemberRole.Owner, MemberRole.Editor, MemberRole.Reviewer), """{ "anchor": "legal:law", "body": "Which law governs?" }"""),
        Json("/api/deals/{id:guid}/comments/{commentId:guid}/resolve", "POST", Expect.Members(Forbidden, MemberRole.Owner, MemberRole.Reviewer), null) with { Path = "/api/deals/{deal}/comments/{thread}/resolve" },
        Json("/api/deals/{id:guid}/comments/{commentId:guid}/reopen", "POST", Expect.Members(Forbidden, MemberRole.Owner, MemberRole.Reviewer), null) with { Path = "/api/deals/{deal}/comments/{resolved}/reopen" },
        new("/api/deals/{id:guid}/members", "GET", Expect.MemberRead),
        Json("/api/deals/{id:guid}/members", "POST", Expect.Members(Forbidden, MemberRole.Owner), """{ "email": "{invitee}", "role": "viewer", "version": {version} }"""),
        Json("/api/deals/{id:guid}/members/{userId:guid}", "PUT", Expect.Members(Forbidden, MemberRole.Owner), """{ "role": "editor", "version": {version} }"""),
        new("/api/deals/{id:guid}/members/{userId:guid}", "DELETE", Expect.Members(Forbidden, MemberRole.Owner)) { Path = "/api/deals/{deal}/members/{viewer}?version={version}", Changes = true },
        new("/api/deals/{id:guid}/audit", "GET", Expect.MemberRead),

        // Public treaty pages: any signed-in user.
        new("/treaties", "GET", Expect.SignedIn()),
        PageForm("/treaties", "none", Expect.SignedIn(NotOffered)) with { Changes = false },
        new("/treaties/{Code}", "GET", Expect.SignedIn()) { Path = "/treaties/ca-fr" },
        PageForm("/treaties/{Code}", "none", Expect.SignedIn(NotOffered)) with { Path = "/treaties/ca-fr", Changes = false },
        new("/api/rates/suggestion", "GET", Expect.SignedIn()) { Path = "/api/rates/suggestion?from=EUR&to=CAD&date=2026-03-01" },

        // The admin pages: administrators only; everyone else 403 (anonymous callers sign in first).
        new("/admin", "GET", AdminOnly),
        PageForm("/admin", "none", AdminOnly with { Admin = NotOffered }) with { Changes = false },
        new("/admin/treaties", "GET", AdminOnly),
        PageForm("/admin/treaties", "none", AdminOnly with { Admin = NotOffered }) with { Changes = false },
        new("/admin/treaties/new", "GET", AdminOnly),
        PageForm("/admin/treaties/new", "treaty", AdminOnly, ("Form.Code", "mx-page-new"), ("Form.Name", "Matrix page treaty"), ("Form.Kind", "bilateral"),
            ("Form.InForceFrom", "2020-01-01"), ("Form.Parties[0].Country", "NZ"), ("Form.Parties[1].Country", "JP")),
        new("/admin/treaties/import", "GET", AdminOnly),
        PageForm("/admin/treaties/import", "import", AdminOnly, ("Text", TreatyFile("mx-page-import"))),
        new("/admin/treaties/{Code}", "GET", AdminOnly) { Path = "/admin/treaties/ca-fr" },
        PageForm("/admin/treaties/{Code}", "new-draft", AdminOnly, ("Version", "{etag:/api/admin/treaties/mx-page-draft}")) with { Path = "/admin/treaties/mx-page-draft" },
        new("/admin/treaties/{Code}/history", "GET", AdminOnly) { Path = "/admin/treaties/ca-fr/history" },
        PageForm("/admin/treaties/{Code}/history", "none", AdminOnly with { Admin = NotOffered }) with { Path = "/admin/treaties/ca-fr/history", Changes = false },
        new("/admin/treaties/{Code}/versions/{Number:int}", "GET", AdminOnly) { Path = "/admin/treaties/ca-fr/versions/1" },
        PageForm("/admin/treaties/{Code}/versions/{Number:int}", "publish", AdminOnly, ("Version", "{etag:/api/admin/treaties/mx-page-publish}"), ("PublishForm.EffectiveFrom", "2024-01-01"))
            with { Path = "/admin/treaties/mx-page-publish/versions/2" },
        new("/admin/countries", "GET", AdminOnly),
        PageForm("/admin/countries", "add-country", AdminOnly, ("AddForm.Code", "QM"), ("AddForm.Name", "Matrix Page Land")),
        new("/admin/currencies", "GET", AdminOnly),
        PageForm("/admin/currencies", "add-currency", AdminOnly, ("AddForm.Code", "QMP"), ("AddForm.Name", "Matrix page crown"), ("AddForm.MinorUnits", "2")),
        new("/admin/rates", "GET", AdminOnly),
        PageForm("/admin/rates", "add-rate", AdminOnly, ("AddForm.On", "2026-04-01"), ("AddForm.Base", "EUR"), ("AddForm.Quote", "CAD"), ("AddForm.Rate", "1.52"), ("AddForm.Source", "Matrix page")),
        new("/admin/catalogues/{Slug}", "GET", AdminOnly) { Path = "/admin/catalogues/media" },
        PageForm("/admin/catalogues/{Slug}", "entry", AdminOnly, ("Form.Code", "matrix-page-medium"), ("Form.Name", "Matrix page medium"), ("Form.SortOrder", "90"))
            with { Path = "/admin/catalogues/media" },
        new("/admin/history", "GET", AdminOnly),
        PageForm("/admin/history", "none", AdminOnly with { Admin = NotOffered }) with { Changes = false },
        new("/admin/users", "GET", AdminOnly),
        PageForm("/admin/users", "invite", AdminOnly, ("Form.Email", "matrix-page-invite@test.coprod.local"), ("Form.DisplayName", "Matrix Page Invite"), ("Form.Producer", "true"),
            ("Form.Password", "a long enough matrix passphrase")),
        new("/admin/users/{Id:guid}", "GET", AdminOnly) { Path = "/admin/users/{user:roles-page}" },
        PageForm("/admin/users/{Id:guid}", "roles", AdminOnly, ("Form.Producer", "true"), ("Form.Lawyer", "true")) with { Path = "/admin/users/{user:roles-page}" },

        // The admin API: the same, as status codes.
        new("/api/admin/treaties/", "GET", AdminOnly),
        new("/api/admin/treaties/export", "GET", AdminOnly) { Path = "/api/admin/treaties/export?code=ca-fr" },
        new("/api/admin/treaties/{code}", "GET", AdminOnly) { Path = "/api/admin/treaties/ca-fr" },
        Json("/api/admin/treaties/", "POST", AdminOnly, TreatyJson("mx-api-new")),
        Json("/api/admin/treaties/import", "POST", AdminOnly, TreatyFile("mx-api-import")),
        Json("/api/admin/treaties/{code}", "PUT", AdminOnly, TreatyJson("mx-api-put", "Matrix treaty, renamed")) with
            { Path = "/api/admin/treaties/mx-api-put", IfMatch = "{etag:/api/admin/treaties/mx-api-put}" },
        Json("/api/admin/treaties/{code}/end", "POST", AdminOnly, """{ "terminatedOn": "2031-01-01", "note": "Denounced in the matrix." }""") with
            { Path = "/api/admin/treaties/mx-api-end/end", IfMatch = "{etag:/api/admin/treaties/mx-api-end}" },
        Json("/api/admin/treaties/{code}/versions", "POST", AdminOnly, $$"""{ "effectiveFrom": "2025-01-01", "changeNote": "Matrix draft", "rules": {{Rules(15)}} }""") with
            { Path = "/api/admin/treaties/mx-api-versions/versions", IfMatch = "{etag:/api/admin/treaties/mx-api-versions}" },
        Json("/api/admin/treaties/{code}/versions/{number:int}", "PUT", AdminOnly, $$"""{ "effectiveFrom": "2025-06-01", "changeNote": "Matrix edit", "rules": {{Rules(12)}} }""") with
            { Path = "/api/admin/treaties/mx-api-edit/versions/2", IfMatch = "{etag:/api/admin/treaties/mx-api-edit}" },
        Json("/api/admin/treaties/{code}/versions/{number:int}/publish", "POST", AdminOnly, """{ "effectiveFrom": "2025-01-01" }""") with
            { Path = "/api/admin/treaties/mx-api-publish/versions/2/publish", IfMatch = "{etag:/api/admin/treaties/mx-api-publish}" },
        new("/api/admin/treaties/{code}/versions/{number:int}", "DELETE", AdminOnly) { Path = "/api/admin/treaties/mx-api-discard/versions/2", IfMatch = "{etag:/api/admin/treaties/mx-api-discard}", Changes = true },
        Json("/api/admin/treaties/{code}/versions/{number:int}/preview", "POST", AdminOnly, """
            { "deal": { "title": "Probe", "currency": "CAD", "budget": 1000000, "partners": [
              { "company": "Maple Films", "country": "CA", "role": "majorityDelegate", "contributions": [ { "amount": 600000 } ] },
              { "company": "Loire Films", "country": "FR", "role": "minority", "contributions": [ { "amount": 400000 } ] } ] } }
            """) with { Path = "/api/admin/treaties/ca-fr/versions/1/preview", Changes = false },
        new("/api/admin/countries/", "GET", AdminOnly),
        Json("/api/admin/countries/", "POST", AdminOnly, """{ "code": "QN", "name": "Matrix Api Land" }"""),
        Json("/api/admin/countries/{code}", "PUT", AdminOnly, """{ "code": "MT", "name": "Malta (renamed by the matrix)" }""") with
            { Path = "/api/admin/countries/MT", IfMatch = "{etag:/api/admin/countries/?search=Malta#MT}" },
        Json("/api/admin/countries/{code}/active", "PUT", AdminOnly, """{ "active": false }""") with
            { Path = "/api/admin/countries/TV/active", IfMatch = "{etag:/api/admin/countries/?search=Tuvalu#TV}" },
        new("/api/admin/currencies/", "GET", AdminOnly),
        Json("/api/admin/currencies/", "POST", AdminOnly, """{ "code": "QNA", "name": "Matrix api crown", "minorUnits": 2 }"""),
        Json("/api/admin/currencies/{code}", "PUT", AdminOnly, """{ "code": "ISK", "name": "Icelandic króna (renamed by the matrix)", "minorUnits": 0 }""") with
            { Path = "/api/admin/currencies/ISK", IfMatch = "{etag:/api/admin/currencies/?search=ISK#ISK}" },
        Json("/api/admin/currencies/{code}/active", "PUT", AdminOnly, """{ "active": false }""") with
            { Path = "/api/admin/currencies/HUF/active", IfMatch = "{etag:/api/admin/currencies/?search=HUF#HUF}" },
        new("/api/admin/rates/", "GET", AdminOnly),
        Json("/api/admin/rates/", "POST", AdminOnly, """{ "on": "2026-04-02", "base": "EUR", "quote": "CAD", "rate": 1.53, "source": "Matrix API" }"""),
        Json("/api/admin/rates/import", "POST", AdminOnly, "date,base,quote,rate,source\n2026-04-03,EUR,CAD,1.54,Matrix import\n") with { ContentType = "text/csv" },
        new("/api/admin/rates/{id:guid}", "DELETE", AdminOnly) { Path = "/api/admin/rates/{rate}", Changes = true },
        new("/api/admin/catalogues/{kind}", "GET", AdminOnly) { Path = "/api/admin/catalogues/media" },
        Json("/api/admin/catalogues/{kind}", "POST", AdminOnly, """{ "code": "matrix-api-medium", "name": "Matrix API medium", "sortOrder": 91 }""") with { Path = "/api/admin/catalogues/media" },
        Json("/api/admin/catalogues/{kind}/{code}", "PUT", AdminOnly, """{ "code": "theatrical", "name": "Theatrical (renamed by the matrix)", "sortOrder": 1 }""") with
            { Path = "/api/admin/catalogues/media/theatrical", IfMatch = "{etag:/api/admin/catalogues/media#theatrical}" },
        Json("/api/admin/catalogues/{kind}/{code}/active", "PUT", AdminOnly, """{ "active": false }""") with
            { Path = "/api/admin/catalogues/media/non-theatrical/active", IfMatch = "{etag:/api/admin/catalogues/media#non-theatrical}" },
        new("/api/admin/users/", "GET", AdminOnly),
        Json("/api/admin/users/", "POST", AdminOnly, """{ "email": "matrix-api-invite@test.coprod.local", "displayName": "Matrix Api Invite", "roles": [ "producer" ] }"""),
        new("/api/admin/users/{id:guid}", "GET", AdminOnly) { Path = "/api/admin/users/{user:roles-api}" },
        Json("/api/admin/users/{id:guid}/roles", "PUT", AdminOnly, """{ "roles": [ "producer", "lawyer" ] }""") with { Path = "/api/admin/users/{user:roles-api}/roles" },
        Json("/api/admin/users/{id:guid}/password-reset", "POST", AdminOnly, null) with { Path = "/api/admin/users/{user:reset-api}/password-reset" },
        Json("/api/admin/users/{id:guid}/disable", "POST", AdminOnly, null) with { Path = "/api/admin/users/{user:disable}/disable" },
        Json("/api/admin/users/{id:guid}/enable", "POST", AdminOnly, null) with { Path = "/api/admin/users/{user:enable}/enable" },
    ];

    /// <summary>Routes the matrix leaves out, and why: they serve files, not data or actions.</summary>
    public static bool IsExcluded(Microsoft.AspNetCore.Http.Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var isStaticAsset = endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");

        // MapStaticAssets' development-time fallback that serves files from the build output (tests run the build).
        var isStaticFileFallback = endpoint is Microsoft.AspNetCore.Routing.RouteEndpoint { RoutePattern.RawText: "{**path:file}" };
        return isStaticAsset || isStaticFileFallback;
    }

    /// <summary>Changes to the deal's money (owners and producer editors; never lawyers).</summary>
    private static Expect WriteMoney => Expect.Members(Forbidden, MemberRole.Owner, MemberRole.Editor);

    /// <summary>Changes to the deal's structure (owners and editors).</summary>
    private static Expect WriteStructure => Expect.Members(Forbidden, MemberRole.Owner, MemberRole.Editor);

    private static Rule PageForm(string pattern, string formName, Expect expect, params (string Name, string Value)[] fields) =>
        new(pattern, "POST", expect) { Kind = ProbeKind.PageForm, FormName = formName, Fields = Fields(fields), Changes = true };

    private static Rule Json(string pattern, string method, Expect expect, string? body) =>
        new(pattern, method, expect) { Kind = ProbeKind.Json, JsonBody = body, Changes = true };

    /// <summary>A New Zealand–Japan treaty in the admin API's format, with one published rule version.</summary>
    /// <summary>Its details alone (a PUT of the details carries no rule versions) when <paramref name="renamed"/> is given.</summary>
    private static string TreatyJson(string code, string? renamed = null) => $$"""
        { "code": "{{code}}", "name": "{{renamed ?? $"Matrix treaty {code}"}}", "kind": "bilateral", "parties": [ { "country": "NZ" }, { "country": "JP" } ],
          "inForceFrom": "2020-01-01", "sources": [ { "article": "Agreement text", "url": "https://example.org/{{code}}" } ]
          {{(renamed is null ? $$""", "ruleVersions": [ { "effectiveFrom": "2020-01-01", "status": "published", "rules": {{Rules(20)}} } ]""" : string.Empty)}} }
        """;

    /// <summary>A treaty file (the interchange format) holding one such treaty.</summary>
    private static string TreatyFile(string code) => $$"""{ "format": "coprod-treaties/1", "treaties": [ {{TreatyJson(code)}} ] }""";

    private static string Rules(int minimum) => $$"""
        { "bilateralShares": { "minimum": {{minimum}}, "maximum": {{100 - minimum}}, "source": { "article": "Art. 6", "url": "https://example.org/matrix#art6" } } }
        """;

    private static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value);
}
