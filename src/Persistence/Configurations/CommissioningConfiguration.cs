using Commonweal.Core.Commissioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Persistence.Configurations;

public sealed class PooledFundConfiguration : IEntityTypeConfiguration<PooledFund>
{
    public void Configure(EntityTypeBuilder<PooledFund> builder)
    {
        builder.ToTable("pooled_funds");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Code).HasMaxLength(32);
        builder.HasIndex(f => f.Code).IsUnique();
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.Arrangement).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Description).HasMaxLength(4000);
        builder.Property(f => f.CreatedBy).HasMaxLength(256);
        builder.HasOne<Partner>().WithMany().HasForeignKey(f => f.Host).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class FundContributionConfiguration : IEntityTypeConfiguration<FundContribution>
{
    public void Configure(EntityTypeBuilder<FundContribution> builder)
    {
        builder.ToTable("fund_contributions");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.Fund, c.Year, c.Partner });
        builder.Property(c => c.Note).HasMaxLength(2000);
        builder.Property(c => c.By).HasMaxLength(256);
        builder.HasOne<PooledFund>().WithMany().HasForeignKey(c => c.Fund).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Partner>().WithMany().HasForeignKey(c => c.Partner).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class FundEarmarkConfiguration : IEntityTypeConfiguration<FundEarmark>
{
    public void Configure(EntityTypeBuilder<FundEarmark> builder)
    {
        builder.ToTable("fund_earmarks");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.Fund, e.Year });
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.Domain).HasMaxLength(32);
        builder.Property(e => e.By).HasMaxLength(256);
        builder.HasOne<PooledFund>().WithMany().HasForeignKey(e => e.Fund).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FundCommitmentConfiguration : IEntityTypeConfiguration<FundCommitment>
{
    public void Configure(EntityTypeBuilder<FundCommitment> builder)
    {
        builder.ToTable("fund_commitments");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.Fund, c.Year, c.Partner });
        builder.HasIndex(c => c.Contract);
        builder.Property(c => c.By).HasMaxLength(256);
        builder.HasOne<PooledFund>().WithMany().HasForeignKey(c => c.Fund).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Partner>().WithMany().HasForeignKey(c => c.Partner).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FundEarmark>().WithMany().HasForeignKey(c => c.Earmark).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contract>().WithMany().HasForeignKey(c => c.Contract).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FundSpendConfiguration : IEntityTypeConfiguration<FundSpend>
{
    public void Configure(EntityTypeBuilder<FundSpend> builder)
    {
        builder.ToTable("fund_spend");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.Commitment);
        builder.Property(s => s.Description).HasMaxLength(2000);
        builder.Property(s => s.By).HasMaxLength(256);
        builder.HasOne<FundCommitment>().WithMany().HasForeignKey(s => s.Commitment).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IntentionConfiguration : IEntityTypeConfiguration<Intention>
{
    public void Configure(EntityTypeBuilder<Intention> builder)
    {
        builder.ToTable("commissioning_intentions");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.Summary).HasMaxLength(8000);
        builder.Property(i => i.FocusArea).HasMaxLength(32);
        builder.Property(i => i.Stage).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Route).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.CreatedBy).HasMaxLength(256);
        builder.HasOne<Partner>().WithMany().HasForeignKey(i => i.Lead).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partner>().WithMany().HasForeignKey(i => i.Provider).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contract>().WithMany().HasForeignKey(i => i.Contract).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class IntentionPartnerConfiguration : IEntityTypeConfiguration<IntentionPartner>
{
    public void Configure(EntityTypeBuilder<IntentionPartner> builder)
    {
        builder.ToTable("intention_partners");
        builder.HasKey(p => new { p.Intention, p.Partner });
        builder.HasOne<Intention>().WithMany().HasForeignKey(p => p.Intention).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Partner>().WithMany().HasForeignKey(p => p.Partner).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class IntentionEvidenceConfiguration : IEntityTypeConfiguration<IntentionEvidence>
{
    public void Configure(EntityTypeBuilder<IntentionEvidence> builder)
    {
        builder.ToTable("intention_evidence");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.Intention);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Reference).HasMaxLength(200);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.HasOne<Intention>().WithMany().HasForeignKey(e => e.Intention).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IntentionStepConfiguration : IEntityTypeConfiguration<IntentionStep>
{
    public void Configure(EntityTypeBuilder<IntentionStep> builder)
    {
        builder.ToTable("intention_steps");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.Intention);
        builder.Property(s => s.Stage).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Owner).HasMaxLength(200);
        builder.Property(s => s.Note).HasMaxLength(4000);
        builder.Property(s => s.By).HasMaxLength(256);
        builder.HasOne<Intention>().WithMany().HasForeignKey(s => s.Intention).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> builder)
    {
        builder.ToTable("contracts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Ref).HasMaxLength(50);
        builder.HasIndex(c => c.Ref).IsUnique();
        builder.HasIndex(c => c.Provider);
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.Route).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Description).HasMaxLength(8000);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.HasOne<Partner>().WithMany().HasForeignKey(c => c.Provider).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partner>().WithMany().HasForeignKey(c => c.Commissioner).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contract>().WithMany().HasForeignKey(c => c.Baseline).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ContractVariationConfiguration : IEntityTypeConfiguration<ContractVariation>
{
    public void Configure(EntityTypeBuilder<ContractVariation> builder)
    {
        builder.ToTable("contract_variations");
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => new { v.Contract, v.Number }).IsUnique();
        builder.Property(v => v.Summary).HasMaxLength(4000);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        builder.HasOne<Contract>().WithMany().HasForeignKey(v => v.Contract).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ServiceLineConfiguration : IEntityTypeConfiguration<ServiceLine>
{
    public void Configure(EntityTypeBuilder<ServiceLine> builder)
    {
        builder.ToTable("service_lines");
        builder.HasKey(l => l.Id);
        builder.HasIndex(l => l.Contract);
        builder.Property(l => l.Code).HasMaxLength(32);
        builder.Property(l => l.Name).HasMaxLength(300);
        builder.HasOne<Contract>().WithMany().HasForeignKey(l => l.Contract).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ContractKpiConfiguration : IEntityTypeConfiguration<ContractKpi>
{
    public void Configure(EntityTypeBuilder<ContractKpi> builder)
    {
        builder.ToTable("contract_kpis");
        builder.HasKey(k => k.Id);
        builder.HasIndex(k => new { k.Contract, k.Code });
        builder.Property(k => k.Code).HasMaxLength(32);
        builder.Property(k => k.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.BaselinePeriod).HasMaxLength(48);
        builder.Property(k => k.DeadlinePeriod).HasMaxLength(48);
        builder.Property(k => k.Trajectory).HasMaxLength(2000);
        builder.Property(k => k.Lead).HasMaxLength(200);
        builder.Property(k => k.ServiceLine).HasMaxLength(32);
        builder.HasOne<Contract>().WithMany().HasForeignKey(k => k.Contract).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ContractDocumentConfiguration : IEntityTypeConfiguration<ContractDocument>
{
    public void Configure(EntityTypeBuilder<ContractDocument> builder)
    {
        builder.ToTable("contract_documents");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => d.Contract);
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.By).HasMaxLength(256);
        builder.HasOne<Contract>().WithMany().HasForeignKey(d => d.Contract).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ContractVariation>().WithMany().HasForeignKey(d => d.Variation).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class KpiReturnConfiguration : IEntityTypeConfiguration<KpiReturn>
{
    public void Configure(EntityTypeBuilder<KpiReturn> builder)
    {
        builder.ToTable("kpi_returns");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.Contract, r.Kpi, r.Period }).IsUnique();
        builder.Property(r => r.Kpi).HasMaxLength(32);
        builder.Property(r => r.Period).HasMaxLength(48);
        builder.Property(r => r.Note).HasMaxLength(2000);
        builder.HasOne<Contract>().WithMany().HasForeignKey(r => r.Contract).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReturnBatch>().WithMany().HasForeignKey(r => r.Batch).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReturnBatchConfiguration : IEntityTypeConfiguration<ReturnBatch>
{
    public void Configure(EntityTypeBuilder<ReturnBatch> builder)
    {
        builder.ToTable("return_batches");
        builder.HasKey(b => b.Id);
        builder.HasIndex(b => b.Contract);
        builder.Property(b => b.FileName).HasMaxLength(200);
        builder.Property(b => b.By).HasMaxLength(256);
        builder.HasOne<Contract>().WithMany().HasForeignKey(b => b.Contract).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RemedialPlanConfiguration : IEntityTypeConfiguration<RemedialPlan>
{
    public void Configure(EntityTypeBuilder<RemedialPlan> builder)
    {
        builder.ToTable("remedial_plans");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.Contract, p.Kpi });
        builder.Property(p => p.Kpi).HasMaxLength(32);
        builder.Property(p => p.Period).HasMaxLength(48);
        builder.Property(p => p.Reason).HasMaxLength(2000);
        builder.Property(p => p.OpenedBy).HasMaxLength(256);
        builder.Property(p => p.ClosedBy).HasMaxLength(256);
        builder.Property(p => p.ClosingNote).HasMaxLength(4000);
        builder.HasOne<Contract>().WithMany().HasForeignKey(p => p.Contract).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RemedialActionConfiguration : IEntityTypeConfiguration<RemedialAction>
{
    public void Configure(EntityTypeBuilder<RemedialAction> builder)
    {
        builder.ToTable("remedial_actions");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.Plan);
        builder.Property(a => a.What).HasMaxLength(2000);
        builder.Property(a => a.Owner).HasMaxLength(200);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.CreatedBy).HasMaxLength(256);
        builder.Property(a => a.UpdatedBy).HasMaxLength(256);
        builder.HasOne<RemedialPlan>().WithMany().HasForeignKey(a => a.Plan).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CommissioningPlanConfiguration : IEntityTypeConfiguration<CommissioningPlan>
{
    public void Configure(EntityTypeBuilder<CommissioningPlan> builder)
    {
        builder.ToTable("commissioning_plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.Property(p => p.Domains).HasMaxLength(1000);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Decision).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.DecisionNote).HasMaxLength(4000);
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        builder.Property(p => p.DecidedBy).HasMaxLength(256);
        builder.HasOne<Partner>().WithMany().HasForeignKey(p => p.Partner).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PlanScoreConfiguration : IEntityTypeConfiguration<PlanScore>
{
    public void Configure(EntityTypeBuilder<PlanScore> builder)
    {
        builder.ToTable("plan_scores");
        builder.HasKey(s => new { s.Plan, s.Criterion });
        builder.Property(s => s.Criterion).HasMaxLength(8);
        builder.Property(s => s.Evidence).HasMaxLength(4000);
        builder.Property(s => s.Links).HasMaxLength(2000);
        builder.HasOne<CommissioningPlan>().WithMany().HasForeignKey(s => s.Plan).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PriorityMarkConfiguration : IEntityTypeConfiguration<PriorityMark>
{
    public void Configure(EntityTypeBuilder<PriorityMark> builder)
    {
        builder.ToTable("priority_marks");
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => new { m.Organisation, m.Theme }).IsUnique();
        builder.Property(m => m.Organisation).HasMaxLength(200);
        builder.Property(m => m.Group).HasMaxLength(64);
        builder.Property(m => m.Theme).HasMaxLength(100);
        builder.Property(m => m.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Source).HasMaxLength(400);
    }
}
