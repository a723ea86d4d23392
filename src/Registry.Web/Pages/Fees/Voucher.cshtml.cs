using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Security;
using Registry.Application.Features.Fees;
using Registry.Domain.Fees;

namespace Registry.Web.Pages.Fees;

/// <summary>Pay a fee with a voucher code (the person who owes it, or the employer it is invoiced to).</summary>
[Authorize(Roles = $"{Roles.Applicant},{Roles.Employer}")]
public sealed class VoucherModel(IMediator mediator) : FeeHelpPage(mediator)
{
    [BindProperty]
    public string? Code { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var paid = await Mediator.Send(new RedeemVoucher.Command { FeeId = FeeId, Code = Code }, cancellationToken);
            Confirmation = $"The voucher ending {paid.VoucherEndsWith} paid {Money.Format(paid.Paid)}.";
        }
        catch (ConflictException clash)
        {
            throw new ConflictException(RedeemVoucher.UsedAtTheSameMoment, clash);
        }
        return RedirectToPage(new { FeeId });
    }
}
