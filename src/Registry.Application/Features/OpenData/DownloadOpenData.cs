using System.Text;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.OpenData;

/// <summary>Anyone downloads a released month's open data as CSV or JSON; a month never released is "not found".</summary>
public static class DownloadOpenData
{
    public enum Format { Csv, Json }

    [PublicRequest]
    public sealed record Query(DateOnly Month, Format As) : IRequest<File>;

    public sealed record File(string FileName, string ContentType, byte[] Content);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, File>
    {
        public async Task<File> Handle(Query query, CancellationToken cancellationToken)
        {
            var month = new DateOnly(query.Month.Year, query.Month.Month, 1);
            var release = await db.OpenDataReleases.AsNoTracking().Where(r => r.Month == month)
                .Select(r => query.As == Format.Csv ? r.Csv : r.Json).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Open data release", $"{month:yyyy-MM}");
            return query.As == Format.Csv
                ? new File($"peer-specialists-open-data-{month:yyyy-MM}.csv", "text/csv; charset=utf-8", Encoding.UTF8.GetBytes(release))
                : new File($"peer-specialists-open-data-{month:yyyy-MM}.json", "application/json; charset=utf-8", Encoding.UTF8.GetBytes(release));
        }
    }
}
