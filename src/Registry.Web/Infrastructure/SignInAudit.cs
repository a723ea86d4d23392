using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Registry.Infrastructure.Identity;

namespace Registry.Web.Infrastructure;

/// <summary>
/// Sign-ins are recorded by <see cref="AuditedSignInManager"/>. An endpoint that refuses an address no account has
/// without asking the manager (the token endpoint) records that attempt through this filter, so every refused
/// sign-in is in the audit log whichever way the endpoint reaches its answer.
/// </summary>
public static class SignInAudit
{
    public static RouteHandlerBuilder AuditsUnknownAccounts<TRequest>(this RouteHandlerBuilder endpoint, Func<TRequest, string?> typedEmail) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var answer = await next(context);
            var result = answer is INestedHttpResult nested ? nested.Result : answer;
            if (result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status401Unauthorized }
                && context.HttpContext.RequestServices.GetRequiredService<SignInManager<RegistryUser>>() is AuditedSignInManager { AttemptRecorded: false } signIn
                && context.Arguments.OfType<TRequest>().FirstOrDefault() is { } request && typedEmail(request) is { Length: > 0 } email)
                await signIn.RecordUnknownAsync(email);
            return answer;
        });
}
