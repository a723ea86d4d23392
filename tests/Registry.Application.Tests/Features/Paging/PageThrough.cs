using Registry.Application.Common.Paging;

namespace Registry.Application.Tests.Features.Paging;

/// <summary>Reads a cursor-paged list to its end, letting the test change the data between pages.</summary>
public static class PageThrough
{
    /// <param name="read">Reads the page after the cursor (null: the first page).</param>
    /// <param name="between">Runs after each page but the last, with the number of pages read so far.</param>
    public static async Task<List<T>> AllAsync<T>(Func<string?, Task<CursorPage<T>>> read, Func<int, Task> between)
    {
        var items = new List<T>();
        string? cursor = null;
        for (var pages = 1; ; pages++)
        {
            var page = await read(cursor);
            items.AddRange(page.Items);
            if (page.Next is null) return items;
            Assert.True(pages < 100, "The list never ends.");
            cursor = page.Next;
            await between(pages);
        }
    }

    /// <summary>Every key that was there before paging began is read exactly once, and nothing is read twice.</summary>
    public static void AssertEachOnce<TKey>(IEnumerable<TKey> before, IReadOnlyList<TKey> read)
    {
        Assert.Equal(read.Count, read.Distinct().Count());
        Assert.Empty(before.Except(read));
    }
}
