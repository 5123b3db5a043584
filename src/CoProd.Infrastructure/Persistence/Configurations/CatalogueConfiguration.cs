using CoProd.Domain.Catalogues;
using CoProd.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProd.Infrastructure.Persistence.Configurations;

internal sealed class DecisionDomainConfiguration : IEntityTypeConfiguration<DecisionDomain>
{
    public void Configure(EntityTypeBuilder<DecisionDomain> builder)
    {
        builder.ToTable("decision_domains");
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(DecisionDomain.CodeMaxLength);
        builder.Property(d => d.Name).HasMaxLength(DecisionDomain.NameMaxLength);
        builder.Property(d => d.Description).HasMaxLength(DecisionDomain.DescriptionMaxLength);
        builder.Property(d => d.Version).IsRowVersion();
    }
}

internal sealed class MediumConfiguration : IEntityTypeConfiguration<Medium>
{
    public void Configure(EntityTypeBuilder<Medium> builder)
    {
        builder.ToTable("media");
        builder.HasKey(m => m.Code);
        builder.Property(m => m.Code).HasMaxLength(Medium.CodeMaxLength);
        builder.Property(m => m.Name).HasMaxLength(Medium.NameMaxLength);
        builder.Property(m => m.Version).IsRowVersion();
    }
}

internal sealed class TerritoryGroupConfiguration : IEntityTypeConfiguration<TerritoryGroup>
{
    public void Configure(EntityTypeBuilder<TerritoryGroup> builder)
    {
        builder.ToTable("territory_groups");
        builder.HasKey(g => g.Code);
        builder.Property(g => g.Code).HasMaxLength(TerritoryGroup.CodeMaxLength);
        builder.Property(g => g.Name).HasMaxLength(TerritoryGroup.NameMaxLength);
        builder.Ignore(g => g.Countries);
        builder.Property<List<CountryCode>>("_countries").HasColumnName("countries").IsJson();
        builder.Property(g => g.Version).IsRowVersion();
    }
}
