using System.Linq.Expressions;
using CoProd.Domain.Catalogues;
using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;
using FluentValidation;

namespace CoProd.Application.Deals;

// What the rights forms post: grants, the three presets, buyouts, minimum guarantees and the revenue-sharing terms.
// Territories come as territory-group codes (checkboxes) plus a comma-separated list of countries (ISO codes or
// English names), so the forms work without JavaScript.

/// <summary>
/// What the rights validators check against: the deal's partners, the active catalogues and the countries and
/// currencies on record. Built once per request by <see cref="DealRightsService"/>.
/// </summary>
public sealed class RightsChoices
{
    private readonly Dictionary<string, CountryCode> _countries;

    public RightsChoices(
        IEnumerable<Guid> partners, IEnumerable<TerritoryGroup> activeGroups, IEnumerable<string> activeMedia,
        IEnumerable<(string Code, string Name)> countries, IEnumerable<string> currencies)
    {
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(activeGroups);
        ArgumentNullException.ThrowIfNull(activeMedia);
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(currencies);
        Partners = partners.ToHashSet();
        Groups = activeGroups.ToDictionary(g => g.Code, StringComparer.OrdinalIgnoreCase);
        Media = activeMedia.ToHashSet(StringComparer.OrdinalIgnoreCase);
        Currencies = currencies.ToHashSet(StringComparer.OrdinalIgnoreCase);
        _countries = new Dictionary<string, CountryCode>(StringComparer.OrdinalIgnoreCase);
        var list = countries.ToList();
        foreach (var (code, name) in list)
        {
            if (CountryCode.TryFrom(code, out var country))
            {
                _countries.TryAdd(name.Trim(), country);
                AllCountries.Add(country);
            }
        }

        foreach (var country in AllCountries)
        {
            _countries[country.Value] = country;
        }
    }

    public IReadOnlySet<Guid> Partners { get; }

    public IReadOnlyDictionary<string, TerritoryGroup> Groups { get; }

    public IReadOnlySet<string> Media { get; }

    public IReadOnlySet<string> Currencies { get; }

    public List<CountryCode> AllCountries { get; } = [];

    /// <summary>The group that covers the whole world, if one is active.</summary>
    public TerritoryGroup? World => Groups.Values.FirstOrDefault(g => g.CoversAllCountries);

    /// <summary>"JP, Korea; fr" → the country codes it names, and the entries that name no country on record.</summary>
    public (IReadOnlyList<CountryCode> Countries, IReadOnlyList<string> Unknown) ParseCountries(string? text)
    {
        var found = new List<CountryCode>();
        var unknown = new List<string>();
        foreach (var entry in Split(text))
        {
            if (_countries.TryGetValue(entry, out var country))
            {
                if (!found.Contains(country))
                {
                    found.Add(country);
                }
            }
            else
            {
                unknown.Add(entry);
            }
        }

        return (found, unknown);
    }

    /// <summary>The territory codes a form means: the ticked groups (lower case) and then the countries (upper case).</summary>
    public IReadOnlyList<string> Territories(IEnumerable<string>? groups, string? countries) =>
        [.. (groups ?? []).Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim().ToLowerInvariant()).Distinct(),
         .. ParseCountries(countries).Countries.Select(c => c.Value)];

    public IReadOnlyList<string> MediaCodes(IEnumerable<string>? media) =>
        [.. (media ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim().ToLowerInvariant()).Distinct()];

    /// <summary>The countries the territories stand for (groups expanded).</summary>
    public HashSet<CountryCode> Expand(IEnumerable<string> territories) =>
        RightsAnalysis.Expand(territories, [.. Groups.Values], AllCountries);

    public IEnumerable<string> UnknownGroups(IEnumerable<string>? groups) =>
        (groups ?? []).Where(g => !string.IsNullOrWhiteSpace(g) && !Groups.ContainsKey(g.Trim()));

    public IEnumerable<string> UnknownMedia(IEnumerable<string>? media) =>
        (media ?? []).Where(m => !string.IsNullOrWhiteSpace(m) && !Media.Contains(m.Trim()));

    /// <summary>A single territory: an active group code, or a country code or name on record.</summary>
    public string? Territory(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return Groups.ContainsKey(trimmed) ? trimmed.ToLowerInvariant()
            : _countries.TryGetValue(trimmed, out var country) ? country.Value
            : null;
    }

    public static bool HasAny(IEnumerable<string>? groups, string? countries) =>
        (groups ?? []).Any(g => !string.IsNullOrWhiteSpace(g)) || Split(countries).Any();

    private static IEnumerable<string> Split(string? text) =>
        (text ?? string.Empty).Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed class GrantInput
{
    public Guid? PartnerId { get; set; }

    /// <summary>Territory-group codes, e.g. "europe", "north-america", "world".</summary>
    public List<string> TerritoryGroups { get; set; } = [];

    /// <summary>Countries by ISO code or English name, comma-separated: "JP, KR, Taiwan".</summary>
    public string? Countries { get; set; }

    /// <summary>Media catalogue codes, e.g. "theatrical", "svod".</summary>
    public List<string> Media { get; set; } = [];

    public DateOnly? TermStart { get; set; }

    public DateOnly? TermEnd { get; set; }

    public bool Exclusive { get; set; }

    /// <summary>Partners who must approve each distribution deal under this grant (joint control).</summary>
    public List<Guid> ApprovalPartnerIds { get; set; } = [];

    public string? Holdback { get; set; }

    public string? Notes { get; set; }
}

public sealed class GrantInputValidator : AbstractValidator<GrantInput>
{
    public GrantInputValidator(RightsChoices choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        RightsRules.Partner(this, g => g.PartnerId, choices, "Choose the partner who holds the rights.");
        RuleFor(g => g.TerritoryGroups).Must((g, groups) => RightsChoices.HasAny(groups, g.Countries))
            .WithMessage("Choose at least one territory: tick a group or list countries.");
        RuleFor(g => g.TerritoryGroups).Must(groups => !choices.UnknownGroups(groups).Any())
            .WithMessage(g => $"Not an active territory group: {string.Join(", ", choices.UnknownGroups(g.TerritoryGroups))}.");
        RuleFor(g => g.Countries).Must(c => choices.ParseCountries(c).Unknown.Count == 0)
            .WithMessage(g => CountryMessage(choices, g.Countries));
        RightsRules.Media(this, g => g.Media, choices, "Choose at least one medium.");
        RuleFor(g => g.TermEnd).Must((g, end) => end is null || g.TermStart is null || end >= g.TermStart)
            .WithMessage("The term cannot end before it starts.");
        RuleFor(g => g.ApprovalPartnerIds).Must(ids => ids is null || ids.TrueForAll(choices.Partners.Contains))
            .WithMessage("Only partners of this deal can approve distribution deals.");
        RuleFor(g => g.ApprovalPartnerIds).Must((g, ids) => g.PartnerId is null || ids is null || !ids.Contains(g.PartnerId.Value))
            .WithMessage("A partner does not approve its own distribution deals: choose the other partners who must approve.");
        RuleFor(g => g.Holdback).MaximumLength(RightsGrant.TextMaxLength);
        RuleFor(g => g.Notes).MaximumLength(RightsGrant.TextMaxLength);
    }

    internal static string CountryMessage(RightsChoices choices, string? countries) =>
        $"Not a country on record: {string.Join(", ", choices.ParseCountries(countries).Unknown.Select(u => $"'{u}'"))}. Use ISO codes (JP, FR) or English names, separated by commas.";
}

/// <summary>One partner's part of a territory split: territory groups and countries.</summary>
public sealed class TerritoryShareInput
{
    public Guid? PartnerId { get; set; }

    public List<string> Groups { get; set; } = [];

    public string? Countries { get; set; }

    internal bool IsTaken => RightsChoices.HasAny(Groups, Countries);
}

/// <summary>
/// Each partner gets its territories, in every chosen medium, exclusively. A share without territories leaves that
/// partner out of the split; at least two partners must take part.
/// </summary>
public sealed class TerritorySplitInput
{
    public List<TerritoryShareInput> Shares { get; set; } = [];

    public List<string> Media { get; set; } = [];

    public DateOnly? TermStart { get; set; }

    public DateOnly? TermEnd { get; set; }

    /// <summary>Yes, replace the deal's current grants.</summary>
    public bool ConfirmReplace { get; set; }

    internal IEnumerable<TerritoryShareInput> Taken => (Shares ?? []).Where(s => s is not null && s.IsTaken);
}

public sealed class TerritorySplitInputValidator : AbstractValidator<TerritorySplitInput>
{
    public TerritorySplitInputValidator(RightsChoices choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        RuleFor(s => s.Shares).Must((s, _) => s.Taken.Count() >= 2)
            .WithMessage("Give territories to at least two partners: a territory split shares the world between them.");
        RuleForEach(s => s.Shares).ChildRules(share =>
        {
            share.RuleFor(x => x.PartnerId).NotNull().WithMessage("Say which partner these territories are for.").When(x => x.IsTaken);
            share.RuleFor(x => x.PartnerId).Must(p => choices.Partners.Contains(p!.Value)).When(x => x.PartnerId is not null).WithMessage("That partner is not in this deal.");
            share.RuleFor(x => x.Groups).Must(groups => !choices.UnknownGroups(groups).Any())
                .WithMessage(x => $"Not an active territory group: {string.Join(", ", choices.UnknownGroups(x.Groups))}.");
            share.RuleFor(x => x.Countries).Must(c => choices.ParseCountries(c).Unknown.Count == 0).WithMessage(x => GrantInputValidator.CountryMessage(choices, x.Countries));
        }).When(s => s.Shares is not null);
        RuleFor(s => s).Custom((s, context) =>
        {
            var shares = s.Shares ?? [];
            var given = new HashSet<CountryCode>();
            var partners = new HashSet<Guid>();
            for (var i = 0; i < shares.Count; i++)
            {
                var share = shares[i];
                if (share is null || !share.IsTaken || choices.UnknownGroups(share.Groups).Any())
                {
                    continue;
                }

                if (share.PartnerId is { } partner && !partners.Add(partner))
                {
                    context.AddFailure($"shares[{i}].partnerId", "This partner already has territories in this split: give each partner one row.");
                }

                var countries = choices.Expand(choices.Territories(share.Groups, share.Countries));
                var twice = countries.Where(given.Contains).Order().ToList();
                if (twice.Count > 0)
                {
                    context.AddFailure($"shares[{i}].groups",
                        $"{twice.Count} of these countries already go to another partner ({string.Join(", ", twice.Take(8))}{(twice.Count > 8 ? " …" : string.Empty)}): in a territory split each territory goes to one partner.");
                }

                given.UnionWith(countries);
            }
        });
        RightsRules.Media(this, s => s.Media, choices, "Choose the media the partners hold in their territories.");
        RuleFor(s => s.TermEnd).Must((s, end) => end is null || s.TermStart is null || end >= s.TermStart).WithMessage("The term cannot end before it starts.");
    }
}

/// <summary>One partner's part of a platform split: its media.</summary>
public sealed class MediaShareInput
{
    public Guid? PartnerId { get; set; }

    public List<string> Media { get; set; } = [];

    internal bool IsTaken => Media is not null && Media.Exists(m => !string.IsNullOrWhiteSpace(m));
}

/// <summary>
/// Each partner gets its media, world-wide, exclusively. A share without media leaves that partner out of the split;
/// at least two partners must take part.
/// </summary>
public sealed class PlatformSplitInput
{
    public List<MediaShareInput> Shares { get; set; } = [];

    public DateOnly? TermStart { get; set; }

    public DateOnly? TermEnd { get; set; }

    public bool ConfirmReplace { get; set; }

    internal IEnumerable<MediaShareInput> Taken => (Shares ?? []).Where(s => s is not null && s.IsTaken);
}

public sealed class PlatformSplitInputValidator : AbstractValidator<PlatformSplitInput>
{
    public PlatformSplitInputValidator(RightsChoices choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        RuleFor(s => s.Shares).Must((s, _) => s.Taken.Count() >= 2)
            .WithMessage("Give media to at least two partners: a platform split shares the media between them.");
        RuleForEach(s => s.Shares).ChildRules(share =>
        {
            share.RuleFor(x => x.PartnerId).NotNull().WithMessage("Say which partner these media are for.").When(x => x.IsTaken);
            share.RuleFor(x => x.PartnerId).Must(p => choices.Partners.Contains(p!.Value)).When(x => x.PartnerId is not null).WithMessage("That partner is not in this deal.");
            share.RuleFor(x => x.Media).Must(m => !choices.UnknownMedia(m).Any())
                .WithMessage(x => $"Not a medium in the catalogue: {string.Join(", ", choices.UnknownMedia(x.Media))}.");
        }).When(s => s.Shares is not null);
        RuleFor(s => s).Custom((s, context) =>
        {
            var shares = s.Shares ?? [];
            var given = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var partners = new HashSet<Guid>();
            for (var i = 0; i < shares.Count; i++)
            {
                var share = shares[i];
                if (share is null || !share.IsTaken)
                {
                    continue;
                }

                if (share.PartnerId is { } partner && !partners.Add(partner))
                {
                    context.AddFailure($"shares[{i}].partnerId", "This partner already has media in this split: give each partner one row.");
                }

                var media = choices.MediaCodes(share.Media);
                var twice = media.Where(given.Contains).ToList();
                if (twice.Count > 0)
                {
                    context.AddFailure($"shares[{i}].media", $"In a platform split each medium goes to one partner: {string.Join(", ", twice)} already goes to another.");
                }

                given.UnionWith(media);
            }
        });
        RuleFor(s => s).Must(_ => choices.World is not null).OverridePropertyName("shares")
            .WithMessage("No whole-world territory group is active in the catalogue; ask an administrator to restore it.");
        RuleFor(s => s.TermEnd).Must((s, end) => end is null || s.TermStart is null || end >= s.TermStart).WithMessage("The term cannot end before it starts.");
    }
}

/// <summary>Every partner holds every active medium world-wide, non-exclusively; each deal needs the others' approval.</summary>
public sealed class JointControlInput
{
    public DateOnly? TermStart { get; set; }

    public DateOnly? TermEnd { get; set; }

    public bool ConfirmReplace { get; set; }
}

public sealed class JointControlInputValidator : AbstractValidator<JointControlInput>
{
    public JointControlInputValidator(RightsChoices choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        RuleFor(s => s).Must(_ => choices.Partners.Count >= 2).OverridePropertyName("termStart")
            .WithMessage("Joint control needs at least two partners in the deal.");
        RuleFor(s => s).Must(_ => choices.World is not null && choices.Media.Count > 0).OverridePropertyName("termStart")
            .WithMessage("Joint control needs the whole-world territory group and at least one medium in the catalogues.");
        RuleFor(s => s.TermEnd).Must((s, end) => end is null || s.TermStart is null || end >= s.TermStart).WithMessage("The term cannot end before it starts.");
    }
}

public sealed class BuyoutInput
{
    /// <summary>The partner who may buy the other out.</summary>
    public Guid? HolderPartnerId { get; set; }

    /// <summary>The partner who may be bought out.</summary>
    public Guid? FromPartnerId { get; set; }

    /// <summary>When the right arises, e.g. "if a partner opposes a distribution deal twice".</summary>
    public string? Trigger { get; set; }

    /// <summary>How the price is set, e.g. "fair market value by an independent valuer".</summary>
    public string? PriceBasis { get; set; }
}

public sealed class BuyoutInputValidator : AbstractValidator<BuyoutInput>
{
    public BuyoutInputValidator(RightsChoices choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        RightsRules.Partner(this, b => b.HolderPartnerId, choices, "Choose the partner who may buy out.");
        RightsRules.Partner(this, b => b.FromPartnerId, choices, "Choose the partner who may be bought out.");
        RuleFor(b => b.FromPartnerId).Must((b, from) => from != b.HolderPartnerId).When(b => b.FromPartnerId is not null)
            .WithMessage("A partner cannot buy itself out: choose another partner.");
        RuleFor(b => b.Trigger).NotEmpty().WithMessage("Say when the buyout right arises.").MaximumLength(BuyoutRight.TextMaxLength);
        RuleFor(b => b.PriceBasis).NotEmpty().WithMessage("Say how the price is set.").MaximumLength(BuyoutRight.TextMaxLength);
    }
}

public sealed class GuaranteeInput
{
    /// <summary>The partner who guarantees the minimum.</summary>
    public Guid? PartnerId { get; set; }

    public decimal? Amount { get; set; }

    public string? Currency { get; set; }

    /// <summary>Optional: a territory-group code, or a country code or name.</summary>
    public string? Territory { get; set; }

    public string? Notes { get; set; }
}

public sealed class GuaranteeInputValidator : AbstractValidator<GuaranteeInput>
{
    public GuaranteeInputValidator(RightsChoices choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        RightsRules.Partner(this, g => g.PartnerId, choices, "Choose the partner who gives the guarantee.");
        RuleFor(g => g.Amount).NotNull().WithMessage("Give the guaranteed amount.").GreaterThan(0m).WithMessage("The guarantee must be greater than zero.")
            .LessThan(1_000_000_000_000m).WithMessage("That amount is beyond what CoProd can hold.");
        RuleFor(g => g.Currency).NotEmpty().WithMessage("Choose the currency.");
        RuleFor(g => g.Currency).Must(c => choices.Currencies.Contains(c!.Trim())).When(g => !string.IsNullOrWhiteSpace(g.Currency))
            .WithMessage(g => $"'{g.Currency}' is not a currency on record.");
        RuleFor(g => g.Territory).Must(t => choices.Territory(t) is not null).When(g => !string.IsNullOrWhiteSpace(g.Territory))
            .WithMessage(g => $"'{g.Territory}' is neither an active territory group nor a country on record.");
        RuleFor(g => g.Notes).MaximumLength(MinimumGuarantee.TextMaxLength);
    }
}

/// <summary>The structure's label and the revenue-sharing terms (empty: in proportion to contributions).</summary>
public sealed class RightsTermsInput
{
    public string? Structure { get; set; }

    public string? RevenueSharing { get; set; }
}

public sealed class RightsTermsInputValidator : AbstractValidator<RightsTermsInput>
{
    public RightsTermsInputValidator()
    {
        RuleFor(t => t.Structure).MaximumLength(DealRights.StructureMaxLength);
        RuleFor(t => t.RevenueSharing).MaximumLength(DealRights.RevenueSharingMaxLength);
    }
}

/// <summary>Rules several rights forms share.</summary>
internal static class RightsRules
{
    public static void Media<T>(AbstractValidator<T> validator, Expression<Func<T, List<string>>> media, RightsChoices choices, string emptyMessage)
    {
        var read = media.Compile();
        validator.RuleFor(media).Must(m => m is not null && m.Exists(x => !string.IsNullOrWhiteSpace(x))).WithMessage(emptyMessage);
        validator.RuleFor(media).Must(m => !choices.UnknownMedia(m).Any())
            .WithMessage(x => $"Not a medium in the catalogue: {string.Join(", ", choices.UnknownMedia(read(x)))}.");
    }

    public static void Partner<T>(AbstractValidator<T> validator, Expression<Func<T, Guid?>> partner, RightsChoices choices, string missingMessage)
    {
        validator.RuleFor(partner).NotNull().WithMessage(missingMessage);
        var read = partner.Compile();
        validator.RuleFor(partner).Must(p => choices.Partners.Contains(p!.Value)).When(x => read(x) is not null).WithMessage("That partner is not in this deal.");
    }
}
