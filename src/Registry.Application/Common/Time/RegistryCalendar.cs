using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Common.Time;

/// <summary>Reads each state's time zone once per scope.</summary>
internal sealed class RegistryCalendar(IRegistryDbContext db, TimeProvider clock) : IRegistryCalendar
{
    private readonly Dictionary<StateCode, string> _zones = [];

    public async Task<DateOnly> TodayAsync(StateCode state, CancellationToken cancellationToken)
    {
        if (!_zones.TryGetValue(state, out var zone))
        {
            zone = await db.Jurisdictions.Where(j => j.Code == state).Select(j => j.TimeZone).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("State", state.Value);
            _zones[state] = zone;
        }
        return RegistryDay.Today(clock, zone);
    }

    public async Task<DateOnly> TodayForProgramAsync(Guid programId, CancellationToken cancellationToken)
    {
        var state = await db.Programs.Where(p => p.Id == programId).Select(p => (StateCode?)p.StateCode).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Program", programId);
        return await TodayAsync(state, cancellationToken);
    }

    public DateOnly TodayNationwide() => RegistryDay.TodayNationwide(clock);
}
