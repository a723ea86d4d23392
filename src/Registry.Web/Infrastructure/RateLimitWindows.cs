using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;

namespace Registry.Web.Infrastructure;

/// <summary>
/// The fixed windows behind the verification limit, one per caller, kept where the answer's headers can read them:
/// <c>RateLimit-Policy: "anonymous";q=60;w=60</c> (quota, window seconds) and <c>RateLimit: "anonymous";r=59;t=41</c>
/// (remaining, seconds until the window resets), from the IETF draft on rate-limit headers. The framework's
/// fixed-window limiter tells neither what a partition has left nor when its window ends, and keeps time on the
/// system clock; these windows keep it on <see cref="TimeProvider"/>. With Redis configured the windows are counted
/// there, for every server (<see cref="RedisRateLimitCounts"/>); without it, or while it cannot be reached, each
/// server counts alone in memory.
/// </summary>
public sealed class RateLimitWindows(TimeProvider clock, RedisRateLimitCounts? redis = null)
{
    private readonly ConcurrentDictionary<string, Window> _open = new();

    /// <summary>Who is counted, under which policy name, with what quota; set on the request by the partitioner.</summary>
    public sealed record Caller(string Key, string Policy, int Quota, TimeSpan Length);

    /// <summary>A new window for the caller; the partitioned limiter asks once per caller and disposes it when idle.</summary>
    public RateLimiter Open(Caller caller)
    {
        var window = new Window(caller, clock, redis, this);
        _open[caller.Key] = window;
        return window;
    }

    /// <summary>What the caller's window has left, and when it resets; null once the limiter has let the window go.</summary>
    public (int Remaining, TimeSpan ResetIn)? StateOf(Caller caller) => _open.TryGetValue(caller.Key, out var window) ? window.State() : null;

    /// <summary>The draft's two headers for a caller: <c>RateLimit-Policy</c> and, while the window is known, <c>RateLimit</c>.</summary>
    public void WriteHeaders(Caller caller, IHeaderDictionary headers)
    {
        headers["RateLimit-Policy"] = $"\"{caller.Policy}\";q={caller.Quota};w={Seconds(caller.Length)}";
        if (StateOf(caller) is (var remaining, var resetIn)) headers["RateLimit"] = $"\"{caller.Policy}\";r={remaining};t={Seconds(resetIn)}";
    }

    /// <summary>Whole seconds, rounded up, so a client that waits that long finds the window reset.</summary>
    private static string Seconds(TimeSpan span) => ((long)Math.Ceiling(Math.Max(0, span.TotalSeconds))).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// <see cref="Caller.Quota"/> permits from the first request until <see cref="Caller.Length"/> later; the next
    /// request after that opens a fresh window. Nothing queues: past the quota a request is refused with how long to wait.
    /// Counted in Redis, the window here is what Redis last answered (the headers read it), and where counting goes on
    /// while Redis cannot be reached.
    /// </summary>
    private sealed class Window(Caller caller, TimeProvider clock, RedisRateLimitCounts? redis, RateLimitWindows owner) : RateLimiter
    {
        private readonly Lock _gate = new();
        private DateTimeOffset _start = clock.GetUtcNow();
        private int _used;
        private long _granted;
        private long _refused;

        /// <summary>Permits left and the time until the window resets; a window already over reads as a whole fresh one.</summary>
        public (int Remaining, TimeSpan ResetIn) State()
        {
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                return Over(now) ? (caller.Quota, caller.Length) : (caller.Quota - _used, End - now);
            }
        }

        private DateTimeOffset End => _start + caller.Length;

        /// <summary>
        /// The window has run its length, or the clock was set back before it began; a window from Redis may have
        /// begun on a server whose clock is a little ahead, and is over only at its end.
        /// </summary>
        private bool Over(DateTimeOffset now) => now >= End || (redis is null && now < _start);

        public override TimeSpan? IdleDuration
        {
            get
            {
                lock (_gate)
                {
                    var now = clock.GetUtcNow();
                    if (Over(now)) return now < _start ? TimeSpan.Zero : now - End;
                    return _used == 0 ? now - _start : null;
                }
            }
        }

        public override RateLimiterStatistics GetStatistics()
        {
            var (remaining, _) = State();
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = remaining, CurrentQueuedCount = 0,
                TotalSuccessfulLeases = Interlocked.Read(ref _granted), TotalFailedLeases = Interlocked.Read(ref _refused),
            };
        }

        /// <summary>
        /// The rate-limiting middleware asks here first and, when refused, waits on <see cref="AcquireAsyncCore"/>;
        /// a window counted in Redis answers only there, where it may wait for Redis without blocking a thread.
        /// </summary>
        protected override RateLimitLease AttemptAcquireCore(int permitCount) => redis is null ? CountHere(permitCount) : Lease.AskAgainAsync;

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            if (redis is null || await redis.TryCountAsync(caller, permitCount, clock.GetUtcNow()) is not { } counted) return CountHere(permitCount);
            lock (_gate)
            {
                (_start, _used) = (counted.Start, counted.Used);
                if (counted.Granted)
                {
                    Interlocked.Increment(ref _granted);
                    return Lease.Granted;
                }
                Interlocked.Increment(ref _refused);
                return new Lease(false, End - clock.GetUtcNow());
            }
        }

        private RateLimitLease CountHere(int permitCount)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, caller.Quota);
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                if (Over(now)) (_start, _used) = (now, 0);
                // Zero permits asks only whether any are left.
                if (permitCount == 0 ? _used < caller.Quota : _used + permitCount <= caller.Quota)
                {
                    _used += permitCount;
                    Interlocked.Increment(ref _granted);
                    return Lease.Granted;
                }
                Interlocked.Increment(ref _refused);
                return new Lease(false, End - now);
            }
        }

        protected override void Dispose(bool disposing)
        {
            owner._open.TryRemove(new KeyValuePair<string, Window>(caller.Key, this));
            base.Dispose(disposing);
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        /// <summary>Not refused: the middleware asks again asynchronously.</summary>
        public static readonly Lease AskAgainAsync = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name ? wait : null;
            return metadata is not null;
        }
    }
}
