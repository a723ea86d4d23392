using Registry.Domain.Jurisdictions;

namespace Registry.Application.Common.Time;

/// <summary>
/// What day it is, for handlers and pages: a state's credentials live on the calendar of the state's own time zone
/// (<see cref="Jurisdiction.TimeZone"/>), so "today" is asked of a state. Everything goes through
/// <see cref="RegistryDay"/>.
/// </summary>
public interface IRegistryCalendar
{
    /// <summary>Today in the state's time zone.</summary>
    Task<DateOnly> TodayAsync(StateCode state, CancellationToken cancellationToken);

    /// <summary>Today in the time zone of the program's state.</summary>
    Task<DateOnly> TodayForProgramAsync(Guid programId, CancellationToken cancellationToken);

    /// <summary>Today for a date that belongs to no state (see <see cref="RegistryDay.NationwideTimeZone"/>).</summary>
    DateOnly TodayNationwide();
}
