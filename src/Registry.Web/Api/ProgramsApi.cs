using MediatR;
using Registry.Application.Features.Programs;

namespace Registry.Web.Api;

/// <summary>/api/v1/programs: a program's requirements, as its StateAdmin configures them.</summary>
public static class ProgramsApi
{
    public static void MapProgramsApi(this RouteGroupBuilder api)
    {
        var programs = api.MapGroup("/programs/{id:guid}/requirements").WithTags("Programs").RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
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
}
