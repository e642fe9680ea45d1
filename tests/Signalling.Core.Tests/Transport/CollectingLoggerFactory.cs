using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Signalling.Core.Tests.Transport;

/// <summary>Keeps every log entry so that tests can assert "one log line"; can signal when an event is logged.</summary>
internal sealed class CollectingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<(int EventId, LogLevel Level, string Message)> _entries = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _waiters = new();

    public IReadOnlyList<(int EventId, LogLevel Level, string Message)> Entries => [.. _entries];

    public int Count(int eventId) => _entries.Count(e => e.EventId == eventId);

    /// <summary>Completes when an entry with <paramref name="eventId"/> is logged (or already was).</summary>
    public Task WhenLogged(int eventId)
    {
        var waiter = _waiters.GetOrAdd(eventId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_entries.Any(e => e.EventId == eventId))
        {
            waiter.TrySetResult();
        }

        return waiter.Task;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public ILogger<T> CreateLogger<T>() => new Logger<T>(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private void Add(int eventId, LogLevel level, string message)
    {
        _entries.Enqueue((eventId, level, message));
        if (_waiters.TryGetValue(eventId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    private sealed class Logger(CollectingLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => owner.Add(eventId.Id, logLevel, formatter(state, exception));
    }
}
