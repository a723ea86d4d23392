using MediatR;
using Registry.Application.Features.Fees;

namespace Registry.Web.Api;

/// <summary>/api/v1/fees: what a person owes and has paid, for the person and their state's staff.</summary>
public static class FeesApi
{
    public static void MapFeesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me/fees", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListMyFees.Query(), ct))
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .WithName("ListMyFees")
            .WithTags("Fees")
            .WithSummary("The signed-in person's fees, newest first: what each is for, its status and what is still owed (amounts in US dollars).")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        var fees = api.MapGroup("/fees/{id:guid}").WithTags("Fees").RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        fees.MapGet("/", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetFee.Query(id), ct))
            .WithName("GetFee")
            .WithSummary("One fee (the person who owes it, or staff of its state): what it is for and why this amount, payments, refunds, a waiver, the balance and where to send a cheque.");
    }
}
