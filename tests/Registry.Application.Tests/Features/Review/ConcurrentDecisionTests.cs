using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Review;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Persistence;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Review;

public sealed class ConcurrentDecisionTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task Two_reviewers_deciding_at_once_record_one_decision_and_the_other_gets_a_conflict()
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture);
        var (_, application) = await scenario.UnderReviewAsync();
        var scopes = Fixture.GetService<IServiceScopeFactory>();
        await using var first = scopes.CreateAsyncScope();
        await using var second = scopes.CreateAsyncScope();

        // Both reviewers have the application open: each scope has loaded it before either decides.
        foreach (var scope in new[] { first, second })
            await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Applications.Include(a => a.History).SingleAsync(a => a.Id == application.Id);

        using (CurrentUser.RunAs(TestUsers.Reviewer("TN")))
            await first.ServiceProvider.GetRequiredService<IMediator>().Send(new ApproveApplication.Command(application.Id));
        Exception? refused;
        using (CurrentUser.RunAs(TestUsers.Reviewer("TN")))
            refused = await Record.ExceptionAsync(() => second.ServiceProvider.GetRequiredService<IMediator>().Send(new DenyApplication.Command(application.Id, "Too late.")));

        Assert.IsType<ConflictException>(refused);
        Assert.Equal(1, await Fixture.CountAsync<Credential>());
        var saved = await Fixture.QueryAsync(db => db.Applications.Include(a => a.History).SingleAsync());
        Assert.Equal(ApplicationStatus.Approved, saved.Status);
        Assert.Single(saved.History, h => h.To is ApplicationStatus.Approved or ApplicationStatus.Denied);
    }

    [Fact]
    public async Task Two_approvals_at_once_issue_one_credential()
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture);
        var (_, application) = await scenario.UnderReviewAsync();
        var scopes = Fixture.GetService<IServiceScopeFactory>();
        await using var first = scopes.CreateAsyncScope();
        await using var second = scopes.CreateAsyncScope();
        foreach (var scope in new[] { first, second })
            await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Applications.Include(a => a.History).SingleAsync(a => a.Id == application.Id);

        var outcomes = await Task.WhenAll(new[] { first, second }.Select(scope => Record.ExceptionAsync(async () =>
        {
            using var runAs = CurrentUser.RunAs(TestUsers.Reviewer("TN"));
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ApproveApplication.Command(application.Id));
        })));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o is ConflictException);
        Assert.Equal(1, await Fixture.CountAsync<Credential>());
    }
}
