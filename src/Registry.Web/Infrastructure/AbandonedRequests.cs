using System.Collections.Concurrent;

namespace Registry.Web.Infrastructure;

/// <summary>
/// A request its caller gave up on is cancelled from one dedicated thread, never from the thread that noticed.
/// Npgsql cancels a running statement inside the token's callback, synchronously: it opens a new connection to the
/// server (TLS included) to send the cancel request. Run on the thread pool, a burst of abandoned requests blocked
/// its threads until every other request waited behind them, for seconds under load and past the connect timeout
/// while a database came back from an outage.
/// </summary>
public sealed class AbandonedRequests : IDisposable
{
    private readonly BlockingCollection<CancellationTokenSource> _toCancel = new();
    private readonly Thread _canceller;
    private readonly ILogger<AbandonedRequests> _logger;

    public AbandonedRequests(ILogger<AbandonedRequests> logger)
    {
        _logger = logger;
        _canceller = new Thread(CancelInTurn) { IsBackground = true, Name = "Abandoned request cancellation" };
        _canceller.Start();
    }

    /// <summary>
    /// The request's <see cref="HttpContext.RequestAborted"/> becomes a token this class cancels, in turn, on its own
    /// thread once the caller goes away; the callback on the server's token only queues it.
    /// </summary>
    public async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        var aborted = context.RequestAborted;
        if (!aborted.CanBeCanceled)
        {
            await next(context);
            return;
        }
        // Not disposed: it has no timer, and a cancellation already queued may still reach it after the request.
        var statements = new CancellationTokenSource();
        var queued = aborted.UnsafeRegister(static (state, _) =>
        {
            var (self, source) = ((AbandonedRequests, CancellationTokenSource))state!;
            self.Queue(source);
        }, (this, statements));
        context.RequestAborted = statements.Token;
        try
        {
            await next(context);
        }
        finally
        {
            await queued.DisposeAsync();
            context.RequestAborted = aborted;
        }
    }

    private void Queue(CancellationTokenSource source)
    {
        try
        {
            _toCancel.Add(source);
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            source.Cancel(); // the host is stopping: no thread is left to do it
        }
    }

    private void CancelInTurn()
    {
        foreach (var source in _toCancel.GetConsumingEnumerable())
        {
            try
            {
                source.Cancel();
            }
            catch (Exception e)
            {
                // A callback's failure belongs to the abandoned request alone; the next ones are still cancelled.
                _logger.LogWarning(e, "Cancelling an abandoned request's work failed.");
            }
        }
    }

    public void Dispose()
    {
        _toCancel.CompleteAdding();
        if (_canceller.Join(TimeSpan.FromSeconds(5))) _toCancel.Dispose();
    }
}

public static class AbandonedRequestsMiddleware
{
    public static IApplicationBuilder UseAbandonedRequestsCancelledAside(this IApplicationBuilder app)
    {
        var requests = app.ApplicationServices.GetRequiredService<AbandonedRequests>();
        return app.Use(requests.HandleAsync);
    }
}
