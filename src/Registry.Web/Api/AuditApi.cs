using MediatR;
using Registry.Application.Common.Paging;
using Registry.Application.Features.Audit;
using Registry.Domain.Auditing;

namespace Registry.Web.Api;

/// <summary>/api/v1/audit: a state's audit log, and (for a SystemAdmin) the entries of no state.</summary>
public static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit/{state}", (string state, AuditKind? kind, string? action, string? entityType, string? entityId, string? actor, DateOnly? from, DateOnly? to,
                string? cursor, int? limit, IMediator mediator, CancellationToken ct) => ListAsync(state, kind, action, entityType, entityId, actor, from, to, cursor, limit, mediator, ct))
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .WithName("ListAuditEntries")
            .WithTags("Audit")
            .WithSummary($"The state's audit log, newest first, a page at a time (limit {Cursor.DefaultLimit}, at most {Cursor.MaximumLimit}; next is the cursor of the page after): " +
                "changes, sign-ins, refusals and downloads of personal data (kind) (StateAdmin of the state, or SystemAdmin).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/audit", (AuditKind? kind, string? action, string? entityType, string? entityId, string? actor, DateOnly? from, DateOnly? to,
                string? cursor, int? limit, IMediator mediator, CancellationToken ct) => ListAsync("", kind, action, entityType, entityId, actor, from, to, cursor, limit, mediator, ct))
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .WithName("ListUnstatedAuditEntries")
            .WithTags("Audit")
            .WithSummary("The entries of no state, newest first, filtered and paged as a state's: sign-ins, refusals and downloads of applicants, employers " +
                "and system administrators (SystemAdmin).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/audit/{state}/actions", async (string state, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListAuditActions.Query(state), ct)))
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .WithName("ListAuditActions")
            .WithTags("Audit")
            .WithSummary("The actions the state's audit log holds, to filter it by (StateAdmin of the state, or SystemAdmin).")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<CursorPage<ListAuditEntries.EntryModel>>> ListAsync(string state, AuditKind? kind, string? action,
        string? entityType, string? entityId, string? actor, DateOnly? from, DateOnly? to, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListAuditEntries.Query
        {
            StateCode = state, Kind = kind, Action = action, EntityType = entityType, EntityId = entityId, Actor = actor, From = from, To = to,
            Cursor = cursor, Limit = limit ?? Cursor.DefaultLimit,
        }, ct));
}
