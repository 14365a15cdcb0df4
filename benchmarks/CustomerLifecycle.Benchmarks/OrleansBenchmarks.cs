using BenchmarkDotNet.Attributes;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans;
using Orleans.TestingHost;

namespace CustomerLifecycle.Benchmarks;

/// <summary>
/// Events through the customer grains of an in-process Orleans cluster (<see cref="OrleansBenchmarkCluster"/>). A load is
/// 1,000 events on 100 customers sent by 100 concurrent callers; the time per operation is per event, so events per second
/// = 1 / mean (<see cref="OrleansLatencyBenchmarks"/> measures one apply alone). Baseline: the same load through LifecycleService over the
/// in-memory store, in process.
/// </summary>
[MemoryDiagnoser]
public class OrleansBenchmarks : OrleansClusterBenchmarks
{
    private const int Customers = 100;
    private const int EventsPerCustomer = 10;

    private InProcessTestCluster _cluster = null!;
    private CustomerLifecycleClient _client = null!;
    private LifecycleService _service = null!;
    private CustomerId[] _customers = null!;
    private long _next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _cluster = await OrleansBenchmarkCluster.StartAsync(Silos, Storage);
        _client = new CustomerLifecycleClient(_cluster.Client);
        _service = new LifecycleService(new LifecycleEngine(new LifecycleOptions()), new InMemoryLifecycleStore());
        _customers = [.. Enumerable.Range(0, Customers).Select(c => CustomerId.From($"{_cluster.Options.ServiceId}-c{c}"))];
    }

    [GlobalCleanup]
    public Task CleanupAsync() => OrleansBenchmarkCluster.StopAsync(_cluster);

    [Benchmark(Baseline = true, OperationsPerInvoke = Customers * EventsPerCustomer)]
    public Task Load_InProcessService() => OrleansBenchmarkCluster.LoadAsync(_customers, EventsPerCustomer, (c, _) => _service.ApplyAsync(Next(c)).AsTask());

    [Benchmark(OperationsPerInvoke = Customers * EventsPerCustomer)]
    public Task Load_ThroughTheCluster() => OrleansBenchmarkCluster.LoadAsync(_customers, EventsPerCustomer, (c, _) => _client.ApplyAsync(Next(c)));

    // Every event new (a unique id) and at the same instant, so none is a duplicate or late whatever the order.
    private LifecycleEvent Next(CustomerId customer)
        => LifecycleEvent.Create($"e-{Interlocked.Increment(ref _next)}", customer, LifecycleEventKind.Purchase, OrleansBenchmarkCluster.Start);
}
