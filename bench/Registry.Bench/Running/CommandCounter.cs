using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Registry.Bench.Running;

/// <summary>
/// Counts the SQL commands EF Core sends from inside one <see cref="Start"/>ed flow (an <see cref="AsyncLocal{T}"/>),
/// so nothing else the host does meanwhile is counted. It is an interceptor on the bench host's contexts: EF Core
/// calls interceptors for every command, whereas a DiagnosticListener subscribed late can miss commands (EF Core
/// stops reporting commands for a second, its logging cache time, after one that nobody was listening to).
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    public static CommandCounter Instance { get; } = new();

    private static readonly AsyncLocal<Tally?> Current = new();

    private CommandCounter() { }

    /// <summary>The commands of one flow: how many, and their texts (no parameter values).</summary>
    public sealed class Tally : IDisposable
    {
        private int _count;

        public int Count => _count;
        public ConcurrentQueue<string> Commands { get; } = new();

        internal void Add(DbCommand command)
        {
            Interlocked.Increment(ref _count);
            Commands.Enqueue(command.CommandText);
        }

        public void Dispose() => Current.Value = null;
    }

    /// <summary>Counts the commands of the calling flow (and the flows it starts) until the tally is disposed.</summary>
    public static Tally Start() => Current.Value = new Tally();

    private static void Count(DbCommand command) => Current.Value?.Add(command);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }
}
