using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Jurisdictions;

/// <summary>The states and their programs: public reference data for forms, lookups and the API.</summary>
public static class ListJurisdictions
{
    [PublicRequest]
    public sealed record Query : IRequest<IReadOnlyList<Model>>;

    public sealed record Model(string Code, string Name, IReadOnlyList<ProgramModel> Programs);

    /// <summary>A program; <paramref name="RetiredOn"/> is the first day it takes no new applications, null while it is open.</summary>
    public sealed record ProgramModel(Guid Id, string Code, string Name, DateOnly? RetiredOn);

    public sealed class MappingProfile : Profile
    {
        public MappingProfile()
        {
            CreateProjection<Jurisdiction, Model>()
                .ForCtorParam(nameof(Model.Code), o => o.MapFrom(j => j.Code.Value))
                .ForCtorParam(nameof(Model.Programs), o => o.MapFrom(j => j.Programs.OrderBy(p => p.Code)));
            CreateProjection<CredentialProgram, ProgramModel>();
        }
    }

    public sealed class Handler(IRegistryDbContext db, IConfigurationProvider mapping) : IRequestHandler<Query, IReadOnlyList<Model>>
    {
        public async Task<IReadOnlyList<Model>> Handle(Query request, CancellationToken cancellationToken) =>
            await db.Jurisdictions.AsNoTracking()
                .OrderBy(j => j.Name)
                .ProjectTo<Model>(mapping)
                .ToListAsync(cancellationToken);
    }
}
