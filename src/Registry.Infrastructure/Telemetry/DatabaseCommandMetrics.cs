using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Registry.Infrastructure.Telemetry;

/// <summary>
/// <c>registry.db.command.duration</c>: how long each command the registry's contexts send took, on every provider
/// (Npgsql's own <c>db.client.operation.duration</c> covers PostgreSQL alone), by outcome. Never the SQL or its values.
/// </summary>
public sealed class DatabaseCommandMetrics : DbCommandInterceptor
{
    private readonly Histogram<double> _durations;

    public DatabaseCommandMetrics(IMeterFactory meters) =>
        _durations = meters.Create(RegistryMetrics.Name).CreateHistogram("registry.db.command.duration", "s",
            "Time the database took to run a command of the registry's (Hangfire's own are not counted), by outcome (succeeded or failed).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private DbDataReader Succeeded(CommandExecutedEventData data, DbDataReader result) { Record(data.Duration, "succeeded"); return result; }

    private T Succeeded<T>(CommandExecutedEventData data, T result) { Record(data.Duration, "succeeded"); return result; }

    private void Record(TimeSpan duration, string outcome) =>
        _durations.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) => Succeeded(eventData, result);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Succeeded(eventData, result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Succeeded(eventData, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Succeeded(eventData, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => Succeeded(eventData, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Succeeded(eventData, result));

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Record(eventData.Duration, "failed");

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Record(eventData.Duration, "failed");
        return Task.CompletedTask;
    }
}
