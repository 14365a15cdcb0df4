using System.Runtime.ExceptionServices;

namespace CustomerLifecycle.Sqlite;

/// <summary>The CPU-bound part of reading or writing many rows (JSON), run on every core.</summary>
internal static class ParallelRows
{
    /// <summary>Runs <paramref name="body"/> for every index below <paramref name="count"/>; a failure surfaces as itself, with
    /// its stack, not wrapped in an <see cref="AggregateException"/>, so callers can catch the documented exceptions
    /// (<see cref="SqliteSchemaException"/>, a <c>JsonException</c>) as they would from a sequential loop.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static void For(int count, CancellationToken cancellationToken, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, body);
        }
        catch (AggregateException e)
        {
            // Parallel.For stops at the first failure; any others ran concurrently with it and are the same kind of problem.
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }
}
