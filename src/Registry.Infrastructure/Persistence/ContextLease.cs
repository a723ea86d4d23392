using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Interfaces;

namespace Registry.Infrastructure.Persistence;

/// <summary>
/// One scope's hold on a pooled context. The scope rents the context when it first needs one and returns it exactly
/// once, when the scope ends; the context knows its lease, so a second rent, or use after the return or from
/// another request, fails at once with both holders named (<see cref="PooledContextMisuseException"/>).
/// </summary>
/// <remarks>
/// The scope's container disposes every registration that handed the context out (<see cref="RegistryDbContext"/> and
/// <see cref="IRegistryDbContext"/>); those disposals leave it alone. Only the lease gives it back to the pool. (Before
/// this, the second disposal could return a context that another request had already rented.)
/// </remarks>
public sealed class ContextLease : IDisposable, IAsyncDisposable
{
    private static long _issued;
    private readonly IHttpContextAccessor _requests;

    private ContextLease(RegistryDbContext context, AuditSource auditing, IHttpContextAccessor requests)
    {
        _requests = requests;
        Number = Interlocked.Increment(ref _issued);
        var request = requests.HttpContext;
        RequestId = request?.TraceIdentifier;
        Holder = request is null
            ? $"scope #{Number} (no request)"
            : $"scope #{Number} (request {request.TraceIdentifier}: {request.Request.Method} {request.Request.Path})";
        Auditing = auditing;
        Context = context;
        context.Rent(this);
    }

    public RegistryDbContext Context { get; }

    /// <summary>Who acts, and for which action, in this scope: its saves are audited in their names.</summary>
    public AuditSource Auditing { get; }

    /// <summary>The scope, for messages: its number and, inside a request, the request.</summary>
    public string Holder { get; }

    public long Number { get; }

    /// <summary>The request the scope serves, if any: its context may be used only while that request runs.</summary>
    public string? RequestId { get; }

    /// <summary>Rents a context of the scope's pool for the scope.</summary>
    public static ContextLease Rent<TContext>(IServiceProvider scope) where TContext : RegistryDbContext =>
        new(scope.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext(),
            new AuditSource(scope.GetRequiredService<ICurrentUser>(), scope.GetRequiredService<IAuditContext>()),
            scope.GetRequiredService<IHttpContextAccessor>());

    /// <summary>
    /// The context is being used by this async flow: that is fine in the scope's own request or outside any request
    /// (jobs, start-up); inside another request, or after the scope's request ended, it is someone else's context.
    /// </summary>
    internal void EnsureUsedByHolder(RegistryDbContext context)
    {
        if (RequestId is null) return;
        var current = _requests.HttpContext;
        if (current?.TraceIdentifier == RequestId) return;
        var user = current is null ? "code running after that request ended" : $"request {current.TraceIdentifier}: {current.Request.Method} {current.Request.Path}";
        throw new PooledContextMisuseException(
            $"Context {context.ContextId.InstanceId} is rented by {Holder}, but {user} is using it. A context must stay within the request that rented it.");
    }

    public void Dispose() => Context.Return(this);

    public ValueTask DisposeAsync() => Context.ReturnAsync(this);
}

/// <summary>Every command a context sends, raw SQL included, first checks that the caller holds the context.</summary>
public sealed class LeaseGuardInterceptor : DbCommandInterceptor
{
    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result)
    {
        (eventData.Context as RegistryDbContext)?.EnsureHeldByCaller();
        return result;
    }
}

/// <summary>A pooled context used outside the scope that rents it: always a defect, never retried or shown as a conflict.</summary>
public sealed class PooledContextMisuseException(string message) : InvalidOperationException(message);
