using Registry.Domain.Documents;

namespace Registry.Application.Features.Letters;

/// <summary>One letter in a list: download it at <c>/api/v1/letters/{Id}</c>.</summary>
public sealed record LetterSummary(Guid Id, DecisionLetterKind Kind, string FileName, DateTimeOffset SentAt);
