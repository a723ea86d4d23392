using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Fees;
using Registry.Domain.Fees;

namespace Registry.Web.Api;

/// <summary>
/// Help paying fees: a state's funds, their fiscal-year budgets and voucher batches (StateAdmins); a voucher, a hardship
/// waiver request or an employer invoice on a fee (the person who owes it); waivers and hardship decisions (StateAdmins);
/// an employer's invoices (its users).
/// </summary>
public static class FeeHelpApi
{
    public static void MapFeeHelpApi(this RouteGroupBuilder api)
    {
        var funds = api.MapGroup("/states/{state}").WithTags("Funds")
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        funds.MapGet("/funds", (string state, IMediator mediator, CancellationToken ct) => mediator.Send(new ListFunds.Query(state), ct))
            .WithName("ListFunds")
            .WithSummary("StateAdmins: the state's funds, each with every fiscal year's budget, what was drawn and what is left (newest year first).");
        funds.MapPost("/funds", async Task<Created<ListFunds.Fund>> (string state, CreateFund.Command command, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(command with { StateCode = state }, ct);
                var fund = (await mediator.Send(new ListFunds.Query(state), ct)).Single(f => f.Id == id);
                return TypedResults.Created($"/api/v1/states/{state}/funds", fund);
            })
            .WithName("CreateFund")
            .WithSummary("StateAdmins: a new fund (name, purpose, the month and day its fiscal year starts, the kinds of fee it pays); set its budget next.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        funds.MapPut("/funds/{fundId:guid}/budget", (string state, Guid fundId, SetFundBudget.Command command, IMediator mediator, CancellationToken ct) =>
                mediator.Send(command with { StateCode = state, FundId = fundId }, ct))
            .WithName("SetFundBudget")
            .WithSummary("StateAdmins: the budget of the fiscal year inFiscalYearOf falls in (the state's today when left out); dollars and cents, never below what the year has drawn.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        funds.MapPost("/funds/{fundId:guid}/voucher-batches", async Task<Created<IssueVouchers.Batch>> (string state, Guid fundId, IssueVouchers.Command command,
                IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/states/{state}/funds", await mediator.Send(command with { StateCode = state, FundId = fundId }, ct)))
            .WithName("IssueVouchers")
            .WithSummary($"StateAdmins: a batch of 1 to {IssueVouchers.MaximumBatch} single-use voucher codes on the fund, usable until expiresOn. "
                + "The codes (and the same as CSV) are in this answer only: the registry keeps their hashes, so keep the answer safe.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        funds.MapGet("/hardship-requests", (string state, IMediator mediator, CancellationToken ct) => mediator.Send(new ListHardshipRequests.Query(state), ct))
            .WithName("ListHardshipRequests")
            .WithSummary("StateAdmins: the state's fee waiver requests waiting for a decision, oldest first, with each person's private statement (the read is audited).");

        var fees = api.MapGroup("").WithTags("Fee help")
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        fees.MapPost("/fees/{id:guid}/voucher", async (Guid id, VoucherRequest body, IMediator mediator, CancellationToken ct) =>
            {
                try
                {
                    return await mediator.Send(new RedeemVoucher.Command { FeeId = id, Code = body.Code }, ct);
                }
                catch (ConflictException clash)
                {
                    throw new ConflictException(RedeemVoucher.UsedAtTheSameMoment, clash);
                }
            })
            .WithName("RedeemVoucher")
            .WithSummary($"The person who owes the fee (or the employer it is invoiced to) pays what is still owed with a voucher code of the fee's state: unused, not expired, "
                + $"its fund paying this kind of fee with budget left. After {RedeemVoucher.WrongCodesPerHour} wrong codes in an hour, refused for the rest of it.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        fees.MapPost("/fees/{id:guid}/hardship-requests", async Task<Created<HardshipRequested>> (Guid id, HardshipRequestBody body, IMediator mediator, CancellationToken ct) =>
            {
                var requestId = await mediator.Send(new AskForHardshipWaiver.Command { FeeId = id, Statement = body.Statement }, ct);
                return TypedResults.Created($"/api/v1/hardship-requests/{requestId}", new HardshipRequested(requestId, id, HardshipStatus.Pending));
            })
            .WithName("AskForHardshipWaiver")
            .WithSummary("The person who owes the fee asks the state to waive it, with a short private statement (at most 2,000 characters) only the state's StateAdmins read.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        fees.MapPost("/hardship-requests/{id:guid}/decision", async (Guid id, HardshipDecisionBody body, IMediator mediator, CancellationToken ct) =>
                new HardshipDecided(id, await mediator.Send(new DecideHardshipRequest.Command { HardshipRequestId = id, Grant = body.Grant, FundId = body.FundId, Reason = body.Reason }, ct)))
            .WithName("DecideHardshipRequest")
            .WithSummary("StateAdmins: grant (from fundId, within its budget this fiscal year, or from no fund) or refuse a waiver request, with the reason the person is told.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        fees.MapPost("/fees/{id:guid}/waiver", (Guid id, WaiverBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new WaiveFee.Command { FeeId = id, FundId = body.FundId, Reason = body.Reason }, ct))
            .WithName("WaiveFee")
            .WithSummary("StateAdmins: waive what is still owed, from fundId (within its budget this fiscal year) or from no fund, with a reason.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        fees.MapPost("/fees/{id:guid}/invoice", async (Guid id, InvoiceBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new InvoiceEmployer.Command { FeeId = id, EmployerId = body.EmployerId }, ct);
                return new Invoiced(id, body.EmployerId);
            })
            .WithName("InvoiceEmployer")
            .WithSummary("The person who owes the fee asks an approved employer of the fee's state to pay it; the employer sees it among its invoices.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        fees.MapGet("/employers/me/invoices", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListEmployerInvoices.Query(), ct))
            .WithName("ListEmployerInvoices")
            .WithSummary("Employer users: the fees people asked the organisation to pay, owed ones first (person's name, program, kind, amount, balance, status).");
    }

    public sealed record VoucherRequest(string? Code);

    public sealed record HardshipRequestBody(string? Statement);

    public sealed record HardshipRequested(Guid Id, Guid FeeId, HardshipStatus Status);

    public sealed record HardshipDecisionBody(bool Grant, Guid? FundId, string? Reason);

    public sealed record HardshipDecided(Guid Id, HardshipStatus Status);

    public sealed record WaiverBody(Guid? FundId, string? Reason);

    public sealed record InvoiceBody(Guid EmployerId);

    public sealed record Invoiced(Guid FeeId, Guid EmployerId);
}
