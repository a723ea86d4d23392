using System.Reflection;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.Logging;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Auditing;

namespace Registry.Application.Common.Behaviours;

/// <summary>
/// Refuses a request unless it declares who may send it and the sender holds one of those roles.
/// Which records the sender may touch is checked after validation, by <see cref="RecordAccessBehaviour{TRequest,TResponse}"/>.
/// Every refusal as forbidden, here or further in, is recorded in the audit log.
/// </summary>
public sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentUser user, IAccessLog accessLog, ILogger<AuthorizationBehaviour<TRequest, TResponse>> log)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool IsPublic = typeof(TRequest).GetCustomAttribute<PublicRequestAttribute>() is not null;
    private static readonly IReadOnlyList<string>? AllowedRoles = typeof(TRequest).GetCustomAttribute<AllowedRolesAttribute>()?.Roles;
    private static readonly string RequestName = AuditBehaviour<TRequest, TResponse>.ActionNameOf(typeof(TRequest));

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            if (!IsPublic)
            {
                if (AllowedRoles is null)
                    throw new InvalidOperationException($"{typeof(TRequest).FullName} declares neither [AllowedRoles] nor [PublicRequest].");
                if (!user.IsAuthenticated) throw new UnauthenticatedException();
                if (!AllowedRoles.Any(user.IsInRole)) throw new ForbiddenException();
            }
            return await next();
        }
        catch (ForbiddenException refused)
        {
            await RecordAsync(refused);
            throw;
        }
    }

    /// <summary>
    /// The answer is a refusal either way, and nothing is disclosed by it: an entry that cannot be written is logged
    /// as an error rather than turning the 403 into a 500.
    /// </summary>
    private async Task RecordAsync(ForbiddenException refused)
    {
        try
        {
            await accessLog.RecordAsync(new AccessEvent(AuditKind.Refusal, "Forbidden", "Request", RequestName, user.StateCode,
                JsonSerializer.Serialize(new { reason = refused.Message })), CancellationToken.None);
        }
        catch (Exception failure)
        {
            log.LogError(failure, "A refusal of {Request} could not be written to the audit log.", RequestName);
        }
    }
}
