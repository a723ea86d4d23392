using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Features.Letters;

namespace Registry.Web.Pages;

/// <summary>Downloads one decision letter as it was sent; who may have it is the query's concern (the person and own-state staff).</summary>
[Authorize]
public sealed class LettersModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid letterId, CancellationToken cancellationToken)
    {
        var letter = await mediator.Send(new DownloadDecisionLetter.Query(letterId), cancellationToken);
        return File(letter.Pdf, "application/pdf", letter.FileName);
    }
}
