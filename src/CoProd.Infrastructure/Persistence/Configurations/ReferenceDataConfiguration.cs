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
