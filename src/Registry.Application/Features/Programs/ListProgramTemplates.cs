using MediatR;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Programs;

/// <summary>The templates a new program can start from, each with the requirements it fills the form with.</summary>
public static class ListProgramTemplates
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query : IRequest<IReadOnlyList<Model>>;

    public sealed record Model(string Key, string Name, string Description, RequirementsModel Requirements);

    public sealed class Handler : IRequestHandler<Query, IReadOnlyList<Model>>
    {
        public Task<IReadOnlyList<Model>> Handle(Query query, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Model>>(
                ProgramTemplates.All.Select(t => new Model(t.Key, t.Name, t.Description, RequirementsModel.From(t.Build()))).ToList());
    }
}
