using System.Buffers.Text;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace Registry.Application.Common.Paging;

/// <summary>
/// One page of a list that can grow: its items, and the cursor that asks for the page after it (null on the
/// last page). Every such list in the registry — pages and API alike — is read this way.
/// </summary>
public sealed record CursorPage<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>
/// Keyset paging: a cursor is the sort key of the last item a page showed, so a page never repeats or skips
/// an item when rows are added before it. Cursors are opaque to callers (base64url JSON of the key).
/// </summary>
public static class Cursor
{
    public const int DefaultLimit = 50;
    public const int MaximumLimit = 200;

    public const string InvalidMessage = "The cursor is not one this list gave out; start again without it.";

    public static string Encode<TKey>(TKey key) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key));

    /// <summary>The key a cursor carries; null when there is no cursor (the first page); 400 with the field named when it was altered.</summary>
    public static TKey? Decode<TKey>(string? cursor) where TKey : class
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        try
        {
            return JsonSerializer.Deserialize<TKey>(Base64Url.DecodeFromChars(cursor)) ?? throw Invalid();
        }
        catch (Exception e) when (e is FormatException or JsonException or NotSupportedException)
        {
            throw Invalid();
        }
    }

    /// <summary>
    /// The page from rows read with <c>Take(limit + 1)</c> in key order: the extra row, when it came, says a
    /// next page exists, and the cursor is the key of the last row shown.
    /// </summary>
    public static CursorPage<T> Page<TRow, T, TKey>(IReadOnlyList<TRow> rows, int limit, Func<TRow, TKey> keyOf, Func<TRow, T> item)
    {
        var shown = rows.Take(limit).ToList();
        var next = rows.Count > limit ? Encode(keyOf(shown[^1])) : null;
        return new CursorPage<T>(shown.Select(item).ToList(), next);
    }

    /// <summary>The limit rule every paged query's validator applies.</summary>
    public static IRuleBuilderOptions<T, int> WithinPageLimit<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, MaximumLimit).WithMessage($"Ask for from 1 to {MaximumLimit} items a page.");

    private static ValidationException Invalid() => new([new ValidationFailure("cursor", InvalidMessage)]);
}
