using System.Net.Http.Headers;
using System.Text;
using ClosedXML.Excel;

namespace Registry.Web.Tests.Verification;

/// <summary>An employer user's browser-like session: signed in through the form, uploading rosters with the anti-forgery token.</summary>
public static class RosterSteps
{
    public static async Task<HttpClient> SignedInAsync(WebFixture fixture, string email)
    {
        var client = fixture.Client();
        var signIn = await WebFixture.SignInThroughFormAsync(client, email);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName, bool addToWatchList = false)
    {
        var page = await client.GetStringAsync("/Employers/Roster");
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent
        {
            { new StringContent(WebFixture.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { content, "RosterFile", fileName },
        };
        if (addToWatchList) form.Add(new StringContent("true"), "AddToWatchList");
        return await client.PostAsync("/Employers/Roster", form);
    }

    /// <summary>The page an upload led to (its summary) and the result workbook downloaded from that page's link.</summary>
    public static async Task<(string Summary, HttpResponseMessage Workbook)> ResultAsync(HttpClient client, HttpResponseMessage upload)
    {
        Assert.Equal(System.Net.HttpStatusCode.Redirect, upload.StatusCode);
        var summary = await client.GetStringAsync(upload.Headers.Location);
        var link = System.Text.RegularExpressions.Regex.Match(summary, "href=\"([^\"]*handler=Workbook[^\"]*)\"").Groups[1].Value.Replace("&amp;", "&");
        Assert.NotEqual("", link);
        return (summary, await client.GetAsync(link));
    }

    public static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Every row of the result workbook's first sheet, as text cells.</summary>
    public static List<string[]> ReadWorkbook(byte[] bytes)
    {
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheets.First();
        var used = sheet.RangeUsed()!;
        return Enumerable.Range(1, used.LastRow().RowNumber())
            .Select(r => Enumerable.Range(1, used.LastColumn().ColumnNumber()).Select(c => Text(sheet.Cell(r, c))).ToArray())
            .ToList();
    }

    private static string Text(IXLCell cell) =>
        cell.DataType == XLDataType.DateTime ? cell.GetDateTime().ToString(cell.GetDateTime().TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm") : cell.GetFormattedString();
}
