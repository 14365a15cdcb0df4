using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CustomerLifecycle.Orleans.Tests.TestHost;

/// <summary>One line a silo logged.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);

/// <summary>Keeps what the silos of a test cluster log, for tests of what they report.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    /// <summary>Waits for a line of <typeparamref name="T"/>'s category (a grain's logger) and returns it.</summary>
    public async Task<LogEntry> WaitForAsync<T>()
    {
        for (var waited = 0; ; waited += 50)
        {
            if (Entries.FirstOrDefault(e => e.Category == typeof(T).FullName) is { } entry)
            {
                return entry;
            }

            Assert.True(waited < 10_000, $"{typeof(T).Name} logged nothing within 10 seconds.");
            await Task.Delay(50);
        }
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
            }
        }
    }
}
