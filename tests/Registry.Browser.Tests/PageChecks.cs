using Microsoft.Playwright;

namespace Registry.Browser.Tests;

/// <summary>What every page of this issue must pass at a desktop and a phone width.</summary>
public static class PageChecks
{
    /// <summary>axe at 1280 px and at 375 px, and no horizontal scrolling at 375 px; the page is left at 1280 px.</summary>
    public static async Task AssertAccessibleAtBothWidthsAsync(this IPage page)
    {
        await page.SetViewportSizeAsync(1280, 800);
        await page.AssertAccessibleAsync();
        await page.SetViewportSizeAsync(375, 800);
        await page.AssertAccessibleAsync();
        var (scrollWidth, viewport) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        Assert.True(scrollWidth <= viewport, $"{page.Url} scrolls sideways at 375 px: {scrollWidth} px wide.");
        await page.SetViewportSizeAsync(1280, 800);
    }
}
