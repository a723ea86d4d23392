using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.OpenData;

/// <summary>Anyone reads the latest month's open data and the list of months released, newest first.</summary>
public static class GetOpenData
{
    [PublicRequest]
    public sealed record Query : IRequest<Model>;

    /// <summary>The latest release's tables (null before the first release) and every month released.</summary>
    public sealed record Model(OpenDataDocument? Latest, IReadOnlyList<DateOnly> Months);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var months = await db.OpenDataReleases.AsNoTracking().OrderByDescending(r => r.Month).Select(r => r.Month).ToListAsync(cancellationToken);
            if (months.Count == 0) return new Model(null, []);
            var latest = await db.OpenDataReleases.AsNoTracking().Where(r => r.Month == months[0]).Select(r => r.Json).SingleAsync(cancellationToken);
            return new Model(OpenDataDocument.FromJson(latest), months);
        }
    }
}
