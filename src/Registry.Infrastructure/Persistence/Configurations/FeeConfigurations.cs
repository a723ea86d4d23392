using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Applications;
using Registry.Domain.Employers;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class FeeConfiguration : IEntityTypeConfiguration<Fee>
{
    public void Configure(EntityTypeBuilder<Fee> builder)
    {
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.Ignore(f => f.DomainEvents);
        builder.Ignore(f => f.Balance);
        builder.Ignore(f => f.IsSettled);
        builder.Property(f => f.WaiverReason).HasMaxLength(Fee.ReasonMaxLength);
        builder.Property(f => f.CancellationReason).HasMaxLength(Fee.ReasonMaxLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CredentialProgram>().WithMany().HasForeignKey(f => f.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CertificationApplication>().WithMany().HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employer>().WithMany().HasForeignKey(f => f.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FeeFund>().WithMany().HasForeignKey(f => f.WaiverFundId).OnDelete(DeleteBehavior.Restrict);
        // A person's fees, an application's fee, a state's fees by status and date (staff lists, the revenue workbook).
        builder.HasIndex(f => new { f.PersonId, f.Status });
        builder.HasIndex(f => f.ApplicationId);
        builder.HasIndex(f => new { f.StateCode, f.Status, f.OwedAt });
        builder.HasIndex(f => new { f.EmployerId, f.Status });
        builder.HasMany(f => f.Payments).WithOne().HasForeignKey(p => p.FeeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Payments).HasField("_payments");
        builder.HasMany(f => f.Refunds).WithOne().HasForeignKey(r => r.FeeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Refunds).HasField("_refunds");
    }
}

internal sealed class FeePaymentConfiguration : IEntityTypeConfiguration<FeePayment>
{
    public void Configure(EntityTypeBuilder<FeePayment> builder)
    {
        builder.ToTable("FeePayments");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Reference).HasMaxLength(Fee.ReferenceMaxLength);
        builder.Property(p => p.ProviderPaymentId).HasMaxLength(PaymentCheckout.ProviderIdMaxLength);
        builder.HasOne<FeeFund>().WithMany().HasForeignKey(p => p.FundId).OnDelete(DeleteBehavior.Restrict);
        // One provider payment pays one fee once, whatever the webhooks' order or number.
        builder.HasIndex(p => p.ProviderPaymentId).IsUnique();
        builder.HasIndex(p => p.ReceivedOn);
    }
}

internal sealed class FeeRefundConfiguration : IEntityTypeConfiguration<FeeRefund>
{
    public void Configure(EntityTypeBuilder<FeeRefund> builder)
    {
        builder.ToTable("FeeRefunds");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Reason).HasMaxLength(Fee.ReasonMaxLength);
        builder.Property(r => r.ProviderRefundId).HasMaxLength(PaymentCheckout.ProviderIdMaxLength);
        builder.HasIndex(r => r.At);
    }
}

internal sealed class FeeFundConfiguration : IEntityTypeConfiguration<FeeFund>
{
    public void Configure(EntityTypeBuilder<FeeFund> builder)
    {
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.Property(f => f.Name).HasMaxLength(FeeFund.NameMaxLength);
        builder.Property(f => f.Purpose).HasMaxLength(FeeFund.PurposeMaxLength);
        builder.PrimitiveCollection(f => f.Covers).ElementType().HasConversion<string>();
        builder.HasIndex(f => new { f.StateCode, f.Name }).IsUnique();
        // An entity of its own (not owned) so the state export can read it; always loaded with its fund.
        builder.HasMany(f => f.Years).WithOne().HasForeignKey(y => y.FundId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Years).HasField("_years").AutoInclude();
    }
}

internal sealed class FundYearConfiguration : IEntityTypeConfiguration<FundYear>
{
    public void Configure(EntityTypeBuilder<FundYear> builder)
    {
        builder.ToTable("FeeFundYears");
        builder.HasKey(y => new { y.FundId, y.StartsOn });
        builder.Ignore(y => y.Left);
    }
}

internal sealed class VoucherConfiguration : IEntityTypeConfiguration<Voucher>
{
    public void Configure(EntityTypeBuilder<Voucher> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.Property(v => v.CodeHash).HasMaxLength(64);
        builder.Property(v => v.LastCharacters).HasMaxLength(8);
        builder.HasIndex(v => v.CodeHash).IsUnique();
        builder.HasIndex(v => v.BatchId);
        builder.HasIndex(v => v.UsedForFeeId);
        builder.HasOne<FeeFund>().WithMany().HasForeignKey(v => v.FundId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HardshipRequestConfiguration : IEntityTypeConfiguration<HardshipRequest>
{
    public void Configure(EntityTypeBuilder<HardshipRequest> builder)
    {
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Statement).HasMaxLength(HardshipRequest.StatementMaxLength);
        builder.Property(h => h.DecisionReason).HasMaxLength(Fee.ReasonMaxLength);
        builder.HasOne<Fee>().WithMany().HasForeignKey(h => h.FeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FeeFund>().WithMany().HasForeignKey(h => h.FundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => new { h.StateCode, h.Status, h.RequestedAt });
    }
}

internal sealed class PaymentCheckoutConfiguration : IEntityTypeConfiguration<PaymentCheckout>
{
    public void Configure(EntityTypeBuilder<PaymentCheckout> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Provider).HasMaxLength(PaymentCheckout.ProviderMaxLength);
        builder.Property(c => c.ProviderSessionId).HasMaxLength(PaymentCheckout.ProviderIdMaxLength);
        builder.Property(c => c.PaymentAddress).HasMaxLength(PaymentCheckout.AddressMaxLength);
        builder.HasOne<Fee>().WithMany().HasForeignKey(c => c.FeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.Provider, c.ProviderSessionId }).IsUnique();
        builder.HasIndex(c => c.FeeId);
    }
}

internal sealed class ProviderEventConfiguration : IEntityTypeConfiguration<ProviderEvent>
{
    public void Configure(EntityTypeBuilder<ProviderEvent> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Provider).HasMaxLength(PaymentCheckout.ProviderMaxLength);
        builder.Property(e => e.ProviderEventId).HasMaxLength(PaymentCheckout.ProviderIdMaxLength);
        builder.Property(e => e.Type).HasMaxLength(ProviderEvent.TypeMaxLength);
        builder.Property(e => e.Outcome).HasMaxLength(ProviderEvent.OutcomeMaxLength);
        // Each event is applied once: a replay or a concurrent duplicate finds its id taken.
        builder.HasIndex(e => new { e.Provider, e.ProviderEventId }).IsUnique();
    }
}

internal sealed class ProviderPaymentConfiguration : IEntityTypeConfiguration<ProviderPayment>
{
    public void Configure(EntityTypeBuilder<ProviderPayment> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Provider).HasMaxLength(PaymentCheckout.ProviderMaxLength);
        builder.Property(p => p.ProviderPaymentId).HasMaxLength(PaymentCheckout.ProviderIdMaxLength);
        builder.Property(p => p.ProviderSessionId).HasMaxLength(PaymentCheckout.ProviderIdMaxLength);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.UnmatchedBecause).HasMaxLength(ProviderEvent.OutcomeMaxLength);
        builder.Ignore(p => p.IsMatched);
        builder.HasIndex(p => new { p.Provider, p.ProviderPaymentId }).IsUnique();
        builder.HasIndex(p => new { p.StateCode, p.PaidAt });
    }
}
