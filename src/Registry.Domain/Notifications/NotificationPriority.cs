namespace Registry.Domain.Notifications;

/// <summary>
/// Which messages the dispatcher sends first when the sending limit leaves a queue: a password reset or a
/// decision must not wait behind the thousands of reminders a calendar-year program sends on one day.
/// </summary>
public enum NotificationPriority
{
    /// <summary>Someone is waiting for it: confirmations, password resets, invitations, decisions.</summary>
    Immediate = 0,

    /// <summary>Sent by a scheduled job to many people at once: reminders, expiry notices, watch-list alerts.</summary>
    Bulk = 1,
}
