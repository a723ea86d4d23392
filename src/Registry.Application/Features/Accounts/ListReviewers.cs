using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Accounts;

/// <summary>A StateAdmin's team: the reviewers of their own state.</summary>
public static class ListReviewers
{
    [AllowedRoles(Roles.StateAdmin)]
    public sealed record Query : IRequest<IReadOnlyList<StaffMember>>;

    public sealed class Handler(IIdentityService identity, ICurrentUser user) : IRequestHandler<Query, IReadOnlyList<StaffMember>>
    {
        public Task<IReadOnlyList<StaffMember>> Handle(Query query, CancellationToken cancellationToken) =>
            identity.StaffOfAsync(user.StateCode ?? throw new InvalidOperationException("A StateAdmin always has a state."), Roles.Reviewer, cancellationToken);
    }
}
