using CoProd.Domain.Deals;
using CoProd.Domain.ReferenceData;
using CoProd.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProd.Infrastructure.Persistence.Configurations;

/// <summary>
/// A deal: its row holds the project and the sections kept as values (schedule as columns; decisions, milestones,
/// rights, legal terms and the recorded eligibility check as jsonb); members, partners, contributions, key people
/// and places are rows of their own so lists can be filtered in SQL.
/// </summary>
internal sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    public void Configure(EntityTypeBuilder<Deal> builder)
    {
        builder.ToTable("deals");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Title).HasMaxLength(Deal.TitleMaxLength);
        builder.Property(d => d.Format).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Currency).HasConversion(CodeConverters.Currency).HasMaxLength(CurrencyCode.Length);
        builder.Property(d => d.Budget).HasPrecision(20, 4);
        builder.Property(d => d.Synopsis).HasMaxLength(Deal.SynopsisMaxLength);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.TreatyCode).HasMaxLength(50);
        builder.Property(d => d.Version).IsRowVersion();
        builder.HasIndex(d => d.Status);
        builder.HasIndex(d => d.UpdatedAt);

        builder.ComplexProperty(d => d.Schedule, schedule =>
        {
            schedule.Property(s => s.DevelopmentStart).HasColumnName("development_start");
            schedule.Property(s => s.PreProductionStart).HasColumnName("pre_production_start");
            schedule.Property(s => s.ShootStart).HasColumnName("shoot_start");
            schedule.Property(s => s.ShootEnd).HasColumnName("shoot_end");
            schedule.Property(s => s.PostProductionEnd).HasColumnName("post_production_end");
            schedule.Property(s => s.Delivery).HasColumnName("delivery");
        });

        builder.Ignore(d => d.Languages);
        builder.Property<List<string>>("_languages").HasColumnName("languages");
        builder.Ignore(d => d.DecisionRules);
        builder.Property<List<DecisionRule>>("_decisionRules").HasColumnName("decision_rules").IsJson();
        builder.Ignore(d => d.Milestones);
        builder.Property<List<Milestone>>("_milestones").HasColumnName("milestones").IsJson();
        builder.Property(d => d.Overages).HasColumnName("overages").IsJson();
        builder.Property(d => d.Rights).HasColumnName("rights").IsJson();
        builder.Property(d => d.Legal).HasColumnName("legal_terms").IsJson();
        builder.Property(d => d.Eligibility).HasColumnName("eligibility").IsJson();
        builder.Ignore(d => d.BudgetMoney);
        builder.Ignore(d => d.IsEditable);

        builder.HasMany(d => d.Partners).WithOne().HasForeignKey("DealId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Partners).HasField("_partners");
        builder.HasMany(d => d.Contributions).WithOne().HasForeignKey("DealId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Contributions).HasField("_contributions");
        builder.HasMany(d => d.KeyPeople).WithOne().HasForeignKey("DealId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.KeyPeople).HasField("_keyPeople");
        builder.HasMany(d => d.Members).WithOne().HasForeignKey(m => m.DealId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Members).HasField("_members");

        builder.OwnsMany(d => d.Locations, location =>
        {
            location.ToTable("deal_locations");
            location.WithOwner().HasForeignKey("DealId");
            location.Property<int>("Id").UseIdentityByDefaultColumn();
            location.HasKey("Id");
            location.Property(l => l.Kind).HasConversion<string>().HasMaxLength(30);
            location.Property(l => l.Country).HasConversion(CodeConverters.Country).HasMaxLength(CountryCode.Length);
            location.Property(l => l.Place).HasMaxLength(ProductionLocation.PlaceMaxLength);
            location.HasOne<Country>().WithMany().HasForeignKey(l => l.Country).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(d => d.Locations).HasField("_locations");
    }
}

internal sealed class DealMemberConfiguration : IEntityTypeConfiguration<DealMember>
{
    public void Configure(EntityTypeBuilder<DealMember> builder)
    {
        builder.ToTable("deal_members");
        builder.HasKey(m => new { m.DealId, m.UserId });
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.UserId);
    }
}

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.ToTable("deal_partners");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.CompanyName).HasMaxLength(Partner.CompanyNameMaxLength);
        builder.Property(p => p.Country).HasConversion(CodeConverters.Country).HasMaxLength(CountryCode.Length);
        builder.HasOne<Country>().WithMany().HasForeignKey(p => p.Country).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Contact).HasMaxLength(Partner.ContactMaxLength);
        builder.Ignore(p => p.IsFinancialOnly);
    }
}

internal sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> builder)
    {
        builder.ToTable("deal_contributions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Partner>().WithMany().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Description).HasMaxLength(Contribution.DescriptionMaxLength);
        builder.ComplexProperty(c => c.Amount, amount =>
        {
            amount.Property(m => m.Amount).HasColumnName("amount").HasPrecision(20, 4);
            amount.Property(m => m.Currency).HasColumnName("currency").HasConversion(CodeConverters.Currency).HasMaxLength(CurrencyCode.Length);
        });
        builder.Property(c => c.RateToDealCurrency).HasPrecision(28, 12);
        builder.Property(c => c.SpendCountry).HasConversion(CodeConverters.Country).HasMaxLength(CountryCode.Length);
        builder.HasOne<Country>().WithMany().HasForeignKey(c => c.SpendCountry).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class KeyPersonConfiguration : IEntityTypeConfiguration<KeyPerson>
{
    public void Configure(EntityTypeBuilder<KeyPerson> builder)
    {
        builder.ToTable("deal_key_people");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Name).HasMaxLength(KeyPerson.NameMaxLength);
        builder.Property(p => p.Nationality).HasConversion(CodeConverters.Country).HasMaxLength(CountryCode.Length);
        builder.Property(p => p.Residence).HasConversion(CodeConverters.Country!).HasMaxLength(CountryCode.Length);
    }
}
