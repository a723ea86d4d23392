using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.WorkforceSurvey;
using Registry.Web.Pages.Applications;

namespace Registry.Web.Pages.Account;

/// <summary>
/// "Your peer work this year (optional)": the yearly retention questions for a holder of an active credential.
/// Every question may be skipped; nothing here changes the credential.
/// </summary>
[Authorize(Roles = Roles.Applicant)]
public sealed class WorkPulseModel(IMediator mediator) : PageModel
{
    /// <summary>The credential answered for; the first active one when not named.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? CredentialId { get; set; }

    public IReadOnlyList<GetRetentionQuestions.Model> Credentials { get; private set; } = [];

    public GetRetentionQuestions.Model? Current { get; private set; }

    [BindProperty] public WorkforceForm Form { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        if (Current is not null) Form = WorkforceForm.From(Current.Answers);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        if (Current is null) return Page();
        var answers = Form.Read(ModelState, nameof(Form), onlyEmployment: true);
        if (!ModelState.IsValid) return Page();
        await mediator.Send(new AnswerRetentionQuestions.Command(Current.CredentialId, answers!), cancellationToken);
        Confirmation = "Thank you. Your answers have been saved. You can change them here at any time this year.";
        return RedirectToPage(new { CredentialId = Current.CredentialId });
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Credentials = await mediator.Send(new GetRetentionQuestions.Query(), cancellationToken);
        Current = CredentialId is { } id ? Credentials.FirstOrDefault(c => c.CredentialId == id) : Credentials.FirstOrDefault();
    }
}
