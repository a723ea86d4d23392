using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Registry.Web.Infrastructure;

/// <summary>
/// Console logs as one JSON object a line, for a log collector: time, level, category, event id, message, exception,
/// the trace and span ids of the request or job that wrote it, and the message's named values. No log scopes:
/// ASP.NET Core's request scope holds the raw path, which can carry a credential number (/Verify/{number}) or a
/// signed link's token (/Confirm/{token}); the framework's "json" formatter with scopes would write it on every line.
/// </summary>
public sealed class JsonLogFormatter(TimeProvider clock) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "registry-json";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null) return;

        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("Timestamp", clock.GetUtcNow());
            json.WriteString("LogLevel", logEntry.LogLevel.ToString());
            json.WriteString("Category", logEntry.Category);
            json.WriteNumber("EventId", logEntry.EventId.Id);
            json.WriteString("Message", message);
            if (logEntry.Exception is not null) json.WriteString("Exception", logEntry.Exception.ToString());
            if (Activity.Current is { } activity)
            {
                json.WriteString("TraceId", activity.TraceId.ToHexString());
                json.WriteString("SpanId", activity.SpanId.ToHexString());
            }
            if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                json.WriteStartObject("State");
                foreach (var (key, value) in values)
                    json.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        textWriter.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
