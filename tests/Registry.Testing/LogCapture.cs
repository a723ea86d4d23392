using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Registry.Testing;

/// <summary>Keeps the host's warnings and errors (with their exceptions) for tests to read; the first 10,000 only.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private const int Capacity = 10_000;
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception)
    {
        public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : Environment.NewLine + Exception)}";
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || capture._entries.Count >= Capacity) return;
            capture._entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
        }
    }
}
