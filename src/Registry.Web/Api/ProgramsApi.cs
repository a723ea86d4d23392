using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Application.Features.Programs;

namespace Registry.Web.Api;

/// <summary>/api/v1/programs: programs created, from a template or not, retired and reopened, and their requirements, as a StateAdmin manages them.</summary>
public static class ProgramsApi
{
    public static void MapProgramsApi(this RouteGroupBuilder api)
    {
        var all = api.MapGroup("/programs").WithTags("Programs").RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        all.MapGet("/templates", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetProgramTemplates.Query(), ct))
            .WithName("GetProgramTemplates")
            .WithSummary("StateAdmin or SystemAdmin: the templates a new program can start from, with the requirements each fills in, and the attestations and programs to choose from.");
        all.MapPost("/", async Task<Created<CreateProgram.Created>> (CreateProgram.Command command, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/programs/{created.Id}/requirements", created);
            })
            .WithName("CreateProgram")
            .WithSummary("StateAdmin of the state (or SystemAdmin, naming it): create a program with its code, name and requirements, for example a template's adjusted.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var one = all.MapGroup("/{id:guid}").ProducesProblem(StatusCodes.Status404NotFound);
        one.MapPost("/retire", async Task<NoContent> (Guid id, RetireRequest body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RetireProgram.Command { ProgramId = id, EffectiveOn = body.EffectiveOn, Reason = body.Reason }, ct);
                return TypedResults.NoContent();
            })
            .WithName("RetireProgram")
            .WithSummary("StateAdmin: from the day given, the program takes no new applications; its credentials stay valid, verify, renew and count.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        one.MapPost("/reopen", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ReopenProgram.Command(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("ReopenProgram")
            .WithSummary("StateAdmin: undo a retirement; the program takes new applications again.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var programs = one.MapGroup("/requirements");
        programs.MapGet("/", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetProgramConfiguration.Query(id), ct))
            .WithName("GetProgramRequirements")
            .WithSummary("StateAdmin: the program's requirements in force, their version, and the choices for attestations and reciprocity.");
        programs.MapPut("/", async (Guid id, RequirementsModel requirements, IMediator mediator, CancellationToken ct) =>
                new RequirementsVersion(await mediator.Send(new ConfigureProgram.Command { ProgramId = id, Requirements = requirements }, ct)))
            .WithName("PutProgramRequirements")
            .WithSummary("StateAdmin: put new requirements in force; applications already submitted keep the version they were submitted under.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public sealed record RequirementsVersion(int Version);

    /// <summary>The first day without new applications (today or later, in the state's calendar) and why.</summary>
    public sealed record RetireRequest([property: System.Text.Json.Serialization.JsonRequired] DateOnly EffectiveOn, string Reason);
}
