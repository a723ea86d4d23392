using System.Text.Json.Serialization;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Features.Fees;
using Registry.Domain.Fees;
using Registry.Web.Infrastructure;

namespace Registry.Web.Api;

/// <summary>
/// The board's side of fees in /api/v1: a state's fees, cheques and money orders received, refunds, cancellation, a
/// payment's receipt and the revenue workbook.
/// </summary>
public static class FeeOfficeApi
{
    public static void MapFeeOfficeApi(this RouteGroupBuilder api)
    {
        var fees = api.MapGroup("").WithTags("Fees").RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        fees.MapGet("/states/{state}/fees", async (string state, FeeStatus? status, Guid? programId, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListStateFees.Query
                {
                    StateCode = state, Status = status, ProgramId = programId, Cursor = cursor, Limit = limit ?? Cursor.DefaultLimit,
                }, ct)))
            .WithName("ListStateFees")
            .WithSummary($"State staff: the state's fees, newest owed first, a page at a time (limit {Cursor.DefaultLimit}, at most {Cursor.MaximumLimit}); filter by status and program.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        fees.MapPost("/fees/{id:guid}/payments", async (Guid id, OfflinePaymentRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RecordOfflinePayment.Command
                {
                    FeeId = id, Method = body.Method, Payer = body.Payer ?? Payer.Person, Amount = body.Amount, Reference = body.Reference, ReceivedOn = body.ReceivedOn,
                }, ct)))
            .WithName("RecordFeePayment")
            .WithSummary("State staff: record a cheque or money order received (number, amount in dollars and cents, day received, not in the future). " +
                "Less than the balance leaves the rest owed; more is refused; the whole balance settles the fee and sends a waiting application to review.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        fees.MapPost("/fees/{id:guid}/refunds", async (Guid id, RefundRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RefundFee.Command { FeeId = id, Amount = body.Amount, Reason = body.Reason }, ct)))
            .WithName("RefundFee")
            .WithSummary("StateAdmin: record a refund of a paid fee, partly or fully, with the reason; never more than was paid and not yet refunded. " +
                "A card payment's money is returned at the payment provider, which this does not do.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        fees.MapPost("/fees/{id:guid}/cancellation", async (Guid id, CancellationRequest body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new CancelFee.Command { FeeId = id, Reason = body.Reason }, ct);
                return TypedResults.NoContent();
            })
            .WithName("CancelFee")
            .WithSummary("StateAdmin: cancel an owed fee nothing has been paid towards, with the reason.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        fees.MapGet("/fee-payments/{id:guid}/receipt", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetFeeReceipt.Query(id), ct)))
            .WithName("GetFeeReceipt")
            .WithSummary("A payment's receipt: the board, receipt number, day received, amount, method, reference, what it paid for and the balance after it. " +
                "For the person who owed the fee, the employer it was invoiced to, and staff of its state.");
        fees.MapGet("/fee-payments/{id:guid}/receipt.pdf", async (Guid id, IMediator mediator, IKeptDocuments documents, CancellationToken ct) =>
            {
                var (content, fileName) = await KeptDocumentDownloads.ReceiptAsync(id, mediator, documents, ct);
                return TypedResults.File(content, KeptDocumentDownloads.Pdf, fileName);
            })
            .WithName("DownloadFeeReceiptPdf")
            .WithSummary("The same receipt as an accessible PDF on the board's letterhead, with any refunds of the fee; for the same people as the receipt.")
            .Produces<Stream>(StatusCodes.Status200OK, KeptDocumentDownloads.Pdf);
        fees.MapGet("/states/{state}/revenue", async (string state, DateOnly? from, DateOnly? to, IMediator mediator, IRevenueWorkbook workbook, IStreamedReads reads,
                CancellationToken ct) =>
            {
                var (content, fileName) = await RevenueDownload.WriteAsync(new RevenueReport.Query { StateCode = state, From = from ?? default, To = to ?? default },
                    mediator, workbook, reads, ct);
                return TypedResults.File(content, WorkforceDownloads.Xlsx, fileName);
            })
            .WithName("DownloadRevenueWorkbook")
            .WithSummary("StateAdmin: the state's revenue workbook (.xlsx) for a period (from, to: yyyy-MM-dd, days in the state's calendar, both included): " +
                "payments, refunds, waivers by fund, vouchers used, the summary and the reconciliation with the payment provider. Every download is audited.")
            .Produces<Stream>(StatusCodes.Status200OK, WorkforceDownloads.Xlsx)
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    /// <summary>A cheque or money order received; payer is the person unless the fee is invoiced to their employer.</summary>
    public sealed record OfflinePaymentRequest([property: JsonRequired] PaymentMethod Method, [property: JsonRequired] decimal Amount, string Reference,
        [property: JsonRequired] DateOnly ReceivedOn, Payer? Payer = null);

    public sealed record RefundRequest([property: JsonRequired] decimal Amount, string Reason);

    public sealed record CancellationRequest(string Reason);
}
