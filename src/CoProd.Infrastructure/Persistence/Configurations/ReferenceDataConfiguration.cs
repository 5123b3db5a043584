using CoProd.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoProd.Infrastructure.Persistence.Configurations;

internal static class CodeConverters
{
    public static readonly ValueConverter<CountryCode, string> Country = new(c => c.Value, v => CountryCode.From(v));
    public static readonly ValueConverter<CurrencyCode, string> Currency = new(c => c.Value, v => CurrencyCode.From(v));
}

internal sealed class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> builder)
    {
        builder.ToTable("countries", t => t.HasCheckConstraint("ck_countries_code", "code ~ '^[A-Z]{2}$'"));
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasConversion(CodeConverters.Country).HasMaxLength(CountryCode.Length);
        builder.Property(c => c.Name).HasMaxLength(Country.NameMaxLength);
        builder.Property(c => c.Version).IsRowVersion();
    }
}

internal sealed class CurrencyConfiguration : IEntityTypeConfiguration<Currency>
{
    public void Configure(EntityTypeBuilder<Currency> builder)
    {
        builder.ToTable("currencies", t =>
        {
            t.HasCheckConstraint("ck_currencies_code", "code ~ '^[A-Z]{3}$'");
            t.HasCheckConstraint("ck_currencies_minor_units", $"minor_units BETWEEN 0 AND {Currency.MaxMinorUnits}");
        });
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasConversion(CodeConverters.Currency).HasMaxLength(CurrencyCode.Length);
        builder.Property(c => c.Name).HasMaxLength(Currency.NameMaxLength);
        builder.Property(c => c.Version).IsRowVersion();
    }
}

internal sealed class ExchangeRateConfiguration : IEntityTypeConfiguration<ExchangeRate>
{
    public void Configure(EntityTypeBuilder<ExchangeRate> builder)
    {
        builder.ToTable("exchange_rates", t =>
        {
            t.HasCheckConstraint("ck_exchange_rates_rate", "rate > 0");
            t.HasCheckConstraint("ck_exchange_rates_currencies", "base_currency <> quote_currency");
        });
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.BaseCurrency).HasConversion(CodeConverters.Currency).HasMaxLength(CurrencyCode.Length);
        builder.Property(r => r.QuoteCurrency).HasConversion(CodeConverters.Currency).HasMaxLength(CurrencyCode.Length);
        builder.Property(r => r.Rate).HasPrecision(28, ExchangeRate.RateDecimals);
        builder.Property(r => r.On).HasColumnName("rate_date");
        builder.Property(r => r.Source).HasMaxLength(ExchangeRate.SourceMaxLength);
        builder.Property(r => r.EnteredBy).HasMaxLength(ExchangeRate.EnteredByMaxLength);

        // One rate per pair and day; the lookup "latest on or before a date" reads this index backwards.
        builder.HasIndex(r => new { r.BaseCurrency, r.QuoteCurrency, r.On }).IsUnique();
        builder.HasIndex(r => r.On);
        builder.HasOne<Currency>().WithMany().HasForeignKey(r => r.BaseCurrency).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Currency>().WithMany().HasForeignKey(r => r.QuoteCurrency).OnDelete(DeleteBehavior.Restrict);
    }
}
