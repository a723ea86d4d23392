using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Features.Discipline;
using Registry.Application.Features.Endorsements;
using Registry.Application.Features.Renewals;
using Registry.Domain.Credentials;
using Registry.Web.Infrastructure;

namespace Registry.Web.Api;

/// <summary>/api/v1/credentials: a credential for its holder and its state's staff: history, discipline cases, reinstatement, relinquishment, renewal.</summary>
public static class CredentialsApi
{
    public static void MapCredentialsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/credentials", async (string state, string? search, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new FindCredentials.Query(state, search) { Cursor = cursor, Limit = limit ?? Cursor.DefaultLimit }, ct)))
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .WithName("FindCredentials")
            .WithTags("Credentials")
            .WithSummary($"State staff: the state's credentials by holder's name, or the one with a number (search), a page at a time (limit {Cursor.DefaultLimit}, at most {Cursor.MaximumLimit}; next is the cursor of the page after).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        var credentials = api.MapGroup("/credentials/{id:guid}").WithTags("Credentials").RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        credentials.MapGet("/", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetCredentialRecord.Query(id), ct))
            .WithName("GetCredentialRecord")
            .WithSummary("A credential with its history and discipline cases (its holder, or staff of its state).");
        credentials.MapGet("/certificate", async (Guid id, IMediator mediator, IKeptDocuments documents, EmailLinks links, CancellationToken ct) =>
                CredentialDocument(await KeptDocumentDownloads.CredentialAsync(id, KeptDocumentDownloads.CredentialDocument.Certificate, mediator, documents, links, ct)))
            .WithName("DownloadCertificate")
            .WithTags("Documents")
            .WithSummary("An active credential's certificate as an accessible PDF (US Letter, landscape) with a QR code to the live public record; " +
                "for the holder and staff of its state. A credential that is not active has none (409).")
            .Produces<Stream>(StatusCodes.Status200OK, KeptDocumentDownloads.Pdf);
        credentials.MapGet("/wallet-card", async (Guid id, IMediator mediator, IKeptDocuments documents, EmailLinks links, CancellationToken ct) =>
                CredentialDocument(await KeptDocumentDownloads.CredentialAsync(id, KeptDocumentDownloads.CredentialDocument.WalletCard, mediator, documents, links, ct)))
            .WithName("DownloadWalletCard")
            .WithTags("Documents")
            .WithSummary("An active credential's wallet card as an accessible PDF: front and back (85.6 × 54 mm) on a US Letter page with cut marks, " +
                "a QR code to the live public record on the back; for the holder and staff of its state. A credential that is not active has none (409).")
            .Produces<Stream>(StatusCodes.Status200OK, KeptDocumentDownloads.Pdf);
        credentials.MapPost("/cases", async Task<Created<CaseOpened>> (Guid id, OpenDisciplineCase.Command command, IMediator mediator, CancellationToken ct) =>
            {
                var caseId = await mediator.Send(command with { CredentialId = id }, ct);
                return TypedResults.Created($"/api/v1/credentials/{id}", new CaseOpened(caseId));
            })
            .WithName("OpenDisciplineCase")
            .WithTags("Discipline")
            .WithSummary("Staff: open a discipline case; the holder is sent the notice and the date to respond by.");
        credentials.MapPost("/cases/{caseId:guid}/response", async (Guid id, Guid caseId, ResponseBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RespondToDisciplineCase.Command(id, caseId, body.Response), ct);
                return TypedResults.NoContent();
            })
            .WithName("RespondToDisciplineCase")
            .WithTags("Discipline")
            .WithSummary("The holder's response to a notice (private).");
        credentials.MapPost("/cases/{caseId:guid}/decision", async (Guid id, Guid caseId, DecideDisciplineCase.Command command, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(command with { CredentialId = id, CaseId = caseId }, ct);
                return TypedResults.NoContent();
            })
            .WithName("DecideDisciplineCase")
            .WithTags("Discipline")
            .WithSummary("Staff: decide a case (NoAction, Reprimand, Probation, Suspension, Revocation) with an appeal window.");
        credentials.MapPost("/reinstate", async (Guid id, ReasonBody? body, IMediator mediator, CancellationToken ct) =>
                new CredentialStatusResponse(await mediator.Send(new ReinstateCredential.Command(id, body?.Reason), ct)))
            .WithName("ReinstateSuspendedCredential")
            .WithTags("Discipline")
            .WithSummary("Staff: reinstate a suspended credential.");
        credentials.MapPost("/relinquish", async (Guid id, ReasonBody? body, IMediator mediator, CancellationToken ct) =>
                new CredentialStatusResponse(await mediator.Send(new RelinquishCredential.Command(id, body?.Reason), ct)))
            .WithName("RelinquishCredential")
            .WithSummary("The holder gives up their credential.");

        credentials.MapPost("/endorsements", async Task<Created<EndorsementGranted>> (Guid id, GrantBody body, IMediator mediator, CancellationToken ct) =>
            {
                var endorsementId = await mediator.Send(new GrantEndorsement.Command(id, body.Code, body.Note), ct);
                return TypedResults.Created($"/api/v1/credentials/{id}", new EndorsementGranted(endorsementId));
            })
            .WithName("GrantEndorsement")
            .WithTags("Endorsements")
            .WithSummary("Staff: record a specialty endorsement of the program (by its code) granted on a credential in force, from today.");
        credentials.MapPost("/endorsements/{code}/withdrawal", async (Guid id, string code, WithdrawalBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new WithdrawEndorsement.Command(id, code, body.Reason), ct);
                return TypedResults.NoContent();
            })
            .WithName("WithdrawEndorsement")
            .WithTags("Endorsements")
            .WithSummary("Staff: withdraw an endorsement from today, with a reason (told to the holder; employers see only that it was withdrawn).");
        credentials.MapPost("/endorsement-applications", async Task<Created<StartEndorsementApplication.Started>> (Guid id, EndorsementApplicationBody body, IMediator mediator, CancellationToken ct) =>
            {
                var started = await mediator.Send(new StartEndorsementApplication.Command(id, body.Code), ct);
                return TypedResults.Created($"/api/v1/applications/{started.ApplicationId}", started);
            })
            .WithName("StartEndorsementApplication")
            .WithTags("Endorsements")
            .WithSummary("The holder of a credential in force applies for one of its program's endorsements (by its code) that it does not carry; reviewed like other applications.");

        // Renewal and reinstatement start an application, which then goes through /applications.
        credentials.MapPost("/renewal", (Guid id, IMediator mediator, CancellationToken ct) => Started(mediator.Send(new StartRenewal.Command(id), ct)))
            .WithName("StartRenewal")
            .WithTags("Renewals")
            .WithSummary("The holder starts a renewal, from the renewal window's opening to the end of the grace period; one open renewal per credential.");
        credentials.MapPost("/reinstatement", (Guid id, IMediator mediator, CancellationToken ct) => Started(mediator.Send(new StartReinstatement.Command(id), ct)))
            .WithName("StartReinstatement")
            .WithTags("Renewals")
            .WithSummary("The holder of a lapsed credential applies for reinstatement.");
    }

    private static FileContentHttpResult CredentialDocument((byte[] Content, string FileName) document) =>
        TypedResults.File(document.Content, KeptDocumentDownloads.Pdf, document.FileName);

    private static async Task<Created<StartRenewal.Started>> Started(Task<StartRenewal.Started> starting)
    {
        var started = await starting;
        return TypedResults.Created($"/api/v1/applications/{started.ApplicationId}", started);
    }

    public sealed record ResponseBody(string Response);

    public sealed record CaseOpened(Guid CaseId);

    public sealed record CredentialStatusResponse(CredentialStatus Status);

    public sealed record ReasonBody(string? Reason = null);

    public sealed record GrantBody(string Code, string? Note = null);

    public sealed record WithdrawalBody(string Reason);

    public sealed record EndorsementGranted(Guid EndorsementId);

    public sealed record EndorsementApplicationBody(string Code);
}
