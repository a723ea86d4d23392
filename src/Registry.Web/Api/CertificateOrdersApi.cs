using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Application.Features.CertificateOrders;
using Registry.Domain.Credentials;

namespace Registry.Web.Api;

/// <summary>
/// Printed certificates by post: a holder orders one (paying the program's replacement-certificate fee when it charges
/// one) and may cancel it while the fee is unpaid; the state's staff list the orders to post and record each one posted.
/// </summary>
public static class CertificateOrdersApi
{
    public static void MapCertificateOrdersApi(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("").WithTags("Printed certificates")
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapPost("/me/credentials/{number}/printed-certificate-orders", async Task<Created<OrderPrintedCertificate.Ordered>> (string number, IMediator mediator,
                CancellationToken ct) =>
            {
                var ordered = await mediator.Send(new OrderPrintedCertificate.Command(number), ct);
                return TypedResults.Created("/api/v1/me/printed-certificate-orders", ordered);
            })
            .WithName("OrderPrintedCertificate")
            .WithSummary("The holder orders a printed certificate of an active credential by post, to the mailing address on their profile. When the program charges "
                + "a replacement-certificate fee, feeId names the fee owed, and the order waits for it to be paid or waived.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        orders.MapGet("/me/printed-certificate-orders", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListMyCertificateOrders.Query(), ct))
            .WithName("ListMyCertificateOrders")
            .WithSummary("The holder's printed-certificate orders, newest first.");
        orders.MapPost("/me/printed-certificate-orders/{id:guid}/cancellation", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new CancelPrintedCertificateOrder.Command(id), ct))
            .WithName("CancelPrintedCertificateOrder")
            .WithSummary("The holder cancels an order still waiting for its fee; the unpaid fee is cancelled with it.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        orders.MapGet("/states/{state}/printed-certificate-orders", (string state, CertificateOrderStatus? status, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListCertificateOrders.Query(state, status ?? CertificateOrderStatus.ToPost), ct))
            .WithName("ListCertificateOrders")
            .WithSummary($"The state's staff: printed-certificate orders in one status (toPost when left out), oldest first, at most {ListCertificateOrders.Limit}, "
                + "with the address each goes to (the read is audited).");
        orders.MapPost("/printed-certificate-orders/{id:guid}/posted", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new MarkCertificatePosted.Command(id), ct))
            .WithName("MarkCertificatePosted")
            .WithSummary("The state's staff record that they posted the printed certificate; the holder is told.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
