using Microsoft.AspNetCore.Mvc;
using Registry.Application.Features.Exams;
using Registry.Application.Features.Verification;
using Registry.Domain.Documents;

namespace Registry.Web.Infrastructure;

/// <summary>
/// How large a request carrying an upload may be: the file's own limit, which its use case checks and explains,
/// plus room for the multipart wrapping. Anything larger is cut off before it is read.
/// </summary>
public static class UploadLimits
{
    private const long MultipartWrapping = 1024 * 1024;

    public const long ExamResults = ImportExamResults.MaximumBytes + MultipartWrapping;
    public const long Roster = VerifyRoster.MaximumBytes + MultipartWrapping;
    public const long Evidence = EvidenceDocument.MaximumBytes + MultipartWrapping;
    public const long Register = Application.Features.RegisterImports.SubmitRegisterImport.MaximumBytes + MultipartWrapping;

    /// <summary>An endpoint that takes one multipart file of at most <paramref name="limit"/> bytes from a machine (no antiforgery token).</summary>
    public static RouteHandlerBuilder AcceptsUpload(this RouteHandlerBuilder endpoint, long limit) =>
        endpoint.DisableAntiforgery()
            .WithFormOptions(multipartBodyLengthLimit: limit)
            .WithMetadata(new RequestSizeLimitAttribute(limit));
}
