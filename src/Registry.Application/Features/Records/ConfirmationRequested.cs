namespace Registry.Application.Features.Records;

/// <summary>A link was e-mailed; the link itself goes only to the recipient, never back to the applicant.</summary>
public sealed record ConfirmationRequested(Guid ConfirmationRequestId, string SentTo, int Records, DateTimeOffset ExpiresAt);
