using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Application.Features.Renewals;

namespace Registry.Web.Api;

/// <summary>Holders renew their credentials, or apply to reinstate a lapsed one; the application then goes through the usual endpoints.</summary>
public static class RenewalsApi
{
    public static void MapRenewalsApi(this RouteGroupBuilder api)
    {
        var renewals = api.MapGroup("/").WithTags("Renewals").RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        renewals.MapGet("/me/credentials", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListRenewalOptions.Query(), ct))
            .WithSummary("The signed-in holder's credentials: whether each can be renewed or reinstated today (and if not, why), and any open renewal.");
        renewals.MapPost("/credentials/{id:guid}/renewal", (Guid id, IMediator mediator, CancellationToken ct) => Started(mediator.Send(new StartRenewal.Command(id), ct)))
            .WithSummary("The holder starts a renewal, from the renewal window's opening to the end of the grace period; one open renewal per credential.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        renewals.MapPost("/credentials/{id:guid}/reinstatement", (Guid id, IMediator mediator, CancellationToken ct) => Started(mediator.Send(new StartReinstatement.Command(id), ct)))
            .WithSummary("The holder of a lapsed credential applies for reinstatement.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Created<StartRenewal.Started>> Started(Task<StartRenewal.Started> starting)
    {
        var started = await starting;
        return TypedResults.Created($"/api/v1/applications/{started.ApplicationId}", started);
    }
}
