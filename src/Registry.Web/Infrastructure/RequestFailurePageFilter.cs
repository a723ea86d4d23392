using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Exceptions;
using Registry.Domain.Common;

namespace Registry.Web.Infrastructure;

/// <summary>A page that shows data besides its form reloads that data before it is shown again with errors.</summary>
public interface IReloadOnFailure
{
    Task ReloadAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The pages' side of the one failure mechanism: what the API turns into problem details, a page turns
/// into form errors (field by field where a field is named) or the matching status page.
/// </summary>
public sealed class RequestFailurePageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled || executed.HandlerInstance is not PageModel page) return;

        IActionResult? result = executed.Exception switch
        {
            ValidationException validation => ShowErrors(page, validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage))),
            ConflictException or DomainRuleException => ShowErrors(page, [("", executed.Exception.Message)]),
            NotFoundException => new NotFoundResult(),
            ForbiddenException => new ForbidResult(),
            UnauthenticatedException => new ChallengeResult(),
            _ when DatabaseUnavailable.Explains(executed.Exception) => new StatusCodeResult(StatusCodes.Status503ServiceUnavailable),
            _ => null,
        };
        if (result is null) return;

        if (result is StatusCodeResult { StatusCode: StatusCodes.Status503ServiceUnavailable }) DatabaseUnavailable.Mark(context.HttpContext.Response);
        if (result is PageResult && page is IReloadOnFailure reload)
            await reload.ReloadAsync(context.HttpContext.RequestAborted);
        executed.Result = result;
        executed.ExceptionHandled = true;
    }

    private static PageResult ShowErrors(PageModel page, IEnumerable<(string Field, string Message)> errors)
    {
        foreach (var (field, message) in errors)
            page.ModelState.AddModelError(BoundKey(page, field), message);
        return new PageResult();
    }

    /// <summary>Finds the form field a request property was bound from (e.g. <c>Input.ProgramId</c>, or <c>lastName</c> for <c>LastName</c>).</summary>
    private static string BoundKey(PageModel page, string field) =>
        string.IsNullOrEmpty(field)
            ? ""
            : page.ModelState.Keys.FirstOrDefault(k => k == field || k.EndsWith("." + field, StringComparison.Ordinal))
              ?? page.ModelState.Keys.FirstOrDefault(k => string.Equals(k, field, StringComparison.OrdinalIgnoreCase) || k.EndsWith("." + field, StringComparison.OrdinalIgnoreCase))
              ?? field;
}
