using MediatR;
using Registry.Application.Features.Workforce;

namespace Registry.Web.Api;

/// <summary>/api/v1/workforce: the dashboard's figures for a state.</summary>
public static class WorkforceApi
{
    public static void MapWorkforceApi(this RouteGroupBuilder api) =>
        api.MapGet("/workforce/{state}/dashboard", (string state, IMediator mediator, CancellationToken ct) => mediator.Send(new GetWorkforceDashboard.Query(state), ct))
            .WithName("GetWorkforceDashboard")
            .WithTags("Workforce")
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .WithSummary("Active peer specialists at the end of each of the last 24 months, and today's status mix.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
}
