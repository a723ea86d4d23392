using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Common.Exceptions;
using Registry.Domain.Common;

namespace Registry.Web.Infrastructure;

/// <summary>
/// The one place where failures become RFC 9457 problem details for the API. Pages handle these
/// exceptions as form errors themselves; anything unexpected on a page falls through to /Error.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at /Error; the feature keeps the original path and endpoint.
        var original = httpContext.Features.Get<IExceptionHandlerPathFeature>();
        var originalPath = original?.Path ?? httpContext.Request.Path;
        if (!originalPath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)) return false;

        var problem = exception switch
        {
            ValidationException validation => RequestProblems.Invalid(validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage))),
            BadHttpRequestException bad => RequestProblems.From(bad, original?.Endpoint),
            UnauthenticatedException e => Problem(StatusCodes.Status401Unauthorized, "Sign in required.", e.Message),
            ForbiddenException e => Problem(StatusCodes.Status403Forbidden, "Not allowed.", e.Message),
            NotFoundException e => Problem(StatusCodes.Status404NotFound, "Not found.", e.Message),
            ConflictException e => Problem(StatusCodes.Status409Conflict, "Conflict.", e.Message),
            DomainRuleException e => Problem(StatusCodes.Status409Conflict, "Not possible in the record's current state.", e.Message),
            _ when DatabaseUnavailable.Explains(exception) => DatabaseUnavailable.Problem(),
            _ => null,
        };
        if (problem?.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning("The database could not be reached for {Path}: {Failure}", originalPath, exception.GetBaseException().Message);
            DatabaseUnavailable.Mark(httpContext.Response);
        }
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Path}", originalPath);
            problem = Problem(StatusCodes.Status500InternalServerError, "Something went wrong on our side.", "The error has been logged. Please try again later.");
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        // The service declines a caller whose Accept header asks for something else; the API answers problem details all the same.
        if (!await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception }))
            await TypedResults.Problem(problem).ExecuteAsync(httpContext);
        return true;
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };
}
