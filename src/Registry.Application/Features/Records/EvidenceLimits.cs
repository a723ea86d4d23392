using Registry.Application.Common.Interfaces;
using Registry.Domain.Documents;

namespace Registry.Application.Features.Records;

/// <summary>
/// How much evidence one person may keep (<c>Documents:QuotaBytesPerPerson</c>, 200 MB), how many files they may hold
/// that no record points at (<c>Documents:MaxUnattachedPerPerson</c>, 20), and how long such a file is kept before the
/// clean-up removes it (<c>Documents:UnattachedDays</c>, 7).
/// </summary>
public sealed record EvidenceLimits(long QuotaBytesPerPerson = 200 * 1024 * 1024, int MaxUnattachedPerPerson = 20, int UnattachedDays = 7)
{
    /// <summary>Files no training or continuing-education record points at (an upload whose record was never added, or was removed).</summary>
    public static IQueryable<EvidenceDocument> Unattached(IRegistryDbContext db) =>
        db.Documents.Where(d => !db.Applications.Any(a =>
            a.TrainingRecords.Any(t => t.EvidenceDocumentId == d.Id) || a.ContinuingEducation.Any(c => c.EvidenceDocumentId == d.Id)));
}
