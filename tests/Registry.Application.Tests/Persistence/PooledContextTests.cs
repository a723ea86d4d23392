using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
}
