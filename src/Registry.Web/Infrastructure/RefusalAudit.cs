using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Auditing;

namespace Registry.Web.Infrastructure;

/// <summary>
/// A request that an endpoint's authorization policy forbids (a signed-in caller without the role) is recorded in the
/// audit log — who, from where, which endpoint — and then answered as ASP.NET Core would (403, or the access-denied
/// page). Refusals inside a use case are recorded by the application's authorization behaviour.
/// </summary>
public sealed class RefusalAudit(ILogger<RefusalAudit> log) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _answer = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var endpoint = $"{context.Request.Method} {context.Request.Path}";
            var accessLog = context.RequestServices.GetRequiredService<IAccessLog>();
            var user = context.RequestServices.GetRequiredService<ICurrentUser>();
            try
            {
                await accessLog.RecordAsync(new AccessEvent(AuditKind.Refusal, "Forbidden", "Endpoint", endpoint, user.StateCode,
                    JsonSerializer.Serialize(new { reason = "The endpoint's policy refused the caller." })), CancellationToken.None);
            }
            catch (Exception failure)
            {
                // The answer is a refusal either way; a lost entry is logged rather than turning the 403 into a 500.
                log.LogError(failure, "A refusal could not be written to the audit log.");
            }
        }
        await _answer.HandleAsync(next, context, policy, authorizeResult);
    }
}
