using System.Diagnostics;
using Hangfire.Server;

namespace Registry.Infrastructure.Telemetry;

/// <summary>
/// Every background job run on this host's job server is a span (its database commands nest under it) and counts in
/// <c>registry.jobs.completed</c> by the job's class and whether it succeeded. Never the job's arguments.
/// </summary>
public sealed class JobTelemetryFilter(RegistryMetrics metrics) : IServerFilter
{
    private const string SpanItem = "registry:span";

    public void OnPerforming(PerformingContext context)
    {
        var span = RegistryMetrics.Spans.StartActivity($"job {JobClass(context)}");
        if (span is null) return;
        span.SetTag("job.id", context.BackgroundJob.Id);
        context.Items[SpanItem] = span;
    }

    public void OnPerformed(PerformedContext context)
    {
        var failed = context.Exception is not null && !context.ExceptionHandled;
        metrics.JobCompleted(JobClass(context), succeeded: !failed);
        if (context.Items.TryGetValue(SpanItem, out var item) && item is Activity span)
        {
            if (failed) span.SetStatus(ActivityStatusCode.Error, context.Exception!.GetType().Name);
            span.Dispose();
        }
    }

    private static string JobClass(PerformContext context) => context.BackgroundJob.Job?.Type.Name ?? "unknown";
}
