using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Security;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Programs;

/// <summary>A program's current requirements as anyone may read them before signing up, with the state board's contact.</summary>
public static class GetProgramRequirements
{
    [PublicRequest]
    public sealed record Query(string StateCode, string ProgramCode) : IRequest<Model>;

    public sealed record Model(Guid ProgramId, string StateCode, string StateName, string ProgramCode, string ProgramName,
        ProgramRequirements Requirements, string? BoardEmail, string? BoardPhone, DateOnly? RetiredOn = null);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var state = Registry.Domain.Jurisdictions.StateCode.TryParse(query.StateCode, out var code) ? code : throw new NotFoundException("State", query.StateCode);
            var program = await db.Programs.AsNoTracking().SingleOrDefaultAsync(p => p.StateCode == state && p.Code == query.ProgramCode.ToUpperInvariant(), cancellationToken)
                ?? throw new NotFoundException("Program", query.ProgramCode);
            var board = await db.Jurisdictions.Where(j => j.Code == state).Select(j => new { j.Name, j.ContactEmail, j.ContactPhone }).SingleAsync(cancellationToken);
            return new Model(program.Id, state.Value, board.Name, program.Code, program.Name, program.Requirements, board.ContactEmail, board.ContactPhone, program.RetiredOn);
        }
    }
}
