using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Registry.Testing;

/// <summary>
/// Counts the SQL commands EF Core sends on behalf of one HTTP request, for tests of query discipline
/// (no N+1): a request carrying <see cref="Header"/> has its commands counted under the header's value;
/// everything else (other requests, background jobs) is ignored. It counts the openings of the commands' connection too.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor, IDbConnectionInterceptor
{
    public const string Header = "X-Test-Sql-Count";

    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _commands = new();
    private readonly ConcurrentDictionary<string, int> _openings = new();

    /// <summary>Set by the factory once the host exists; the interceptor reads the request the command runs for.</summary>
    internal IHttpContextAccessor? Requests { get; set; }

    /// <summary>Sends <paramref name="request"/> marked for counting; returns the response and the commands it caused.</summary>
    public async Task<(HttpResponseMessage Response, int Commands, IReadOnlyList<string> Sql)> CountAsync(HttpClient client, HttpRequestMessage request)
    {
        var (response, count, sql, _) = await CountWithOpeningsAsync(client, request);
        return (response, count, sql);
    }

    /// <summary>As <see cref="CountAsync"/>, with how many times the request opened a database connection.</summary>
    public async Task<(HttpResponseMessage Response, int Commands, IReadOnlyList<string> Sql, int Openings)> CountWithOpeningsAsync(HttpClient client, HttpRequestMessage request)
    {
        var id = Guid.NewGuid().ToString("N");
        request.Headers.Add(Header, id);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        _counts.TryRemove(id, out var count);
        _commands.TryRemove(id, out var sql);
        _openings.TryRemove(id, out var openings);
        return (response, count, sql?.ToList() ?? [], openings);
    }

    public Task<(HttpResponseMessage Response, int Commands, IReadOnlyList<string> Sql)> CountGetAsync(HttpClient client, string url) =>
        CountAsync(client, new HttpRequestMessage(HttpMethod.Get, url));

    private string? CountedRequest() => Requests?.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } id ? id : null;

    private void Count(DbCommand command)
    {
        if (CountedRequest() is not { } id) return;
        _counts.AddOrUpdate(id, 1, (_, n) => n + 1);
        _commands.GetOrAdd(id, _ => new ConcurrentQueue<string>()).Enqueue(command.CommandText);
    }

    private void CountOpening()
    {
        if (CountedRequest() is { } id) _openings.AddOrUpdate(id, 1, (_, n) => n + 1);
    }

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        CountOpening();
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        CountOpening();
        return ValueTask.FromResult(result);
    }

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
