using StackExchange.Redis;

namespace Registry.Web.Infrastructure;

/// <summary>
/// The verification windows counted in Redis (<c>Redis:Configuration</c>), so that several servers behind one load
/// balancer share each caller's quota. A small Lua script on StackExchange.Redis rather than RedisRateLimiting's
/// fixed-window limiter: the headers need what a window has left and when it ends on every answer, not only a
/// Retry-After on the refusal, and the window keeps time on the registry's <see cref="TimeProvider"/> (as the local
/// windows do, and tests move it) where the library reads the system clock. The script keeps the local windows'
/// rule: a window opens at a caller's first request and lasts its length.
/// While Redis cannot be reached nothing is refused because of it: <see cref="TryCountAsync"/> answers null, each
/// server counts alone (<see cref="RateLimitWindows"/>), and the outage is logged once.
/// </summary>
public sealed class RedisRateLimitCounts(ConfigurationOptions configuration, ILogger<RedisRateLimitCounts> logger) : IAsyncDisposable
{
    public const string Setting = "Redis:Configuration";

    private const string KeyPrefix = "registry:rate-limit:";

    // KEYS[1] the caller's window; ARGV: now and length in Unix milliseconds, quota, permits asked.
    // A window is over at its end only: a server whose clock is a little behind the one that opened it does not
    // start it again. Redis drops the key a second after the end, allowing for the servers' clocks.
    private const string CountScript = """
        local now = tonumber(ARGV[1])
        local length = tonumber(ARGV[2])
        local quota = tonumber(ARGV[3])
        local permits = tonumber(ARGV[4])
        local window = redis.call('HMGET', KEYS[1], 'start', 'used')
        local start = window[1]
        local used = tonumber(window[2]) or 0
        if not start or now >= tonumber(start) + length then
          start = ARGV[1]
          used = 0
          redis.call('HSET', KEYS[1], 'start', start, 'used', 0)
          redis.call('PEXPIRE', KEYS[1], length + 1000)
        end
        local granted = 0
        if (permits == 0 and used < quota) or (permits > 0 and used + permits <= quota) then
          used = redis.call('HINCRBY', KEYS[1], 'used', permits)
          granted = 1
        end
        return {granted, start, used}
        """;

    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectAsync(configuration));
    private int _unavailable;

    /// <summary>What Redis counted for a caller's window: whether the permits were granted, when the window began, how many it has used.</summary>
    public sealed record Count(bool Granted, DateTimeOffset Start, int Used);

    /// <summary>Counts the permits in the caller's shared window; null when Redis could not answer.</summary>
    public async Task<Count?> TryCountAsync(RateLimitWindows.Caller caller, int permits, DateTimeOffset now)
    {
        try
        {
            var redis = await _connection.Value;
            var answer = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(CountScript, [KeyPrefix + caller.Key],
                [now.ToUnixTimeMilliseconds(), (long)caller.Length.TotalMilliseconds, caller.Quota, permits]))!;
            if (Interlocked.Exchange(ref _unavailable, 0) == 1)
                logger.LogInformation("Redis answers again: verification rate limits are counted for the whole deployment.");
            return new Count((int)answer[0] == 1, DateTimeOffset.FromUnixTimeMilliseconds((long)answer[1]), (int)answer[2]);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            if (Interlocked.Exchange(ref _unavailable, 1) == 0)
                logger.LogWarning(exception, "Redis cannot be reached: each server limits verification alone until it answers again.");
            return null;
        }
    }

    /// <summary>
    /// Connecting never blocks startup or fails a request for long: an unreachable Redis is retried in the background,
    /// and while it is down a command fails at once (no backlog) or within a second.
    /// </summary>
    private static Task<ConnectionMultiplexer> ConnectAsync(ConfigurationOptions configuration)
    {
        var options = configuration.Clone();
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 1000);
        return ConnectionMultiplexer.ConnectAsync(options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully) await (await _connection.Value).DisposeAsync();
    }
}
