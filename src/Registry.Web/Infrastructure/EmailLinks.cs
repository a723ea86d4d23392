namespace Registry.Web.Infrastructure;

/// <summary>Absolute links to the registry's pages, for e-mails.</summary>
public sealed class EmailLinks(LinkGenerator links, IHttpContextAccessor http, IConfiguration configuration)
{
    /// <summary>
    /// Set <c>Registry:PublicBaseUrl</c> in production: otherwise the link follows the request's Host header,
    /// which a caller could forge to send someone a link to another site.
    /// </summary>
    public string To(string page, object values)
    {
        var path = links.GetPathByPage(page, values: values) ?? page;
        var request = http.HttpContext?.Request;
        var site = configuration["Registry:PublicBaseUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : request is null ? "http://localhost" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return site + path;
    }
}
