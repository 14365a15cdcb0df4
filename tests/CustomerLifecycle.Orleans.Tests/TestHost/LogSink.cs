using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CustomerLifecycle.Orleans.Tests.TestHost;

/// <summary>A logger provider that keeps every message logged through it, for tests that check what a silo logs.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _entries = new();

    /// <summary>The messages logged at <paramref name="level"/> under <paramref name="category"/>, in order.</summary>
    public string[] Messages(LogLevel level, string category)
        => [.. _entries.Where(e => e.Level == level && e.Category == category).Select(e => e.Message)];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => sink._entries.Enqueue((category, logLevel, formatter(state, exception)));
    }
}
