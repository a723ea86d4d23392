using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;

namespace Registry.Application.Common.Behaviours;

/// <summary>Names the action that the audit log records for every change a command saves.</summary>
public sealed class AuditBehaviour<TRequest, TResponse>(IAuditContext audit, RequestScope scope) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string ActionName = ActionNameOf(typeof(TRequest));

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse>) return next();
        audit.Action = ActionName;
        audit.StateCode = () => scope.StateCode;
        return next();
    }

    /// <summary><c>Features.Applications.SubmitApplication+Command</c> is recorded as <c>SubmitApplication</c>.</summary>
    private static string ActionNameOf(Type requestType) =>
        requestType.DeclaringType?.Name ?? requestType.Name;
}
