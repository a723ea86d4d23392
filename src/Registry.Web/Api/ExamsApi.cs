using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Application.Features.Exams;
using Registry.Web.Infrastructure;

namespace Registry.Web.Api;

/// <summary>/api/v1/exams: state staff record exam sittings of their state's programs, one at a time or from the testing vendor's file.</summary>
public static class ExamsApi
{
    public static void MapExamsApi(this RouteGroupBuilder api)
    {
        var exams = api.MapGroup("/exams/{programId:guid}").WithTags("Exams")
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        exams.MapPost("/attempts", async Task<Created<RecordExamAttempt.Attempt>> (Guid programId, RecordExamAttempt.Command command, IMediator mediator, CancellationToken ct) =>
            {
                var attempt = await mediator.Send(command with { ProgramId = programId }, ct);
                return TypedResults.Created($"/api/v1/exams/{programId}/attempts?personId={attempt.PersonId}", attempt);
            })
            .WithName("RecordExamAttempt")
            .WithSummary("Record one sitting (personId or email, takenOn, score 0-1000); refused with the rule when the retake wait, the attempts per window or an earlier pass forbids it.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        exams.MapPost("/imports", ImportAsync)
            .WithName("ImportExamResults")
            .WithSummary("Import the vendor's results (multipart field 'file', .xlsx or CSV, at most 5 MB and 10,000 rows). All or nothing: a refusal lists every bad row under 'rows' {row, reason}; rows already imported are skipped.")
            .AcceptsUpload(UploadLimits.ExamResults)
            .ProducesProblem(StatusCodes.Status409Conflict);
        exams.MapGet("/attempts", (Guid programId, Guid? personId, IMediator mediator, CancellationToken ct) => mediator.Send(new ListExamAttempts.Query(programId, personId), ct))
            .WithName("ListExamAttempts")
            .WithSummary("The program's recorded sittings, for one person when personId is given.");
    }

    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(Guid programId, IFormFile? file, IMediator mediator, CancellationToken ct)
    {
        await using var content = file?.OpenReadStream() ?? Stream.Null;
        var outcome = await mediator.Send(new ImportExamResults.Command(programId, content, file?.FileName ?? ""), ct);
        if (!outcome.Refused) return TypedResults.Ok(new ImportResult(outcome.Imported, outcome.AlreadyPresent));
        return TypedResults.Problem(
            $"Nothing was imported: {outcome.Problems.Count} row(s) need correcting first.",
            statusCode: StatusCodes.Status400BadRequest, title: "The results file has bad rows.",
            extensions: new Dictionary<string, object?> { ["rows"] = outcome.Problems });
    }

    public sealed record ImportResult(int Imported, int AlreadyPresent);
}
