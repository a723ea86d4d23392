using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Fees;
using Registry.Application.Features.Jurisdictions;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff;

/// <summary>
/// A state's funds: create one, set a fiscal year's budget, issue a batch of voucher codes (shown on the answer to that
/// request only, with a CSV of them, and kept nowhere). A StateAdmin works with their own state; a SystemAdmin names one.
/// </summary>
[Authorize(Roles = $"{Roles.StateAdmin},{Roles.SystemAdmin}")]
public sealed class FundsModel(IMediator mediator, ICurrentUser user) : PageModel, IReloadOnFailure
{
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    public IReadOnlyList<ListFunds.Fund> Funds { get; private set; } = [];

    public StateChooser? Chooser { get; private set; }

    /// <summary>The batch just issued: its codes are on this answer and nowhere else.</summary>
    public IssueVouchers.Batch? Issued { get; private set; }

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        State = user.StateCode?.Value ?? State;
        if (string.IsNullOrWhiteSpace(State))
        {
            if (!User.IsInRole(Roles.SystemAdmin)) return NotFound();
            Chooser = new("Choose a state to see its funds.", await mediator.Send(new ListJurisdictions.Query(), cancellationToken), "/Staff/Funds", "funds");
            return Page();
        }
        await ReloadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CreateFund.Command fund, Domain.Fees.FeeKind[]? covers, CancellationToken cancellationToken)
    {
        State = user.StateCode?.Value ?? State ?? "";
        await mediator.Send(fund with { StateCode = State, Covers = covers ?? [] }, cancellationToken);
        Confirmation = $"The fund {fund.Name?.Trim()} is set up. Set its budget for this fiscal year next.";
        return RedirectToPage(new { State });
    }

    public async Task<IActionResult> OnPostBudgetAsync(Guid fundId, decimal budget, CancellationToken cancellationToken)
    {
        State = user.StateCode?.Value ?? State ?? "";
        var year = await mediator.Send(new SetFundBudget.Command { StateCode = State, FundId = fundId, Budget = budget }, cancellationToken);
        Confirmation = $"The budget from {year.StartsOn:d MMMM yyyy} to {year.EndsOn:d MMMM yyyy} is {Domain.Fees.Money.Format(year.Budget)}.";
        return RedirectToPage(new { State });
    }

    public async Task<IActionResult> OnPostVouchersAsync(Guid fundId, int count, DateOnly expiresOn, CancellationToken cancellationToken)
    {
        State = user.StateCode?.Value ?? State ?? "";
        Issued = await mediator.Send(new IssueVouchers.Command { StateCode = State, FundId = fundId, Count = count, ExpiresOn = expiresOn }, cancellationToken);
        // The codes are shown on this answer only: never cached, never stored.
        Response.Headers.CacheControl = "no-store";
        await ReloadAsync(cancellationToken);
        return Page();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Funds = await mediator.Send(new ListFunds.Query(State ?? ""), cancellationToken);
}
