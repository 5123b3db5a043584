using System.Globalization;
using CoProd.Application.Audit;
using CoProd.Application.Common;
using CoProd.Application.Users;
using CoProd.Domain.Catalogues;
using CoProd.Domain.ReferenceData;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.Catalogues;

/// <summary>The three catalogues deals pick from.</summary>
public enum CatalogueKind
{
    DecisionDomains,
    Media,
    TerritoryGroups,
}

/// <summary>One catalogue entry as the admin pages list it; fields a kind does not have are null.</summary>
public sealed record CatalogueRow(
    string Code, string Name, string? Description, bool? IsCritical, int? SortOrder, bool? CoversAllCountries, IReadOnlyList<string>? Countries, bool IsActive, uint Version);

/// <summary>
/// A catalogue entry to add or change. Decision domains use the description, critical flag and order; media the
/// order; territory groups the countries (ISO codes separated by commas or spaces) or the whole world.
/// </summary>
public sealed class CatalogueInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public bool IsCritical { get; set; }

    public int? SortOrder { get; set; }

    public bool CoversAllCountries { get; set; }

    public string? Countries { get; set; }

    public IReadOnlyList<string> CountryList() =>
        (Countries ?? string.Empty).Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct().ToList();
}

public sealed class CatalogueInputValidator : AbstractValidator<CatalogueInput>
{
    public CatalogueInputValidator(CatalogueKind kind, bool withCode, ReferenceCodes codes)
    {
        var (codeMax, nameMax) = kind switch
        {
            CatalogueKind.DecisionDomains => (DecisionDomain.CodeMaxLength, DecisionDomain.NameMaxLength),
            CatalogueKind.Media => (Medium.CodeMaxLength, Medium.NameMaxLength),
            _ => (TerritoryGroup.CodeMaxLength, TerritoryGroup.NameMaxLength),
        };
        if (withCode)
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage("Give a code (e.g. final-cut).").MaximumLength(codeMax)
                .Matches("^[a-zA-Z0-9_-]+$").WithMessage("A code has letters, digits, hyphens or underscores only.");
        }

        RuleFor(c => c.Name).NotEmpty().WithMessage("Give a name.").MaximumLength(nameMax);
        if (kind == CatalogueKind.DecisionDomains)
        {
            RuleFor(c => c.Description).MaximumLength(DecisionDomain.DescriptionMaxLength);
        }

        if (kind != CatalogueKind.TerritoryGroups)
        {
            RuleFor(c => c.SortOrder).NotNull().WithMessage("Give the position in lists (10, 20, 30 …).")
                .InclusiveBetween(0, 100_000).WithMessage("The order is a number from 0 to 100000.");
        }
        else
        {
            RuleFor(c => c.Countries).Must((input, _) => input.CoversAllCountries || input.CountryList().Count > 0)
                .WithMessage("List the group's countries, or tick 'whole world'.");
            RuleFor(c => c.Countries).CustomAsync(async (_, context, token) =>
            {
                var unknown = new List<string>();
                foreach (var code in context.InstanceToValidate.CountryList())
                {
                    if (!await codes.IsCountryAsync(code, token))
                    {
                        unknown.Add(code);
                    }
                }

                if (unknown.Count > 0)
                {
                    context.AddFailure("countries", $"Not countries on record (ISO 3166-1 alpha-2): {string.Join(", ", unknown)}.");
                }
            }).When(c => !c.CoversAllCountries);
        }
    }
}

/// <summary>
/// Admins keeping the catalogues: decision domains (which are critical: every deal must give them an owner),
/// media/platforms and territory groups. Entries are never deleted — deals refer to them by code — only
/// deactivated, which stops offering them for new choices. Every change is audited (area "catalogue").
/// </summary>
public sealed class CatalogueAdminService
{
    private const string Area = "catalogue";

    private readonly IApplicationDbContext _db;
    private readonly ReferenceCodes _codes;
    private readonly ICurrentUser _user;
    private readonly AuditTrail _audit;

    public CatalogueAdminService(IApplicationDbContext db, ReferenceCodes codes, ICurrentUser user, AuditTrail audit)
    {
        _db = db;
        _codes = codes;
        _user = user;
        _audit = audit;
    }

    public async Task<IReadOnlyList<CatalogueRow>> ListAsync(CatalogueKind kind, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        return kind switch
        {
            CatalogueKind.DecisionDomains => [.. (await _db.DecisionDomains.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).ToListAsync(cancellationToken))
                .Select(d => new CatalogueRow(d.Code, d.Name, d.Description, d.IsCritical, d.SortOrder, null, null, d.IsActive, d.Version))],
            CatalogueKind.Media => [.. (await _db.Media.AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Name).ToListAsync(cancellationToken))
                .Select(m => new CatalogueRow(m.Code, m.Name, null, null, m.SortOrder, null, null, m.IsActive, m.Version))],
            _ => [.. (await _db.TerritoryGroups.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken))
                .Select(t => new CatalogueRow(t.Code, t.Name, null, null, null, t.CoversAllCountries, [.. t.Countries.Select(c => c.Value)], t.IsActive, t.Version))],
        };
    }

    public async Task<string> AddAsync(CatalogueKind kind, CatalogueInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        AccessDeniedException.UnlessAdmin(_user);
        await ValidateAsync(new CatalogueInputValidator(kind, withCode: true, _codes), input, cancellationToken);
        var code = input.Code!.Trim().ToLowerInvariant();
        if (await FindAsync(kind, code, cancellationToken) is not null)
        {
            throw new RequestValidationException("code", $"'{code}' is already in this catalogue.");
        }

        object entry = kind switch
        {
            CatalogueKind.DecisionDomains => _db.DecisionDomains.Add(new DecisionDomain(code, input.Name!, input.Description, input.IsCritical, input.SortOrder!.Value)).Entity,
            CatalogueKind.Media => _db.Media.Add(new Medium(code, input.Name!, input.SortOrder!.Value)).Entity,
            _ => _db.TerritoryGroups.Add(new TerritoryGroup(code, input.Name!, input.CoversAllCountries, input.CountryList().Select(CountryCode.From))).Entity,
        };
        _audit.Record(Area, Key(kind, code), null, "added", Facts(entry).Select(f => new Deals.FieldChange(Label(kind), f.Label, null, f.Value)));
        await SaveAsync(cancellationToken);
        return code;
    }

    public async Task UpdateAsync(CatalogueKind kind, string code, uint version, CatalogueInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        AccessDeniedException.UnlessAdmin(_user);
        await ValidateAsync(new CatalogueInputValidator(kind, withCode: false, _codes), input, cancellationToken);
        var entry = await LoadAsync(kind, code, version, cancellationToken);
        var before = Facts(entry);
        switch (entry)
        {
            case DecisionDomain domain:
                domain.Update(input.Name!, input.Description, input.IsCritical, input.SortOrder!.Value);
                break;
            case Medium medium:
                medium.Update(input.Name!, input.SortOrder!.Value);
                break;
            case TerritoryGroup group:
                group.Update(input.Name!, input.CoversAllCountries, input.CountryList().Select(CountryCode.From));
                break;
        }

        RecordChanges(kind, code, "changed", before, Facts(entry));
        await SaveAsync(cancellationToken);
    }

    /// <summary>Deactivating stops offering the entry for new choices; deals that use it keep it.</summary>
    public async Task SetActiveAsync(CatalogueKind kind, string code, uint version, bool active, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        var entry = await LoadAsync(kind, code, version, cancellationToken);
        var before = Facts(entry);
        switch (entry)
        {
            case DecisionDomain domain:
                domain.SetActive(active);
                break;
            case Medium medium:
                medium.SetActive(active);
                break;
            case TerritoryGroup group:
                group.SetActive(active);
                break;
        }

        RecordChanges(kind, code, active ? "activated" : "deactivated", before, Facts(entry));
        await SaveAsync(cancellationToken);
    }

    private void RecordChanges(CatalogueKind kind, string code, string action, IReadOnlyList<(string Label, string Value)> before, IReadOnlyList<(string Label, string Value)> after)
    {
        var changes = after.Zip(before).Where(p => p.First.Value != p.Second.Value)
            .Select(p => new Deals.FieldChange(Label(kind), p.First.Label, p.Second.Value, p.First.Value)).ToList();
        if (_audit.Record(Area, Key(kind, code), null, action, changes) == 0)
        {
            _audit.Record(Area, Key(kind, code), null, action, Label(kind), null, "no field changed");
        }
    }

    private async Task<object> LoadAsync(CatalogueKind kind, string code, uint version, CancellationToken cancellationToken)
    {
        var entry = await FindAsync(kind, code?.Trim().ToLowerInvariant() ?? string.Empty, cancellationToken)
            ?? throw new NotFoundException($"'{code}' is not in this catalogue.");
        _db.ExpectVersion(entry, version);
        return entry;
    }

    private async Task<object?> FindAsync(CatalogueKind kind, string code, CancellationToken cancellationToken) => kind switch
    {
        CatalogueKind.DecisionDomains => await _db.DecisionDomains.FirstOrDefaultAsync(d => d.Code == code, cancellationToken),
        CatalogueKind.Media => await _db.Media.FirstOrDefaultAsync(m => m.Code == code, cancellationToken),
        _ => await _db.TerritoryGroups.FirstOrDefaultAsync(t => t.Code == code, cancellationToken),
    };

    private static IReadOnlyList<(string Label, string Value)> Facts(object entry) => entry switch
    {
        DecisionDomain d =>
        [
            ("Name", d.Name), ("Description", d.Description ?? "—"), ("Critical", d.IsCritical ? "yes" : "no"),
            ("Order", d.SortOrder.ToString(CultureInfo.InvariantCulture)), ("Active", d.IsActive ? "yes" : "no"),
        ],
        Medium m => [("Name", m.Name), ("Order", m.SortOrder.ToString(CultureInfo.InvariantCulture)), ("Active", m.IsActive ? "yes" : "no")],
        TerritoryGroup t =>
        [
            ("Name", t.Name), ("Countries", t.CoversAllCountries ? "whole world" : string.Join(", ", t.Countries.Select(c => c.Value))), ("Active", t.IsActive ? "yes" : "no"),
        ],
        _ => [],
    };

    public static string Label(CatalogueKind kind) => kind switch
    {
        CatalogueKind.DecisionDomains => "Decision domain",
        CatalogueKind.Media => "Medium",
        _ => "Territory group",
    };

    private static string Key(CatalogueKind kind, string code) => kind switch
    {
        CatalogueKind.DecisionDomains => $"decision-domain:{code}",
        CatalogueKind.Media => $"medium:{code}",
        _ => $"territory-group:{code}",
    };

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConflictException("Someone else changed this entry meanwhile. Nothing was saved: reload the page and try again.", ex);
        }
    }

    private static async Task ValidateAsync<T>(IValidator<T> validator, T input, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
        {
            throw RequestValidationException.From(result);
        }
    }
}
