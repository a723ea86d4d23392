using Registry.Application.Features.Letters;

namespace Registry.Web.Pages.Shared;

/// <summary>The decision letters a page lists (partial _Letters), under a heading of the page's level with a unique id.</summary>
public sealed record LetterLinks(IReadOnlyList<LetterSummary> Letters, string Heading = "Letters", int HeadingLevel = 2, string Id = "letters-heading");
