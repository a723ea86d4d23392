using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.People;
using Registry.Domain.Workforce;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class WorkforceSurveyResponseConfiguration : IEntityTypeConfiguration<WorkforceSurveyResponse>
{
    public void Configure(EntityTypeBuilder<WorkforceSurveyResponse> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Ignore(r => r.Answers);
        // The answers with several choices are bit sets, stored as numbers so counts can test each bit.
        builder.Property(r => r.RaceEthnicity).HasConversion<int?>();
        builder.Property(r => r.Languages).HasConversion<int?>();
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PersonId, r.AnsweredOn });
        builder.HasIndex(r => new { r.StateCode, r.AnsweredOn });
        builder.HasIndex(r => r.ApplicationId);
    }
}
