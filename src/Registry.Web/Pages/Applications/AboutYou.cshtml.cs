using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.WorkforceSurvey;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Workforce;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Applications;

/// <summary>
/// "About you and your work (optional)": the voluntary workforce questions asked with an application or renewal.
/// Every question may be skipped; nothing here changes the application.
/// </summary>
[Authorize(Roles = Roles.Applicant)]
public sealed class AboutYouModel(IMediator mediator) : PageModel, IReloadOnFailure
{

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public GetWorkforceQuestions.Model Questions { get; private set; } = null!;

    [BindProperty] public WorkforceForm Form { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        Form = WorkforceForm.From(Questions.Answers);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var answers = Form.Read(ModelState, nameof(Form), onlyEmployment: false);
        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }
        await mediator.Send(new AnswerWorkforceQuestions.Command(Id, answers!), cancellationToken);
        Confirmation = "Thank you. Your answers have been saved. You can change them here at any time.";
        return RedirectToPage("/Applications/Overview", new { Id });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Questions = await mediator.Send(new GetWorkforceQuestions.Query(Id), cancellationToken);
}
