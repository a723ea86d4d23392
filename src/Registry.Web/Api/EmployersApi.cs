using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Application.Common.Paging;
using Registry.Application.Features.Employers;
using Registry.Domain.Employers;
using Registry.Web.Infrastructure;

namespace Registry.Web.Api;

/// <summary>
/// An employer's systems, with the organisation's API key (X-Api-Key): its watch-list, the feed of changes on
/// the credentials it watches, and rosters verified in the background. Each answers only for the key's
/// organisation; another organisation's roster verification is not found.
/// </summary>
public static class EmployersApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapEmployersApi(this IEndpointRouteBuilder api)
    {
        var employers = api.MapGroup("").WithTags("Employers")
            .RequireAuthorization(VerificationApi.ApiKeyPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        employers.MapGet("/watch-list", ListWatchListAsync)
            .WithName("ListWatchList")
            .WithSummary("The organisation's watched credentials with each one's status now, in the order they were added (cursor, limit).");
        employers.MapPost("/watch-list", WatchAsync)
            .WithName("WatchCredentials")
            .WithSummary($"Adds up to {WatchCredentials.MaximumNumbers:N0} credential numbers to the watch-list; answers how many were added, how many were already watched, and the numbers not found.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        employers.MapDelete("/watch-list/{credentialNumber}", StopWatchingAsync)
            .WithName("StopWatchingCredential")
            .WithSummary("Takes a credential off the watch-list (404 when it is not on it).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        employers.MapGet("/changes", FollowChangesAsync)
            .WithName("FollowChanges")
            .WithSummary("Changes on the watched credentials, oldest first; keep 'next' and send it as the cursor next time to get each change exactly once (no items: caught up).")
            .WithDescription($"A change appears {FollowChanges.SettlingTime.TotalMinutes:N0} minutes after the registry told of it, once every change told before it is surely saved.");

        employers.MapPost("/roster-verifications", SubmitRosterAsync)
            .WithName("SubmitRosterVerification")
            .WithSummary("Verifies a roster (multipart field 'roster': .xlsx or CSV, at most 10 MB and 10,000 rows) in the background: 202 with the job's address to poll.")
            .AcceptsUpload(UploadLimits.Roster)
            .ProducesProblem(StatusCodes.Status409Conflict);
        employers.MapGet("/roster-verifications/{id:guid}", GetRosterAsync)
            .WithName("GetRosterVerification")
            .WithSummary("Where a roster verification stands: queued, running, completed (with resultUrl) or failed (with the problem).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        employers.MapGet("/roster-verifications/{id:guid}/result", DownloadRosterResultAsync)
            .WithName("DownloadRosterVerificationResult")
            .WithSummary("The completed verification's workbook (.xlsx): each row's match, status, expiry and public actions, or why it did not match. 409 until completed.")
            .Produces<Stream>(StatusCodes.Status200OK, Xlsx)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<CursorPage<ListWatchedCredentials.Row>>> ListWatchListAsync(string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListWatchedCredentials.Query(cursor, limit ?? Cursor.DefaultLimit), ct));

    private static async Task<Ok<WatchCredentials.Outcome>> WatchAsync(WatchRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new WatchCredentials.Command(request.CredentialNumbers ?? []), ct));

    private static async Task<NoContent> StopWatchingAsync(string credentialNumber, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new StopWatching.Command(credentialNumber), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<CursorPage<WatchedChange>>> FollowChangesAsync(string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new FollowChanges.Query(cursor, limit ?? Cursor.DefaultLimit), ct));

    private static async Task<Accepted<RosterVerificationAccepted>> SubmitRosterAsync(IFormFile? roster, IMediator mediator, CancellationToken ct)
    {
        await using var content = roster?.OpenReadStream() ?? Stream.Null;
        var submitted = await mediator.Send(new SubmitRosterVerification.Command(content, roster?.FileName ?? ""), ct);
        return TypedResults.Accepted(StatusUrl(submitted.Id), new RosterVerificationAccepted(submitted.Id, Status(submitted.Status)));
    }

    private static async Task<Ok<RosterVerificationStatusModel>> GetRosterAsync(Guid id, IMediator mediator, CancellationToken ct)
    {
        var found = await mediator.Send(new GetRosterVerification.Query(id), ct);
        return TypedResults.Ok(new RosterVerificationStatusModel(found.Id, Status(found.Status), found.FileName, found.Rows, found.Matched, found.Problem,
            found.SubmittedAt, found.CompletedAt, found.ExpiresAt, found.Status == RosterVerificationStatus.Completed ? StatusUrl(found.Id) + "/result" : null));
    }

    private static async Task<FileContentHttpResult> DownloadRosterResultAsync(Guid id, IMediator mediator, CancellationToken ct)
    {
        var file = await mediator.Send(new DownloadRosterVerificationResult.Query(id), ct);
        return TypedResults.File(file.Content, Xlsx, file.FileName);
    }

    private static string StatusUrl(Guid id) => $"/api/v1/roster-verifications/{id}";

    private static string Status(RosterVerificationStatus status) => status.ToString().ToLowerInvariant();

    public sealed record WatchRequest(IReadOnlyList<string> CredentialNumbers);

    public sealed record RosterVerificationAccepted(Guid Id, string Status);

    /// <summary>A roster verification's state; resultUrl once completed; problem when failed.</summary>
    public sealed record RosterVerificationStatusModel(Guid Id, string Status, string FileName, int? Rows, int? Matched, string? Problem,
        DateTimeOffset SubmittedAt, DateTimeOffset? CompletedAt, DateTimeOffset ExpiresAt, string? ResultUrl);
}
