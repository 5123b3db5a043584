using System.Globalization;
using CoProd.Application.Audit;
using CoProd.Application.Common;
using CoProd.Application.Users;
using CoProd.Domain.ReferenceData;
using CsvHelper;
using CsvHelper.Configuration;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CoProd.Application.ReferenceData;

/// <summary>A country or currency as the admin pages list it.</summary>
public sealed record ReferenceRow(string Code, string Name, bool IsActive, uint Version, int? MinorUnits = null);

/// <summary>Adding a country (ISO 3166-1 alpha-2) or renaming one.</summary>
public sealed class CountryInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }
}

/// <summary>Adding a currency (ISO 4217) or changing its name and decimals.</summary>
public sealed class CurrencyInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public int? MinorUnits { get; set; } = 2;
}

/// <summary>One exchange rate: one <see cref="Base"/> is worth <see cref="Rate"/> <see cref="Quote"/> on <see cref="On"/>.</summary>
public sealed class ExchangeRateInput
{
    public DateOnly? On { get; set; }

    public string? Base { get; set; }

    public string? Quote { get; set; }

    public decimal? Rate { get; set; }

    public string? Source { get; set; }
}

/// <summary>One line of a rates file that cannot be imported (1-based line number, the header being line 1).</summary>
public sealed record CsvLineError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

public sealed record RateImportResult(int Added, IReadOnlyList<CsvLineError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

public sealed class CountryInputValidator : AbstractValidator<CountryInput>
{
    public CountryInputValidator(bool withCode)
    {
        if (withCode)
        {
            RuleFor(c => c.Code).Must(c => CountryCode.TryFrom(c, out _)).WithMessage("An ISO 3166-1 alpha-2 code is two letters (e.g. FR).");
        }

        RuleFor(c => c.Name).NotEmpty().WithMessage("Give the country's name.").MaximumLength(Country.NameMaxLength);
    }
}

public sealed class CurrencyInputValidator : AbstractValidator<CurrencyInput>
{
    public CurrencyInputValidator(bool withCode)
    {
        if (withCode)
        {
            RuleFor(c => c.Code).Must(c => CurrencyCode.TryFrom(c, out _)).WithMessage("An ISO 4217 code is three letters (e.g. EUR).");
        }

        RuleFor(c => c.Name).NotEmpty().WithMessage("Give the currency's name.").MaximumLength(Currency.NameMaxLength);
        RuleFor(c => c.MinorUnits).NotNull().WithMessage("Give the number of decimals (EUR 2, JPY 0).")
            .InclusiveBetween(0, Currency.MaxMinorUnits).WithMessage($"A currency has 0 to {Currency.MaxMinorUnits} decimals.");
    }
}

public sealed class ExchangeRateInputValidator : AbstractValidator<ExchangeRateInput>
{
    public ExchangeRateInputValidator(ReferenceCodes codes)
    {
        RuleFor(r => r.On).NotNull().WithMessage("Give the date of the rate.");
        RuleFor(r => r.Base).MustAsync(codes.IsCurrencyAsync).WithMessage(r => $"'{r.Base}' is not a currency on record (ISO 4217, e.g. EUR).");
        RuleFor(r => r.Quote).MustAsync(codes.IsCurrencyAsync).WithMessage(r => $"'{r.Quote}' is not a currency on record (ISO 4217, e.g. USD).");
        RuleFor(r => r.Quote).Must((r, quote) => !string.Equals(r.Base?.Trim(), quote?.Trim(), StringComparison.OrdinalIgnoreCase))
            .When(r => r.Base is not null).WithMessage("A rate needs two different currencies.");
        RuleFor(r => r.Rate).NotNull().WithMessage("Give the rate.")
            .GreaterThan(0m).WithMessage("A rate must be greater than zero.")
            .Must(r => r is null || (decimal.Round(r.Value, ExchangeRate.RateDecimals) == r && r < 10_000_000_000_000_000m))
            .WithMessage($"A rate has at most {ExchangeRate.RateDecimals} decimals.");
        RuleFor(r => r.Source).NotEmpty().WithMessage("Say where the rate comes from (e.g. ECB reference rate).").MaximumLength(ExchangeRate.SourceMaxLength);
    }
}

/// <summary>
/// Admins keeping countries, currencies and exchange rates. Codes are ISO codes (two or three letters); a country
/// or currency is never deleted, only deactivated (deals and treaties keep referring to it). Rates are recorded
/// with their date and source; a CSV import is all or nothing, with every bad line named. Every change is audited.
/// </summary>
public sealed class ReferenceDataAdminService
{
    /// <summary>The columns a rates file has, in any order, with a header line.</summary>
    public static readonly IReadOnlyList<string> CsvColumns = ["date", "base", "quote", "rate", "source"];

    private readonly IApplicationDbContext _db;
    private readonly ReferenceCodes _codes;
    private readonly ICurrentUser _user;
    private readonly AuditTrail _audit;
    private readonly TimeProvider _time;

    public ReferenceDataAdminService(IApplicationDbContext db, ReferenceCodes codes, ICurrentUser user, AuditTrail audit, TimeProvider time)
    {
        _db = db;
        _codes = codes;
        _user = user;
        _audit = audit;
        _time = time;
    }

    public async Task<IReadOnlyList<ReferenceRow>> CountriesAsync(string? search, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        var countries = await _db.Countries.AsNoTracking().ToListAsync(cancellationToken);
        return [.. countries.Where(c => Matches(c.Code.Value, c.Name, search)).OrderBy(c => c.Name, StringComparer.CurrentCulture)
            .Select(c => new ReferenceRow(c.Code.Value, c.Name, c.IsActive, c.Version))];
    }

    public async Task<IReadOnlyList<ReferenceRow>> CurrenciesAsync(string? search, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        var currencies = await _db.Currencies.AsNoTracking().ToListAsync(cancellationToken);
        return [.. currencies.Where(c => Matches(c.Code.Value, c.Name, search)).OrderBy(c => c.Code.Value, StringComparer.Ordinal)
            .Select(c => new ReferenceRow(c.Code.Value, c.Name, c.IsActive, c.Version, c.MinorUnits))];
    }

    public async Task<string> AddCountryAsync(CountryInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        AccessDeniedException.UnlessAdmin(_user);
        await ValidateAsync(new CountryInputValidator(withCode: true), input, cancellationToken);
        var code = CountryCode.From(input.Code);
        if (await _db.Countries.AnyAsync(c => c.Code == code, cancellationToken))
        {
            throw new RequestValidationException("code", $"{code} is already on record.");
        }

        var country = new Country(code, input.Name!);
        _db.Countries.Add(country);
        _audit.Record("country", code.Value, null, "added", "Country", null, $"{code.Value} {country.Name}");
        await SaveAsync(cancellationToken);
        return code.Value;
    }

    public async Task RenameCountryAsync(string code, uint version, CountryInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        AccessDeniedException.UnlessAdmin(_user);
        await ValidateAsync(new CountryInputValidator(withCode: false), input, cancellationToken);
        var country = await FindCountryAsync(code, version, cancellationToken);
        var old = country.Name;
        country.Rename(input.Name!);
        _audit.Record("country", country.Code.Value, null, "renamed", "Name", old, country.Name);
        await SaveAsync(cancellationToken);
    }

    public async Task SetCountryActiveAsync(string code, uint version, bool active, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        var country = await FindCountryAsync(code, version, cancellationToken);
        await SetActiveAsync("country", country.Code.Value, country, version, country.IsActive, active, active ? country.Activate : country.Deactivate, cancellationToken);
    }

    public async Task<string> AddCurrencyAsync(CurrencyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        AccessDeniedException.UnlessAdmin(_user);
        await ValidateAsync(new CurrencyInputValidator(withCode: true), input, cancellationToken);
        var code = CurrencyCode.From(input.Code);
        if (await _db.Currencies.AnyAsync(c => c.Code == code, cancellationToken))
        {
            throw new RequestValidationException("code", $"{code} is already on record.");
        }

        var currency = new Currency(code, input.Name!, input.MinorUnits!.Value);
        _db.Currencies.Add(currency);
        _audit.Record("currency", code.Value, null, "added", "Currency", null, $"{code.Value} {currency.Name}, {currency.MinorUnits} decimals");
        await SaveAsync(cancellationToken);
        return code.Value;
    }

    public async Task UpdateCurrencyAsync(string code, uint version, CurrencyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        AccessDeniedException.UnlessAdmin(_user);
        await ValidateAsync(new CurrencyInputValidator(withCode: false), input, cancellationToken);
        var currency = await FindCurrencyAsync(code, version, cancellationToken);
        var (oldName, oldUnits) = (currency.Name, currency.MinorUnits);
        currency.Update(input.Name!, input.MinorUnits!.Value);
        _db.ExpectVersion(currency, version);
        var key = currency.Code.Value;
        var changed = 0;
        if (oldName != currency.Name)
        {
            _audit.Record("currency", key, null, "changed", "Name", oldName, currency.Name);
            changed++;
        }

        if (oldUnits != currency.MinorUnits)
        {
            _audit.Record("currency", key, null, "changed", "Decimals", oldUnits.ToString(CultureInfo.InvariantCulture), currency.MinorUnits.ToString(CultureInfo.InvariantCulture));
            changed++;
        }

        if (changed == 0)
        {
            _audit.Record("currency", key, null, "changed", "Currency", null, "no field changed");
        }

        await SaveAsync(cancellationToken);
    }

    public async Task SetCurrencyActiveAsync(string code, uint version, bool active, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        var currency = await FindCurrencyAsync(code, version, cancellationToken);
        await SetActiveAsync("currency", currency.Code.Value, currency, version, currency.IsActive, active, active ? currency.Activate : currency.Deactivate, cancellationToken);
    }

    /// <summary>Records one rate; a rate for the same pair and day already on record is refused.</summary>
    public async Task<Guid> AddRateAsync(ExchangeRateInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        AccessDeniedException.UnlessAdmin(_user);
        await ValidateAsync(new ExchangeRateInputValidator(_codes), input, cancellationToken);
        var rate = NewRate(input);
        if (await ExistingAsync(rate, cancellationToken) is { } existing)
        {
            throw new RequestValidationException("on", $"A rate for {rate.BaseCurrency}/{rate.QuoteCurrency} on {rate.On:yyyy-MM-dd} is already on record ({existing.Rate.ToString("0.############", CultureInfo.InvariantCulture)}, {existing.Source}): remove it first to correct it.");
        }

        _db.ExchangeRates.Add(rate);
        AuditRate(rate, "added");
        await SaveAsync(cancellationToken);
        return rate.Id;
    }

    /// <summary>Removes a wrong rate. Contributions keep the rate they locked: removing a rate changes no deal.</summary>
    public async Task RemoveRateAsync(Guid id, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        var rate = await _db.ExchangeRates.FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("That rate is not on record (anymore).");
        _db.ExchangeRates.Remove(rate);
        _audit.Record("exchange-rate", Key(rate), null, "removed", RateField(rate), RateValue(rate), null);
        await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Imports rates from CSV text with a header line naming the columns date, base, quote, rate and source (any
    /// order; dates YYYY-MM-DD, rates with a dot for decimals). Every line is checked first; if any is wrong, none is
    /// imported and each wrong line is named.
    /// </summary>
    public async Task<RateImportResult> ImportRatesAsync(string csv, CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessAdmin(_user);
        var errors = new List<CsvLineError>();
        var rates = new List<(int Line, ExchangeRate Rate)>();
        if (string.IsNullOrWhiteSpace(csv))
        {
            return new RateImportResult(0, [new CsvLineError(1, "The file is empty: it needs a header line (date,base,quote,rate,source) and one line per rate.")]);
        }

        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            DetectDelimiter = true,
            IgnoreBlankLines = true,
        };
        using (var reader = new StringReader(csv.TrimStart('\uFEFF')))
        using (var parser = new CsvReader(reader, configuration))
        {
            try
            {
                await parser.ReadAsync();
                parser.ReadHeader();
            }
            catch (CsvHelperException)
            {
                return new RateImportResult(0, [new CsvLineError(1, "The header line cannot be read.")]);
            }

            var header = parser.HeaderRecord?.Select(h => h.Trim().ToLowerInvariant()).ToList() ?? [];
            var missing = CsvColumns.Where(c => !header.Contains(c)).ToList();
            var unknown = header.Where(h => !CsvColumns.Contains(h)).ToList();
            if (missing.Count > 0 || unknown.Count > 0)
            {
                return new RateImportResult(0, [new CsvLineError(1,
                    $"The header must name the columns {string.Join(", ", CsvColumns)}" +
                    (missing.Count > 0 ? $"; missing: {string.Join(", ", missing)}" : string.Empty) +
                    (unknown.Count > 0 ? $"; not known: {string.Join(", ", unknown)}" : string.Empty) + ".")]);
            }

            var validator = new ExchangeRateInputValidator(_codes);
            while (await parser.ReadAsync())
            {
                var line = parser.Parser.RawRow;
                if (parser.Parser.Count != header.Count)
                {
                    errors.Add(new CsvLineError(line, $"This line has {parser.Parser.Count} values; the header names {header.Count}."));
                    continue;
                }

                var input = new ExchangeRateInput { Base = parser.GetField("base"), Quote = parser.GetField("quote"), Source = parser.GetField("source") };
                var problems = new List<string>();
                var dateText = parser.GetField("date");
                if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    input.On = date;
                }
                else
                {
                    problems.Add($"date '{dateText}' is not a date as YYYY-MM-DD");
                }

                var rateText = parser.GetField("rate");
                if (decimal.TryParse(rateText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                {
                    input.Rate = value;
                }
                else
                {
                    problems.Add($"rate '{rateText}' is not a positive number with a dot for decimals");
                }

                var result = await validator.ValidateAsync(input, cancellationToken);
                problems.AddRange(result.Errors.Where(e => !(e.PropertyName is "on" && input.On is null) && !(e.PropertyName is "rate" && input.Rate is null))
                    .Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
                if (problems.Count > 0)
                {
                    errors.Add(new CsvLineError(line, string.Join("; ", problems)));
                    continue;
                }

                rates.Add((line, NewRate(input)));
            }
        }

        foreach (var duplicate in rates.GroupBy(r => (r.Rate.BaseCurrency, r.Rate.QuoteCurrency, r.Rate.On)).Where(g => g.Count() > 1))
        {
            var lines = duplicate.Select(r => r.Line).ToList();
            errors.AddRange(lines.Skip(1).Select(line => new CsvLineError(line,
                $"{duplicate.Key.BaseCurrency}/{duplicate.Key.QuoteCurrency} on {duplicate.Key.On:yyyy-MM-dd} is also on line {lines[0]}: one rate per pair and day.")));
        }

        if (rates.Count > 0)
        {
            var dates = rates.Select(r => r.Rate.On).Distinct().ToList();
            var onRecord = await _db.ExchangeRates.AsNoTracking().Where(r => dates.Contains(r.On)).ToListAsync(cancellationToken);
            foreach (var (line, rate) in rates)
            {
                if (onRecord.Find(r => r.BaseCurrency == rate.BaseCurrency && r.QuoteCurrency == rate.QuoteCurrency && r.On == rate.On) is { } existing)
                {
                    errors.Add(new CsvLineError(line, $"A rate for {rate.BaseCurrency}/{rate.QuoteCurrency} on {rate.On:yyyy-MM-dd} is already on record ({existing.Rate.ToString("0.############", CultureInfo.InvariantCulture)}, {existing.Source})."));
                }
            }
        }

        if (errors.Count == 0 && rates.Count == 0)
        {
            errors.Add(new CsvLineError(2, "The file has no rates below its header line."));
        }

        if (errors.Count > 0)
        {
            return new RateImportResult(0, [.. errors.OrderBy(e => e.Line)]);
        }

        foreach (var (_, rate) in rates)
        {
            _db.ExchangeRates.Add(rate);
            AuditRate(rate, "imported");
        }

        await SaveAsync(cancellationToken);
        return new RateImportResult(rates.Count, []);
    }

    private ExchangeRate NewRate(ExchangeRateInput input) =>
        new(Guid.NewGuid(), CurrencyCode.From(input.Base), CurrencyCode.From(input.Quote), input.Rate!.Value, input.On!.Value, input.Source!, _user.DisplayName, _time.GetUtcNow());

    private Task<ExchangeRate?> ExistingAsync(ExchangeRate rate, CancellationToken cancellationToken) =>
        _db.ExchangeRates.AsNoTracking().FirstOrDefaultAsync(r => r.BaseCurrency == rate.BaseCurrency && r.QuoteCurrency == rate.QuoteCurrency && r.On == rate.On, cancellationToken);

    private void AuditRate(ExchangeRate rate, string action) =>
        _audit.Record("exchange-rate", Key(rate), null, action, RateField(rate), null, RateValue(rate));

    private static string Key(ExchangeRate rate) => $"{rate.BaseCurrency}/{rate.QuoteCurrency}";

    private static string RateField(ExchangeRate rate) => $"1 {rate.BaseCurrency} in {rate.QuoteCurrency} on {rate.On:yyyy-MM-dd}";

    private static string RateValue(ExchangeRate rate) => $"{rate.Rate.ToString("0.############", CultureInfo.InvariantCulture)} ({rate.Source})";

    /// <summary>Activates or deactivates a country or currency (the version the admin loaded), with its audit line.</summary>
    private async Task SetActiveAsync(string area, string key, object entity, uint version, bool was, bool active, Action apply, CancellationToken cancellationToken)
    {
        apply();
        _db.ExpectVersion(entity, version);
        _audit.Record(area, key, null, active ? "activated" : "deactivated", "Active", Words(was), Words(active));
        await SaveAsync(cancellationToken);
    }

    private async Task<Country> FindCountryAsync(string code, uint version, CancellationToken cancellationToken)
    {
        var key = CountryCode.TryFrom(code, out var parsed) ? parsed : null;
        var country = key is null ? null : await _db.Countries.FirstOrDefaultAsync(c => c.Code == key, cancellationToken);
        if (country is null)
        {
            throw new NotFoundException($"There is no country '{code}' on record.");
        }

        _db.ExpectVersion(country, version);
        return country;
    }

    private async Task<Currency> FindCurrencyAsync(string code, uint version, CancellationToken cancellationToken)
    {
        var key = CurrencyCode.TryFrom(code, out var parsed) ? parsed : null;
        var currency = key is null ? null : await _db.Currencies.FirstOrDefaultAsync(c => c.Code == key, cancellationToken);
        if (currency is null)
        {
            throw new NotFoundException($"There is no currency '{code}' on record.");
        }

        _db.ExpectVersion(currency, version);
        return currency;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConflictException("Someone else changed this meanwhile. Nothing was saved: reload the page and try again.", ex);
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message.Contains("ix_exchange_rates_base_currency_quote_currency_rate_date", StringComparison.Ordinal) == true)
        {
            throw new ConflictException("A rate for the same currencies and day was recorded meanwhile. Nothing was saved.", ex);
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

    private static bool Matches(string code, string name, string? search) =>
        string.IsNullOrWhiteSpace(search)
        || code.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)
        || name.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Words(bool active) => active ? "active" : "inactive";
}
