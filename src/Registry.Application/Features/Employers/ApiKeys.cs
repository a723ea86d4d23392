using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Employers;

namespace Registry.Application.Features.Employers;

/// <summary>An approved employer's user makes a named API key; the key is returned this once and only its hash is kept.</summary>
public static class CreateApiKey
{
    [AllowedRoles(Roles.Employer)]
    public sealed record Command(string Name) : ICommand<Created>;

    public sealed record Created(Guid Id, string Name, string Key);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Name).NotEmpty().WithMessage("Give the key a name, e.g. the system that will use it.").MaximumLength(100);
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, Created>
    {
        public async Task<Created> Handle(Command command, CancellationToken cancellationToken)
        {
            var employer = await EmployerAccess.ApprovedEmployerAsync(db, user, cancellationToken);
            var apiKey = EmployerApiKey.Create(employer, command.Name, user.UserId, clock.GetUtcNow(), out var key);
            db.ApiKeys.Add(apiKey);
            return new Created(apiKey.Id, apiKey.Name, key);
        }
    }
}

/// <summary>An employer's user revokes one of its organisation's keys; it stops working at once.</summary>
public static class RevokeApiKey
{
    [AllowedRoles(Roles.Employer)]
    public sealed record Command(Guid KeyId) : ICommand<Unit>;

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var employerId = EmployerAccess.EmployerIdOf(user);
            var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == command.KeyId && k.EmployerId == employerId, cancellationToken)
                ?? throw new NotFoundException("API key", command.KeyId);
            key.Revoke(user.UserId, clock.GetUtcNow());
            return Unit.Value;
        }
    }
}

/// <summary>The organisation's keys (names, prefixes, dates; never the keys themselves).</summary>
public static class ListApiKeys
{
    [AllowedRoles(Roles.Employer)]
    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var employerId = EmployerAccess.EmployerIdOf(user);
            var keys = await db.ApiKeys.AsNoTracking().Where(k => k.EmployerId == employerId).ToListAsync(cancellationToken);
            return keys.OrderBy(k => k.RevokedAt is not null).ThenByDescending(k => k.CreatedAt)
                .Select(k => new Row(k.Id, k.Name, EmployerApiKey.KeyStart + k.Prefix + "…", k.CreatedAt, k.RevokedAt)).ToList();
        }
    }
}

/// <summary>Who a presented API key belongs to: a live key of an approved employer, or nobody.</summary>
public static class IdentifyApiKey
{
    [PublicRequest]
    public sealed record Query(string Key) : IRequest<Caller?>;

    public sealed record Caller(Guid KeyId, string KeyName, Guid EmployerId, string EmployerName);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, Caller?>
    {
        public async Task<Caller?> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!query.Key.StartsWith(EmployerApiKey.KeyStart, StringComparison.Ordinal) || query.Key.Length > 200) return null;
            var hash = EmployerApiKey.HashOf(query.Key);
            return await db.ApiKeys.AsNoTracking()
                .Where(k => k.KeyHash == hash && k.RevokedAt == null)
                .Join(db.Employers.Where(e => e.Status == EmployerStatus.Approved), k => k.EmployerId, e => e.Id, (k, e) => new Caller(k.Id, k.Name, e.Id, e.Name))
                .SingleOrDefaultAsync(cancellationToken);
        }
    }
}

/// <summary>The signed-in employer user's organisation and what it has set up.</summary>
public static class GetEmployerOverview
{
    [AllowedRoles(Roles.Employer)]
    public sealed record Query : IRequest<Model>;

    public sealed record Model(Guid Id, string Name, string ContactEmail, string State, EmployerStatus Status, int LiveKeys, int Watched, int Changes);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var id = EmployerAccess.EmployerIdOf(user);
            var employer = await db.Employers.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new NotFoundException("Employer", id);
            var keys = await db.ApiKeys.CountAsync(k => k.EmployerId == id && k.RevokedAt == null, cancellationToken);
            var watched = await db.WatchedCredentials.CountAsync(w => w.EmployerId == id, cancellationToken);
            var changes = await db.WatchAlerts.CountAsync(a => a.EmployerId == id, cancellationToken);
            return new Model(employer.Id, employer.Name, employer.ContactEmail, employer.StateCode.Value, employer.Status, keys, watched, changes);
        }
    }
}
