using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Internal;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Interfaces;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Persistence;
using Registry.Testing;

namespace Registry.Application.Tests.Persistence;

/// <summary>
/// Contexts are pooled: one scope's context is the next scope's, so whoever acted in the first scope must
/// never be written into the second's audit entries.
/// </summary>
public sealed class PooledContextTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task A_context_reused_by_the_next_scope_audits_that_scopes_user_and_action()
    {
        var services = Fixture.GetService<IServiceScopeFactory>();
        var staff = TestUsers.Reviewer("TN");
        RegistryDbContext first;
        var firstPerson = TestData.Person("First", "Scope");
        using (CurrentUser.RunAs(staff))
        await using (var scope = services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            scope.ServiceProvider.GetRequiredService<AuditContext>().Action = "FirstScope";
            first.People.Add(firstPerson);
            await first.SaveChangesAsync();
        }

        // The pool hands contexts out in turn: take scopes until the first one's context comes round again.
        var secondPerson = TestData.Person("Second", "Scope");
        var reused = false;
        for (var attempt = 0; attempt < 200 && !reused; attempt++)
        {
            await using var scope = services.CreateAsyncScope();
            var second = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            if (!ReferenceEquals(first, second)) continue;
            reused = true;
            scope.ServiceProvider.GetRequiredService<AuditContext>().Action = "SecondScope";
            second.People.Add(secondPerson);
            await second.SaveChangesAsync();
        }
        Assert.True(reused, "The first scope's context never came back from the pool.");

        var audit = await Fixture.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Person").ToListAsync());
        var one = Assert.Single(audit, a => a.EntityId == firstPerson.Id.ToString());
        var two = Assert.Single(audit, a => a.EntityId == secondPerson.Id.ToString());
        Assert.Equal("FirstScope", one.Action);
        Assert.NotNull(one.ActorUserId);
        Assert.Equal(("SecondScope", (Guid?)null), (two.Action, two.ActorUserId));
    }

    [Fact]
    public async Task A_context_rented_from_the_pool_directly_refuses_to_save_unaudited()
    {
        Type contextType;
        await using (var scope = Fixture.GetService<IServiceScopeFactory>().CreateAsyncScope())
            contextType = scope.ServiceProvider.GetRequiredService<RegistryDbContext>().GetType();
        var factoryType = typeof(IDbContextFactory<>).MakeGenericType(contextType);
        var factory = Fixture.GetService<IServiceProvider>().GetRequiredService(factoryType);
        var person = TestData.Person("Not", "Audited");

        await using (var rented = (RegistryDbContext)factoryType.GetMethod(nameof(IDbContextFactory<RegistryDbContext>.CreateDbContext))!.Invoke(factory, null)!)
        {
            rented.People.Add(person);
            await Assert.ThrowsAsync<InvalidOperationException>(() => rented.SaveChangesAsync());
        }

        Assert.False(await Fixture.QueryAsync(db => db.People.AnyAsync(p => p.Id == person.Id)));
    }

    [Fact]
    public async Task The_containers_own_disposals_of_a_scopes_context_leave_it_with_its_scope()
    {
        var services = Fixture.GetService<IServiceScopeFactory>();
        await using var first = services.CreateAsyncScope();
        var context = first.ServiceProvider.GetRequiredService<RegistryDbContext>();
        Assert.Same(context, first.ServiceProvider.GetRequiredService<IRegistryDbContext>());

        // The container disposes the context once per registration that handed it out; neither gives it back to the pool.
        await context.DisposeAsync();
        context.Dispose();
        var others = new List<AsyncServiceScope>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var other = services.CreateAsyncScope();
                others.Add(other);
                Assert.NotSame(context, other.ServiceProvider.GetRequiredService<RegistryDbContext>());
            }
            Assert.Equal(0, await context.People.CountAsync());
        }
        finally
        {
            foreach (var other in others) await other.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_context_used_after_its_scope_returned_it_fails_naming_that_scope()
    {
        RegistryDbContext returned;
        string holder;
        await using (var scope = Fixture.GetService<IServiceScopeFactory>().CreateAsyncScope())
        {
            returned = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            holder = scope.ServiceProvider.GetRequiredService<ContextLease>().Holder;
        }

        var misuse = await Assert.ThrowsAsync<PooledContextMisuseException>(() => returned.People.CountAsync());
        Assert.Contains($"returned to the pool by {holder}", misuse.Message);
    }

    [Fact]
    public async Task A_context_rented_again_while_its_scope_still_holds_it_fails_naming_both_scopes()
    {
        var services = Fixture.GetService<IServiceScopeFactory>();
        await using var holding = services.CreateAsyncScope();
        var context = holding.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var holder = holding.ServiceProvider.GetRequiredService<ContextLease>().Holder;

        // The defect this guards against: something hands a context back to EF's pool while its scope still uses it.
        ReturnToPoolBehindTheLeasesBack(context);

        PooledContextMisuseException? misuse = null;
        var rentals = new List<AsyncServiceScope>();
        try
        {
            for (var i = 0; i < 200 && misuse is null; i++)
            {
                var scope = services.CreateAsyncScope();
                rentals.Add(scope);
                misuse = Record.Exception(() => scope.ServiceProvider.GetRequiredService<RegistryDbContext>()) as PooledContextMisuseException;
            }
        }
        finally
        {
            foreach (var scope in rentals) await scope.DisposeAsync();
        }
        Assert.NotNull(misuse);
        Assert.Contains($"still rented by {holder}", misuse.Message);
        Assert.Matches(@"and scope #\d+ \(no request\) tried to rent it as well", misuse.Message);
    }

    [Fact]
    public async Task A_context_rented_for_one_request_fails_when_another_request_uses_it()
    {
        var requests = Fixture.GetService<IHttpContextAccessor>();
        var previous = requests.HttpContext;
        try
        {
            requests.HttpContext = new DefaultHttpContext { TraceIdentifier = "first-request" };
            await using var scope = Fixture.GetService<IServiceScopeFactory>().CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            Assert.Equal(0, await context.People.CountAsync());

            requests.HttpContext = new DefaultHttpContext { TraceIdentifier = "second-request" };
            var misuse = await Assert.ThrowsAsync<PooledContextMisuseException>(() => context.People.CountAsync());
            Assert.Contains("request first-request", misuse.Message);
            Assert.Contains("request second-request", misuse.Message);

            requests.HttpContext = null; // the first request has ended
            Assert.Contains("after that request ended",
                (await Assert.ThrowsAsync<PooledContextMisuseException>(() => context.Database.ExecuteSqlRawAsync("SELECT 1"))).Message);

            requests.HttpContext = new DefaultHttpContext { TraceIdentifier = "first-request" };
            Assert.Equal(0, await context.People.CountAsync());
        }
        finally
        {
            requests.HttpContext = previous;
        }
    }

    /// <summary>Hands the context to EF Core's pool directly, as a stray disposal used to.</summary>
#pragma warning disable EF1001 // EF's internal pool API: only a test that simulates the defect calls it.
    private void ReturnToPoolBehindTheLeasesBack(RegistryDbContext context)
    {
        var pool = (IDbContextPool)Fixture.GetService<IServiceProvider>().GetRequiredService(typeof(IDbContextPool<>).MakeGenericType(context.GetType()));
        pool.Return(context);
    }
#pragma warning restore EF1001
}
