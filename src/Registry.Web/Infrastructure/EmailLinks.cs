using Registry.Application.Common.Messages;

namespace Registry.Web.Infrastructure;

/// <summary>
/// Absolute links to the registry's pages, for e-mails and printed pages: always on <c>Registry:PublicBaseUrl</c>
/// (<see cref="PublicBaseUrl"/>), never on the request's Host header, which a caller could forge.
/// </summary>
public sealed class EmailLinks(LinkGenerator links, MessageLinks site)
{
    public string To(string page, object values) => site.To(links.GetPathByPage(page, values: values) ?? page);
}
