using CoProd.Domain.ReferenceData;
using CoProd.Domain.Treaties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProd.Infrastructure.Persistence.Configurations;

internal sealed class TreatyConfiguration : IEntityTypeConfiguration<Treaty>
{
    public void Configure(EntityTypeBuilder<Treaty> builder)
    {
        builder.ToTable("treaties");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Code).HasMaxLength(Treaty.CodeMaxLength);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(Treaty.NameMaxLength);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.DatesNote).HasMaxLength(Treaty.NoteMaxLength);
        builder.Property(t => t.Version).IsRowVersion();

        builder.Ignore(t => t.Sources);
        builder.Property<List<RuleSource>>("_sources").HasColumnName("sources").IsJson();

        builder.OwnsMany(t => t.Parties, party =>
        {
            party.ToTable("treaty_parties");
            party.WithOwner().HasForeignKey("TreatyId");
            party.Property(p => p.Country).HasConversion(CodeConverters.Country).HasMaxLength(2);
            party.Property(p => p.From).HasColumnName("joined_on");
            party.Property(p => p.Until).HasColumnName("left_on");
            party.HasKey("TreatyId", nameof(TreatyParty.Country));
            party.HasOne<Country>().WithMany().HasForeignKey(p => p.Country).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(t => t.Parties).HasField("_parties");

        builder.HasMany(t => t.RuleVersions).WithOne().HasForeignKey(v => v.TreatyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.RuleVersions).HasField("_ruleVersions");
        builder.Ignore(t => t.LatestPublished);
    }
}

internal sealed class RuleVersionConfiguration : IEntityTypeConfiguration<RuleVersion>
{
    public void Configure(EntityTypeBuilder<RuleVersion> builder)
    {
        builder.ToTable("treaty_rule_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasIndex(v => new { v.TreatyId, v.Number }).IsUnique();
        builder.Property(v => v.Rules).IsJson();
        builder.Property(v => v.ChangeNote).HasMaxLength(RuleVersion.ChangeNoteMaxLength);
        builder.Property(v => v.CreatedBy).HasMaxLength(RuleVersion.AuthorMaxLength);
        builder.Property(v => v.PublishedBy).HasMaxLength(RuleVersion.AuthorMaxLength);
    }
}
