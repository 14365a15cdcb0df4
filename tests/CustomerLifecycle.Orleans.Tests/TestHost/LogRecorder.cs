using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CustomerLifecycle.Orleans.Tests.TestHost;

/// <summary>One line a silo logged.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);

/// <summary>Keeps what the silos of a test cluster log at <paramref name="minimum"/> or above (Warning unless told), for tests
/// of what they report.</summary>
public sealed class LogRecorder(LogLevel minimum = LogLevel.Warning) : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, minimum, _entries);

    /// <summary>The messages logged at <paramref name="level"/> under <typeparamref name="T"/>'s category, in order.</summary>
    public string[] Messages<T>(LogLevel level) => [.. Entries.Where(e => e.Level == level && e.Category == typeof(T).FullName).Select(e => e.Message)];

    public void Dispose()
    {
    }

    /// <summary>Waits for a line of <typeparamref name="T"/>'s category (a grain's logger) and returns it.</summary>
    public async Task<LogEntry> WaitForAsync<T>()
    {
        await Poll.UntilAsync(() => Entries.Any(e => e.Category == typeof(T).FullName));
        return Entries.First(e => e.Category == typeof(T).FullName);
    }

    private sealed class Logger(string category, LogLevel minimum, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
            }
        }
    }
}
