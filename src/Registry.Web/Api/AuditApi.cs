using MediatR;
using Registry.Application.Common.Paging;
using Registry.Application.Features.Audit;

namespace Registry.Web.Api;

/// <summary>/api/v1/audit: a state's audit log.</summary>
public static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit/{state}", async (string state, string? action, string? entityType, string? entityId, string? actor, DateOnly? from, DateOnly? to,
                string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListAuditEntries.Query
                {
                    StateCode = state, Action = action, EntityType = entityType, EntityId = entityId, Actor = actor, From = from, To = to,
                    Cursor = cursor, Limit = limit ?? Cursor.DefaultLimit,
                }, ct)))
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .WithName("ListAuditEntries")
            .WithTags("Audit")
            .WithSummary($"The state's audit log, newest first, a page at a time (limit {Cursor.DefaultLimit}, at most {Cursor.MaximumLimit}; next is the cursor of the page after) (StateAdmin of the state, or SystemAdmin).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/audit/{state}/actions", async (string state, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListAuditActions.Query(state), ct)))
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .WithName("ListAuditActions")
            .WithTags("Audit")
            .WithSummary("The actions the state's audit log holds, to filter it by (StateAdmin of the state, or SystemAdmin).")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }
}
