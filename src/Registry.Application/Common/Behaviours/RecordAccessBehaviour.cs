using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Common.Behaviours;

/// <summary>
/// Keeps senders to their own records: state staff to their state, applicants to their own
/// applications. A record the sender may not see is reported as not found, since its existence is private.
/// </summary>
public sealed class RecordAccessBehaviour<TRequest, TResponse>(ICurrentUser user, IRegistryDbContext db, RequestScope scope)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is IStateScoped stateScoped)
        {
            var state = StateCode.TryParse(stateScoped.StateCode, out var code) ? code : throw new NotFoundException("State", stateScoped.StateCode);
            RequireStaffOf(state);
        }

        if (request is IProgramScoped programScoped)
        {
            var state = await db.Programs.Where(p => p.Id == programScoped.ProgramId).Select(p => (StateCode?)p.StateCode).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Program", programScoped.ProgramId);
            RequireStaffOf(state);
        }

        if (request is IApplicationScoped applicationScoped)
            await RequireApplicationAccessAsync(applicationScoped.ApplicationId, cancellationToken);

        if (request is ICredentialScoped credentialScoped)
            await RequireCredentialAccessAsync(credentialScoped.CredentialId, cancellationToken);

        if (request is IFeeScoped feeScoped)
            await RequireFeeAccessAsync(feeScoped.FeeId, cancellationToken);

        return await next();
    }

    private void RequireStaffOf(StateCode state)
    {
        if (!MayActFor(state)) throw new ForbiddenException("You can act only for your own state.");
        scope.StateCode = state;
    }

    private async Task RequireApplicationAccessAsync(Guid applicationId, CancellationToken cancellationToken)
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

    private async Task RequireCredentialAccessAsync(Guid credentialId, CancellationToken cancellationToken)
    {
        var holder = await db.Credentials.Where(c => c.Id == credentialId)
            .Select(c => new { c.HolderPersonId, c.StateCode }).SingleOrDefaultAsync(cancellationToken);
        var isHolder = holder is not null && user.IsInRole(Roles.Applicant) && user.PersonId == holder.HolderPersonId;
        var isStaff = holder is not null && Roles.StateStaff.Append(Roles.SystemAdmin).Any(user.IsInRole) && MayActFor(holder.StateCode);
        if (holder is null || !(isHolder || isStaff)) throw new NotFoundException("Credential", credentialId);
        scope.StateCode = holder.StateCode;
    }

    private async Task RequireFeeAccessAsync(Guid feeId, CancellationToken cancellationToken)
    {
        var owes = await db.Fees.Where(f => f.Id == feeId).Select(f => new { f.PersonId, f.StateCode }).SingleOrDefaultAsync(cancellationToken);
        var isPerson = owes is not null && user.IsInRole(Roles.Applicant) && user.PersonId == owes.PersonId;
        var isStaff = owes is not null && Roles.StateStaff.Append(Roles.SystemAdmin).Any(user.IsInRole) && MayActFor(owes.StateCode);
        if (owes is null || !(isPerson || isStaff)) throw new NotFoundException("Fee", feeId);
        scope.StateCode = owes.StateCode;
    }

    /// <summary>System administrators act anywhere; state staff in their own state; others are not bound to a state.</summary>
    private bool MayActFor(StateCode state) =>
        user.IsInRole(Roles.SystemAdmin) || !Roles.StateStaff.Any(user.IsInRole) || user.StateCode == state;
}

/// <summary>What the record-access check learned about the request, for later steps of it (the audit log).</summary>
public sealed class RequestScope
{
    public StateCode? StateCode { get; set; }

    /// <summary>
    /// Refusals a command answers rather than throws, written to the access log once its changes are saved: while a
    /// command's transaction is open SQLite lets no other connection write.
    /// </summary>
    public List<AccessEvent> AfterSave { get; } = [];
}
