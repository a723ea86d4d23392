using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Notifications;

namespace Registry.Application.Features.Notifications;

/// <summary>
/// A SystemAdmin sees what the outbox has not sent: messages given up after every attempt first, then those
/// waiting for a retry or their turn (those someone waits for before bulk ones). Recipient, subject and the last error only: a body may carry a private link.
/// </summary>
public static class ListOutbox
{
    public const int Limit = 200;

    [AllowedRoles(Roles.SystemAdmin)]
    public sealed record Query : IRequest<Model>;

    public sealed record Model(int Failed, int Retrying, int Queued, IReadOnlyList<MessageModel> Messages);

    public sealed record MessageModel(Guid Id, string RecipientEmail, string Subject, string Template, DateTimeOffset CreatedAt,
        int Attempts, string? LastError, DateTimeOffset NextAttemptAt, DateTimeOffset? FailedAt)
    {
        public bool IsFailed => FailedAt is not null;
    }

    public sealed class MappingProfile : Profile
    {
        public MappingProfile() => CreateProjection<Notification, MessageModel>();
    }

    public sealed class Handler(IRegistryDbContext db, IConfigurationProvider mapping) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var unsent = db.Notifications.AsNoTracking().Where(n => n.SentAt == null);
            var counts = await unsent
                .GroupBy(n => n.FailedAt != null ? 2 : n.Attempts > 0 ? 1 : 0)
                .Select(g => new { Kind = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            int Count(int kind) => counts.SingleOrDefault(c => c.Kind == kind)?.Count ?? 0;

            var messages = await unsent
                .OrderBy(n => n.FailedAt == null).ThenBy(n => n.Attempts == 0).ThenBy(n => n.Priority).ThenBy(n => n.CreatedAt)
                .Take(Limit)
                .ProjectTo<MessageModel>(mapping)
                .ToListAsync(cancellationToken);
            return new Model(Count(2), Count(1), Count(0), messages);
        }
    }
}
