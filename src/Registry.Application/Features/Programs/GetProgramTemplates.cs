using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Programs;

/// <summary>What a new program can start from: the templates with the requirements each fills the form with, and the choices of the form.</summary>
public static class GetProgramTemplates
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query : IRequest<Model>;

    public sealed record Model(IReadOnlyList<Template> Templates, IReadOnlyList<GetProgramConfiguration.Choice> Attestations,
        IReadOnlyList<GetProgramConfiguration.Choice> OtherPrograms);

    public sealed record Template(string Key, string Name, string Description, RequirementsModel Requirements);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var wordings = await db.AttestationWordings.AsNoTracking().Select(w => new { w.Code, w.Title, w.Version }).ToListAsync(cancellationToken);
            var programs = await db.Programs.AsNoTracking()
                .Join(db.Jurisdictions, p => p.StateCode, j => j.Code, (p, j) => new { p.Id, p.Name, State = j.Name })
                .ToListAsync(cancellationToken);
            return new Model(
                ProgramTemplates.All.Select(t => new Template(t.Key, t.Name, t.Description, RequirementsModel.From(t.Build()))).ToList(),
                wordings.GroupBy(w => w.Code).Select(g => new GetProgramConfiguration.Choice(g.Key, g.MaxBy(w => w.Version)!.Title)).OrderBy(c => c.Label).ToList(),
                programs.OrderBy(o => o.State).ThenBy(o => o.Name).Select(o => new GetProgramConfiguration.Choice(o.Id.ToString(), $"{o.Name} ({o.State})")).ToList());
        }
    }
}
