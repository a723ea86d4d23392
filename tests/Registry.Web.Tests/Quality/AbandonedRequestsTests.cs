using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Registry.Web.Infrastructure;

namespace Registry.Web.Tests.Quality;

/// <summary>
/// A caller going away cancels the request's work from the dedicated thread: Npgsql's cancellation callback blocks
/// the thread that cancels (it connects to the server to send the cancel request), and that must never be the
/// server's thread that noticed, which belongs to the thread pool.
/// </summary>
public sealed class AbandonedRequestsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_callers_going_away_is_handed_to_the_dedicated_thread_and_the_work_is_still_cancelled()
    {
        using var requests = new AbandonedRequests(NullLogger<AbandonedRequests>.Instance);
        using var connection = new CancellationTokenSource(); // the server's token: the caller's connection
        var context = new DefaultHttpContext { RequestAborted = connection.Token };
        using var blocking = new ManualResetEventSlim();
        var cancelledOn = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workToken = CancellationToken.None;

        var handling = requests.HandleAsync(context, async http =>
        {
            Assert.NotEqual(connection.Token, http.RequestAborted);
            workToken = http.RequestAborted;
            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // As Npgsql's does, the callback holds the cancelling thread until its work is done.
            await using var _ = http.RequestAborted.Register(() =>
            {
                cancelledOn.TrySetResult(Thread.CurrentThread.Name);
                blocking.Wait(Bound);
                stopped.TrySetResult();
            });
            running.SetResult();
            await stopped.Task;
        });
        await running.Task.WaitAsync(Bound);

        await connection.CancelAsync();
        var thread = await cancelledOn.Task.WaitAsync(Bound);
        blocking.Set();
        await handling.WaitAsync(Bound);

        Assert.Equal("Abandoned request cancellation", thread);
        Assert.True(workToken.IsCancellationRequested, "The abandoned request's work was not cancelled.");
        Assert.Equal(connection.Token, context.RequestAborted);
    }

    [Fact]
    public async Task A_request_that_ends_first_leaves_nothing_registered_on_the_servers_token()
    {
        using var requests = new AbandonedRequests(NullLogger<AbandonedRequests>.Instance);
        using var connection = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = connection.Token };
        var token = CancellationToken.None;

        await requests.HandleAsync(context, http =>
        {
            token = http.RequestAborted;
            return Task.CompletedTask;
        });
        await connection.CancelAsync();
        // Cancellations are made in turn: once a later request's is made, one queued for the first would have been.
        using var second = new CancellationTokenSource();
        await requests.HandleAsync(new DefaultHttpContext { RequestAborted = second.Token }, async http =>
        {
            await second.CancelAsync();
            await Task.Delay(Timeout.InfiniteTimeSpan, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(Bound);
        });

        Assert.True(token.CanBeCanceled);
        Assert.False(token.IsCancellationRequested);
        Assert.Equal(connection.Token, context.RequestAborted);
    }
}
