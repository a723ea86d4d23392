using System.Reflection;
using MediatR;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;

namespace Registry.Application.Common.Behaviours;

/// <summary>
/// Refuses a request unless it declares who may send it and the sender holds one of those roles.
/// Which records the sender may touch is checked after validation, by <see cref="RecordAccessBehaviour{TRequest,TResponse}"/>.
/// </summary>
public sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentUser user) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool IsPublic = typeof(TRequest).GetCustomAttribute<PublicRequestAttribute>() is not null;
    private static readonly IReadOnlyList<string>? AllowedRoles = typeof(TRequest).GetCustomAttribute<AllowedRolesAttribute>()?.Roles;

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (!IsPublic)
        {
            if (AllowedRoles is null)
                throw new InvalidOperationException($"{typeof(TRequest).FullName} declares neither [AllowedRoles] nor [PublicRequest].");
            if (!user.IsAuthenticated) throw new UnauthenticatedException();
            if (!AllowedRoles.Any(user.IsInRole)) throw new ForbiddenException();
        }
        return next();
    }
}
