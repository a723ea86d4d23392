using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Auditing;

namespace Registry.Application.Common.Behaviours;

/// <summary>
/// Names the action that the audit log records for every change a command saves, and records each read of personal
/// data (<see cref="IAuditedRead"/>) once its handler has answered, and the refusals a command left for after its save
/// (<see cref="RequestScope.AfterSave"/>).
/// </summary>
/// <remarks>
/// A read's entry is written before the data leaves (the endpoint sends what the handler returned). If it cannot be
/// written the request fails and nothing is sent: no personal data goes out unrecorded.
/// </remarks>
public sealed class AuditBehaviour<TRequest, TResponse>(IAuditContext audit, RequestScope scope, IAccessLog accessLog, ICurrentUser user)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string ActionName = ActionNameOf(typeof(TRequest));

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is IAuditedRead read)
        {
            var response = await next();
            var subject = read.AuditedId ?? user.PersonId?.ToString() ?? "";
            await accessLog.RecordAsync(new AccessEvent(AuditKind.Access, ActionName, read.AuditedType, subject, scope.StateCode ?? user.StateCode), cancellationToken);
            return response;
        }
        if (request is not ICommand<TResponse>) return await next();
        audit.Action = ActionName;
        audit.StateCode = () => scope.StateCode;
        var result = await next();
        foreach (var entry in scope.AfterSave) await accessLog.RecordAsync(entry, cancellationToken);
        scope.AfterSave.Clear();
        return result;
    }

    /// <summary><c>Features.Applications.SubmitApplication+Command</c> is recorded as <c>SubmitApplication</c>.</summary>
    internal static string ActionNameOf(Type requestType) =>
        requestType.DeclaringType?.Name ?? requestType.Name;
}
