namespace Registry.Application.Features.Records;

/// <summary>The id of a record an applicant has just added.</summary>
public sealed record RecordAdded(Guid RecordId);
