using System.Reflection;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Common.Behaviours;

/// <summary>
/// Refuses a request unless it declares who may send it and the sender is one of them, within their own
/// state (staff) or on their own records (applicants).
/// </summary>
public sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentUser user, IRegistryDbContext db, RequestScope scope)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool IsPublic = typeof(TRequest).GetCustomAttribute<PublicRequestAttribute>() is not null;
    private static readonly IReadOnlyList<string>? AllowedRoles = typeof(TRequest).GetCustomAttribute<AllowedRolesAttribute>()?.Roles;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (!IsPublic)
        {
            if (AllowedRoles is null)
                throw new InvalidOperationException($"{typeof(TRequest).FullName} declares neither [AllowedRoles] nor [PublicRequest].");
            if (!user.IsAuthenticated) throw new UnauthenticatedException();
            if (!AllowedRoles.Any(user.IsInRole)) throw new ForbiddenException();
        }

        if (request is IStateScoped stateScoped)
        {
            var state = StateCode.TryParse(stateScoped.StateCode, out var code) ? code : throw new NotFoundException("State", stateScoped.StateCode);
            if (!MayActFor(state)) throw new ForbiddenException("You can act only for your own state.");
            scope.StateCode = state;
        }

        if (request is IApplicationScoped applicationScoped)
            await AuthorizeApplicationAsync(applicationScoped.ApplicationId, cancellationToken);

        return await next();
    }

    private async Task AuthorizeApplicationAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var owner = await db.Applications
            .Where(a => a.Id == applicationId)
            .Join(db.Programs, a => a.ProgramId, p => p.Id, (a, p) => new { a.PersonId, p.StateCode })
            .SingleOrDefaultAsync(cancellationToken);

        var isOwner = owner is not null && user.IsInRole(Roles.Applicant) && user.PersonId == owner.PersonId;
        var isStaff = owner is not null && Roles.StateStaff.Append(Roles.SystemAdmin).Any(user.IsInRole) && MayActFor(owner.StateCode);
        if (owner is null || !(isOwner || isStaff)) throw new NotFoundException("Application", applicationId);
        scope.StateCode = owner.StateCode;
    }

    private bool MayActFor(StateCode state) =>
        user.IsInRole(Roles.SystemAdmin) || !Roles.StateStaff.Any(user.IsInRole) || user.StateCode == state;
}

/// <summary>What authorization learned about the request, for later steps of the same request (the audit log).</summary>
public sealed class RequestScope
{
    public StateCode? StateCode { get; set; }
}
