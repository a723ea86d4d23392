using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Features.RegisterImports;
using Registry.Domain.Credentials;
using Registry.Web.Infrastructure;

namespace Registry.Web.Api;

/// <summary>
/// /api/v1/register-imports: a state administrator brings in the state's earlier register, as on the staff page —
/// a dry run of the file, its status and report, then the import once the dry run is clean. Each answers only for
/// the caller's own state; another state's import is not found.
/// </summary>
public static class RegisterImportsApi
{
    public static void MapRegisterImportsApi(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/register-imports").WithTags("RegisterImports")
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        imports.MapPost("", SubmitAsync)
            .WithName("SubmitRegisterImport")
            .WithSummary("Checks the state's earlier register (multipart field 'file': .xlsx or CSV, at most 64 MB and the import limits) in a dry run that writes nothing else: "
                + "202 with the import's address to poll. A bomb, a file past the limits or without the required columns is 400 naming the problem.")
            .AcceptsUpload(UploadLimits.Register);
        imports.MapGet("/{id:guid}", GetAsync)
            .WithName("GetRegisterImport")
            .WithSummary("Where a register import stands (Checking, Checked, Importing, Imported, Refused, Failed), its progress and counts, and whether it may be imported.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        imports.MapGet("/{id:guid}/lines", ListLinesAsync)
            .WithName("ListRegisterImportLines")
            .WithSummary("The dry run's report, one line per row: rows with problems first, then by row (cursor, limit).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        imports.MapGet("/{id:guid}/report", DownloadReportAsync)
            .WithName("DownloadRegisterImportReport")
            .WithSummary("The whole report as CSV (Row, Outcome, Message), problems first. 409 until the dry run has finished.")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        imports.MapPost("/{id:guid}/import", ImportAsync)
            .WithName("ImportRegister")
            .WithSummary("Imports a file whose dry run found no problems, all or nothing, in the background: 202 with the import's address to poll. 409 when the import is not allowed.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Accepted<RegisterImportAccepted>> SubmitAsync(IFormFile? file, IMediator mediator, ICurrentUser user, CancellationToken ct)
    {
        await using var content = file?.OpenReadStream() ?? Stream.Null;
        var submitted = await mediator.Send(new SubmitRegisterImport.Command(State(user), content, file?.FileName ?? ""), ct);
        return TypedResults.Accepted(StatusUrl(submitted.Id), new RegisterImportAccepted(submitted.Id, RegisterImportStatus.Checking));
    }

    private static async Task<Ok<RegisterImportStatusModel>> GetAsync(Guid id, IMediator mediator, ICurrentUser user, CancellationToken ct)
    {
        var found = await mediator.Send(new GetRegisterImport.Query(State(user), id, Limit: 1), ct);
        return TypedResults.Ok(new RegisterImportStatusModel(found.Id, found.FileName, found.Status, found.SubmittedAt, found.CheckedAt, found.ImportedAt,
            found.RowsDone, found.Rows, found.Problems, found.NewPeople, found.MatchedPeople, found.NewCredentials, found.Unchanged, found.Problem, found.CanBeImported,
            StatusUrl(found.Id) + "/lines", found.Status is RegisterImportStatus.Checking or RegisterImportStatus.Failed ? null : StatusUrl(found.Id) + "/report"));
    }

    private static async Task<Ok<CursorPage<RegisterImportLine>>> ListLinesAsync(Guid id, string? cursor, int? limit, IMediator mediator, ICurrentUser user, CancellationToken ct)
    {
        var report = (await mediator.Send(new GetRegisterImport.Query(State(user), id, cursor, limit ?? Cursor.DefaultLimit), ct)).Report;
        return TypedResults.Ok(new CursorPage<RegisterImportLine>(report.Items.Select(l => new RegisterImportLine(l.Row, l.Outcome, l.Message)).ToList(), report.Next));
    }

    private static async Task<FileContentHttpResult> DownloadReportAsync(Guid id, IMediator mediator, ICurrentUser user, CancellationToken ct)
    {
        var file = await mediator.Send(new DownloadRegisterImportReport.Query(State(user), id), ct);
        return TypedResults.File(file.Content, "text/csv", file.FileName);
    }

    private static async Task<Accepted<RegisterImportAccepted>> ImportAsync(Guid id, IMediator mediator, ICurrentUser user, CancellationToken ct)
    {
        await mediator.Send(new ImportRegister.Command(State(user), id), ct);
        return TypedResults.Accepted(StatusUrl(id), new RegisterImportAccepted(id, RegisterImportStatus.Importing));
    }

    /// <summary>The caller's own state, as on the staff page; a caller without one is refused by the use case's roles.</summary>
    private static string State(ICurrentUser user) => user.StateCode?.ToString() ?? "";

    private static string StatusUrl(Guid id) => $"/api/v1/register-imports/{id}";

    public sealed record RegisterImportAccepted(Guid Id, RegisterImportStatus Status);

    /// <summary>A register import's state and counts; reportUrl once the dry run has written its report; problem when refused or failed.</summary>
    public sealed record RegisterImportStatusModel(Guid Id, string FileName, RegisterImportStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset? CheckedAt,
        DateTimeOffset? ImportedAt, int RowsDone, int Rows, int Problems, int NewPeople, int MatchedPeople, int NewCredentials, int Unchanged, string? Problem,
        bool CanBeImported, string LinesUrl, string? ReportUrl);

    /// <summary>One row of the file and what the dry run found for it.</summary>
    public sealed record RegisterImportLine(int Row, RegisterRowOutcome Outcome, string Message);
}
