using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace Registry.Infrastructure.Jobs;

/// <summary>
/// Hangfire's log provider is one static for the whole process, set by the last host to start. Where several hosts
/// share a process (the tests, the several-servers check) one of them may stop and dispose its logger factory while
/// another still creates job clients; then Hangfire's own provider throws and the job cannot even be queued. This one
/// logs through the host's factory while it lives and, once it is gone, logs nothing instead of failing.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggers) : ILogProvider
{
    private readonly AspNetCoreLogProvider _host = new(loggers);

    public ILog GetLogger(string name)
    {
        try
        {
            return _host.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
