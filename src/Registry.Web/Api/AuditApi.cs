using MediatR;
using Registry.Application.Features.Audit;

namespace Registry.Web.Api;

/// <summary>/api/v1/audit: a state's audit log.</summary>
public static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder api) =>
        api.MapGet("/audit/{state}", (string state, [AsParameters] AuditFilter filter, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListAuditEntries.Query
                {
                    StateCode = state, Action = filter.Action, EntityType = filter.EntityType, EntityId = filter.EntityId,
                    Actor = filter.Actor, From = filter.From, To = filter.To, PageNumber = filter.Page ?? 1,
                }, ct))
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .WithName("ListAuditEntries")
            .WithTags("Audit")
            .WithSummary("The state's audit log, newest first, 50 a page (StateAdmin of the state, or SystemAdmin).")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

    public sealed record AuditFilter(string? Action, string? EntityType, string? EntityId, string? Actor, DateOnly? From, DateOnly? To, int? Page);
}
