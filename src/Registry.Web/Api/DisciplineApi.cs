using MediatR;
using Registry.Application.Features.Discipline;

namespace Registry.Web.Api;

/// <summary>Credentials for their holders and their state's staff: history, discipline cases, reinstatement, relinquishment.</summary>
public static class DisciplineApi
{
    public static void MapDisciplineApi(this RouteGroupBuilder api)
    {
        var credentials = api.MapGroup("/credentials/{id:guid}").RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        credentials.MapGet("/", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetCredentialRecord.Query(id), ct))
            .WithSummary("A credential with its history and discipline cases (its holder, or staff of its state).");
        credentials.MapPost("/cases", async (Guid id, OpenDisciplineCase.Command command, IMediator mediator, CancellationToken ct) =>
                new { caseId = await mediator.Send(command with { CredentialId = id }, ct) })
            .WithSummary("Staff: open a discipline case; the holder is sent the notice and the date to respond by.");
        credentials.MapPost("/cases/{caseId:guid}/response", async (Guid id, Guid caseId, ResponseBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RespondToDisciplineCase.Command(id, caseId, body.Response ?? ""), ct);
                return Results.NoContent();
            })
            .WithSummary("The holder's response to a notice (private).");
        credentials.MapPost("/cases/{caseId:guid}/decision", async (Guid id, Guid caseId, DecideDisciplineCase.Command command, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(command with { CredentialId = id, CaseId = caseId }, ct);
                return Results.NoContent();
            })
            .WithSummary("Staff: decide a case (NoAction, Reprimand, Probation, Suspension, Revocation) with an appeal window.");
        credentials.MapPost("/reinstate", async (Guid id, ReasonBody? body, IMediator mediator, CancellationToken ct) =>
                new { status = await mediator.Send(new ReinstateCredential.Command(id, body?.Reason), ct) })
            .WithSummary("Staff: reinstate a suspended credential.");
        credentials.MapPost("/relinquish", async (Guid id, ReasonBody? body, IMediator mediator, CancellationToken ct) =>
                new { status = await mediator.Send(new RelinquishCredential.Command(id, body?.Reason), ct) })
            .WithSummary("The holder gives up their credential.");
    }

    public sealed record ResponseBody(string? Response);

    public sealed record ReasonBody(string? Reason);
}
