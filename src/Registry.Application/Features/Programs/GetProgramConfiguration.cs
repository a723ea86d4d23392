using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Programs;

/// <summary>A program's current requirements, their version, and what can be chosen (attestations, other programs).</summary>
public static class GetProgramConfiguration
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid ProgramId) : IRequest<Model>, IProgramScoped;

    public sealed record Model(Guid Id, string Code, string Name, string StateCode, int Version, RequirementsModel Requirements,
        IReadOnlyList<Choice> Attestations, IReadOnlyList<Choice> OtherPrograms, DateOnly? RetiredOn = null, string? RetirementReason = null);

    public sealed record Choice(string Value, string Label);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var program = await db.Programs.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.ProgramId, cancellationToken)
                ?? throw new NotFoundException("Program", query.ProgramId);
            var wordings = await db.AttestationWordings.AsNoTracking().Select(w => new { w.Code, w.Title, w.Version }).ToListAsync(cancellationToken);
            var others = await db.Programs.AsNoTracking().Where(p => p.Id != program.Id)
                .Join(db.Jurisdictions, p => p.StateCode, j => j.Code, (p, j) => new { p.Id, p.Name, State = j.Name })
                .ToListAsync(cancellationToken);
            return new Model(program.Id, program.Code, program.Name, program.StateCode.Value, program.RequirementsVersion, RequirementsModel.From(program.Requirements),
                wordings.GroupBy(w => w.Code).Select(g => new Choice(g.Key, g.MaxBy(w => w.Version)!.Title)).OrderBy(c => c.Label).ToList(),
                others.OrderBy(o => o.State).Select(o => new Choice(o.Id.ToString(), $"{o.Name} ({o.State})")).ToList(),
                program.RetiredOn, program.RetirementReason);
        }
    }
}
