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
        // The middleware has already pointed the request at /Error; the feature keeps the original path.
        var originalPath = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (!originalPath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)) return false;

        var problem = exception switch
        {
            ValidationException validation => new HttpValidationProblemDetails(
                validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Some fields need your attention.",
            },
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read.", Detail = bad.Message },
            UnauthenticatedException e => Problem(StatusCodes.Status401Unauthorized, "Sign in required.", e.Message),
            ForbiddenException e => Problem(StatusCodes.Status403Forbidden, "Not allowed.", e.Message),
            NotFoundException e => Problem(StatusCodes.Status404NotFound, "Not found.", e.Message),
            ConflictException e => Problem(StatusCodes.Status409Conflict, "Conflict.", e.Message),
            DomainRuleException e => Problem(StatusCodes.Status409Conflict, "Not possible in the record's current state.", e.Message),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Path}", originalPath);
            problem = Problem(StatusCodes.Status500InternalServerError, "Something went wrong on our side.", "The error has been logged. Please try again later.");
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };
}
