namespace CustomerLifecycle.Testing.Conformance;

/// <summary>
/// What every store conformance suite shares: how a test gets its store, a second store over the same data, and how the
/// stores are released, pass or fail; and the sizes of the concurrency tests.
/// </summary>
/// <typeparam name="TStore">The store port under test.</typeparam>
public abstract class StoreConformanceTests<TStore>
    where TStore : class
{
    /// <summary>Gets how many writers the concurrency tests run at once.</summary>
    /// <value>The default value is 8.</value>
    protected virtual int ConcurrentWriters => 8;

    /// <summary>Gets how many events each concurrent writer delivers.</summary>
    /// <value>The default value is 25.</value>
    protected virtual int EventsPerWriter => 25;

    /// <summary>Creates a new, empty store for one test.</summary>
    /// <returns>The store under test.</returns>
    protected abstract TStore CreateStore();

    /// <summary>Returns another store over the same data as <paramref name="store"/> (e.g. a second connection to the same file).</summary>
    /// <remarks>The round-trip and concurrency tests read and write through it, so a store that only works within one connection
    /// or one instance is caught. Each instance returned is passed to <see cref="DisposeStoreAsync"/> unless it is <paramref name="store"/> itself.</remarks>
    /// <param name="store">A store created by <see cref="CreateStore"/>.</param>
    /// <returns>The same instance by default.</returns>
    protected virtual TStore OpenSharedStore(TStore store) => store;

    /// <summary>Releases a store at the end of a test (delete its file, drop its schema…).</summary>
    /// <param name="store">A store created by <see cref="CreateStore"/> or <see cref="OpenSharedStore"/>.</param>
    /// <returns>A task that completes when the store is released; by default it disposes the store when it is disposable.</returns>
    protected virtual ValueTask DisposeStoreAsync(TStore store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                return asyncDisposable.DisposeAsync();
            case IDisposable disposable:
                disposable.Dispose();
                return ValueTask.CompletedTask;
            default:
                return ValueTask.CompletedTask;
        }
    }

    /// <summary>Runs a test against a new store and releases it afterwards, pass or fail.</summary>
    /// <param name="test">The test.</param>
    /// <returns>A task that completes when the test has run and the store is released.</returns>
    protected async Task WithStore(Func<TStore, Task> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var store = CreateStore();
        try
        {
            await test(store);
        }
        finally
        {
            await DisposeStoreAsync(store);
        }
    }

    /// <summary>Releases a store from <see cref="OpenSharedStore"/> unless it is the test's own store.</summary>
    /// <param name="store">The test's store.</param>
    /// <param name="shared">The store <see cref="OpenSharedStore"/> returned for it.</param>
    /// <returns>A task that completes when the shared store is released.</returns>
    protected async ValueTask ReleaseShared(TStore store, TStore shared)
    {
        if (!ReferenceEquals(store, shared))
        {
            await DisposeStoreAsync(shared);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on <paramref name="writers"/> stores from <see cref="OpenSharedStore"/> at once (released
    /// together by a gate, so they race), and releases the shared stores afterwards.
    /// </summary>
    /// <typeparam name="T">What each writer returns.</typeparam>
    /// <param name="store">The test's store.</param>
    /// <param name="writers">How many writers.</param>
    /// <param name="work">A writer's work: its store and its index.</param>
    /// <returns>Each writer's result, by index.</returns>
    protected async Task<T[]> RunConcurrently<T>(TStore store, int writers, Func<TStore, int, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var stores = Enumerable.Range(0, writers).Select(_ => OpenSharedStore(store)).ToArray();
        try
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var tasks = stores.Select((writer, w) => Task.Run(async () =>
            {
                await gate.Task;
                return await work(writer, w);
            })).ToArray();
            gate.SetResult();
            return await Task.WhenAll(tasks);
        }
        finally
        {
            foreach (var shared in stores)
            {
                await ReleaseShared(store, shared);
            }
        }
    }
}
