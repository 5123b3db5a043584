using CoProd.Domain.Audit;
using CoProd.Domain.Deals;
using CoProd.Domain.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProd.Infrastructure.Persistence.Configurations;

internal sealed class DealVersionConfiguration : IEntityTypeConfiguration<DealVersion>
{
    public void Configure(EntityTypeBuilder<DealVersion> builder)
    {
        builder.ToTable("deal_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasOne<Deal>().WithMany().HasForeignKey(v => v.DealId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.DealId, v.Number }).IsUnique();
        builder.Property(v => v.FromStatus).HasConversion<string>().HasMaxLength(30);
        builder.Property(v => v.ToStatus).HasConversion<string>().HasMaxLength(30);
        builder.Property(v => v.Snapshot).HasColumnType("jsonb");
        builder.Property(v => v.CreatedByName).HasMaxLength(200);
        builder.Property(v => v.Note).HasMaxLength(DealVersion.NoteMaxLength);
    }
}

internal sealed class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> builder)
    {
        builder.ToTable("deal_comments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Deal>().WithMany().HasForeignKey(c => c.DealId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReviewComment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.DealId, c.CreatedAt });
        builder.Property(c => c.Anchor).HasMaxLength(ReviewComment.AnchorMaxLength);
        builder.Property(c => c.Body).HasMaxLength(ReviewComment.BodyMaxLength);
        builder.Property(c => c.AuthorName).HasMaxLength(200);
        builder.Property(c => c.ResolvedByName).HasMaxLength(200);
        builder.Property(c => c.Version).IsRowVersion();
        builder.Ignore(c => c.IsResolved);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).UseIdentityByDefaultColumn();
        builder.Property(a => a.UserName).HasMaxLength(AuditEntry.UserNameMaxLength);
        builder.Property(a => a.Area).HasMaxLength(AuditEntry.AreaMaxLength);
        builder.Property(a => a.EntityKey).HasMaxLength(AuditEntry.KeyMaxLength);
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.ActionMaxLength);
        builder.Property(a => a.Field).HasMaxLength(AuditEntry.FieldMaxLength);
        builder.Property(a => a.OldValue).HasMaxLength(AuditEntry.ValueMaxLength);
        builder.Property(a => a.NewValue).HasMaxLength(AuditEntry.ValueMaxLength);
        builder.HasIndex(a => new { a.DealId, a.At });
        builder.HasIndex(a => new { a.Area, a.EntityKey, a.At });
    }
}
