using System.Security.Claims;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Persistence;
using Registry.Testing;

namespace Registry.Application.Tests;

/// <summary>
/// Sends real MediatR requests through the real host's pipeline on a real database (PostgreSQL unless
/// REGISTRY_TEST_PROVIDER says otherwise). Each call runs in its own scope, like a web request.
/// </summary>
public sealed class SliceFixture : IAsyncLifetime
{
    private readonly RegistryFactory _factory = new(TestDatabase.FromEnvironment("application-tests"));

    public TestDatabase Database => _factory.Database;

    public Task InitializeAsync()
    {
        _ = _factory.Services; // starts the host, which migrates the database
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public Task ResetAsync() => Database.ResetAsync();

    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request, ClaimsPrincipal user)
    {
        using var runAs = CurrentUser.RunAs(user);
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<T> QueryAsync<T>(Func<RegistryDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await query(db);
    }

    public async Task ExecuteAsync(Func<RegistryDbContext, Task> action)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
    }

    public async Task InsertAsync(params object[] entities)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        scope.ServiceProvider.GetRequiredService<AuditContext>().Action = "TestSetup";
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    public T GetService<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    /// <summary>The host's clock; tests move it instead of waiting.</summary>
    public TestClock Clock => _factory.Clock;

    /// <summary>Resolves a service in its own scope (as a background job runs) and runs it.</summary>
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> run) where TService : notnull
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<int> CountAsync<T>() where T : class => QueryAsync(db => db.Set<T>().CountAsync());
}

[CollectionDefinition(nameof(SliceCollection))]
public sealed class SliceCollection : ICollectionFixture<SliceFixture>;

/// <summary>Base for tests that write: the database is emptied before each test.</summary>
[Collection(nameof(SliceCollection))]
public abstract class SliceTest(SliceFixture fixture) : IAsyncLifetime
{
    protected SliceFixture Fixture { get; } = fixture;

    /// <summary>The host's time: <see cref="TestClock.Start"/> until the test moves the clock.</summary>
    protected DateTimeOffset Now => Fixture.Clock.GetUtcNow();

    public Task InitializeAsync()
    {
        Fixture.Clock.Reset();
        return Fixture.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
