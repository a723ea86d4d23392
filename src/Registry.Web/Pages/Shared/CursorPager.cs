namespace Registry.Web.Pages.Shared;

/// <summary>
/// The links under a list read a page at a time: "Next page" when there is one, and "First page" when this is
/// not the first. No page numbers: a cursor says where a page ended, not how many came before.
/// </summary>
/// <param name="Label">Names the navigation landmark, e.g. "Audit log pages".</param>
/// <param name="FirstHref">The list from its start; null on the first page.</param>
/// <param name="NextHref">The page after this one; null on the last page.</param>
public sealed record CursorPager(string Label, string? FirstHref, string? NextHref);
