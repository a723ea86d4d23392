namespace Registry.Application.Features.Claims;

/// <summary>
/// At most <see cref="InvitationsPerSend"/> invitations to claim are queued by one send (<c>Claims:InvitationsPerSend</c>,
/// 1000), so a state of tens of thousands of holders is invited in batches over days; the outbox's own sending limit
/// (<c>Mail:MaxPerMinute</c>) then spreads each batch, behind every message someone is waiting for.
/// </summary>
public sealed record ClaimLimits(int InvitationsPerSend = 1000);
