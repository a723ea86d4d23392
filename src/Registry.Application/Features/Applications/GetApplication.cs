using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Applications;

/// <summary>One application with its history, for its applicant or their state's staff.</summary>
public static class GetApplication
{
    [AllowedRoles(Roles.Applicant, Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid ApplicationId) : IRequest<Model>, IApplicationScoped;

    public sealed record Model(Guid Id, Guid ProgramId, ApplicationType Type, ApplicationStatus Status, DateTimeOffset CreatedAt,
        DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt, string? DecisionReason, IReadOnlyList<HistoryModel> History);

    public sealed record HistoryModel(ApplicationStatus? From, ApplicationStatus To, DateTimeOffset At, string? Reason);

    public sealed class MappingProfile : Profile
    {
        public MappingProfile()
        {
            CreateProjection<CertificationApplication, Model>()
                .ForCtorParam(nameof(Model.History), o => o.MapFrom(a => a.History.OrderBy(h => h.At)));
            CreateProjection<ApplicationStatusChange, HistoryModel>();
        }
    }

    public sealed class Handler(IRegistryDbContext db, IConfigurationProvider mapping) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Applications.AsNoTracking()
                .Where(a => a.Id == query.ApplicationId)
                .ProjectTo<Model>(mapping)
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Application", query.ApplicationId);
    }
}
