using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Time;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Records;

internal static class RecordsLoading
{
    /// <summary>Today in the program's state and the applicant's birth date: what a dated record may be.</summary>
    public static async Task<RecordDates> RecordDatesAsync(this IRegistryDbContext db, CertificationApplication application, IRegistryCalendar calendar, CancellationToken cancellationToken)
    {
        var born = await db.People.Where(p => p.Id == application.PersonId).Select(p => p.DateOfBirth).SingleAsync(cancellationToken);
        return new RecordDates(await calendar.TodayForProgramAsync(application.ProgramId, cancellationToken), born);
    }

    /// <summary>The applicant's name as a supervisor or referee knows it.</summary>
    public static async Task<string> ApplicantNameAsync(this IRegistryDbContext db, Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.LegalFirstName, p.LegalLastName, p.PreferredName }).SingleAsync(cancellationToken);
        return $"{person.PreferredName ?? person.LegalFirstName} {person.LegalLastName}";
    }
}
