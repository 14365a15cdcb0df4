using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Orleans;
using CustomerLifecycle.Orleans.Hosting;
using CustomerLifecycle.Profile;
using Orleans.TestingHost;
using Perfolizer.Mathematics.OutlierDetection;

namespace CustomerLifecycle.Benchmarks;

/// <summary>
/// The latency of one apply through the customer grains (<see cref="OrleansBenchmarkCluster"/>), one call per iteration
/// and every iteration kept, so the percentiles are over single applies, not over the means of batches: an event, a fact
/// (to a cluster whose customers keep profiles, where events are refused) and a loyalty purchase, each to the next of 100
/// warm customers in turn. Baseline: one event through LifecycleService over the in-memory store, in process.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LatencyConfig))]
public class OrleansLatencyBenchmarks : OrleansClusterBenchmarks
{
    private const int Customers = 100;

    private InProcessTestCluster _events = null!;
    private InProcessTestCluster _facts = null!;
    private CustomerLifecycleClient _eventClient = null!;
    private CustomerLifecycleClient _factClient = null!;
    private LifecycleService _service = null!;
    private CustomerId[] _customers = null!;
    private long _next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _events = await OrleansBenchmarkCluster.StartAsync(Silos, Storage, silo => silo.AddCustomerLoyalty());
        _facts = await OrleansBenchmarkCluster.StartAsync(Silos, Storage, silo => silo.AddCustomerProfile());
        _eventClient = new CustomerLifecycleClient(_events.Client);
        _factClient = new CustomerLifecycleClient(_facts.Client);
        _service = new LifecycleService(new LifecycleEngine(new LifecycleOptions()), new InMemoryLifecycleStore());
        _customers = [.. Enumerable.Range(0, Customers).Select(c => CustomerId.From($"{_events.Options.ServiceId}-c{c}"))];
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await OrleansBenchmarkCluster.StopAsync(_events);
        await OrleansBenchmarkCluster.StopAsync(_facts);
    }

    [Benchmark(Baseline = true)]
    public Task<LifecycleOutcome> Event_InProcessService() => _service.ApplyAsync(Event()).AsTask();

    [Benchmark]
    public Task<LifecycleOutcome> Event_ThroughTheCluster() => _eventClient.ApplyAsync(Event());

    [Benchmark]
    public Task<ProfileOutcome> Fact_ThroughTheCluster()
    {
        var (customer, n) = Next();
        return _factClient.ApplyAsync(CustomerFact.Purchase($"f-{n}", customer, OrleansBenchmarkCluster.Start, $"o-{n}", 25));
    }

    [Benchmark]
    public Task<LoyaltyOutcome> LoyaltyPurchase_ThroughTheCluster()
    {
        var (member, n) = Next();
        return _eventClient.ApplyAsync(new LoyaltyPurchase { Key = $"k-{n}", Member = member, At = OrleansBenchmarkCluster.Start, OrderId = $"o-{n}", Amount = 25m });
    }

    // Every event new (a unique id) and at the same instant, so none is a duplicate or late.
    private LifecycleEvent Event()
    {
        var (customer, n) = Next();
        return LifecycleEvent.Create($"e-{n}", customer, LifecycleEventKind.Purchase, OrleansBenchmarkCluster.Start);
    }

    private (CustomerId Customer, long N) Next()
    {
        var n = Interlocked.Increment(ref _next);
        return (_customers[n % Customers], n);
    }

    /// <summary>One call per iteration (no unrolling, no averaging), 200 warm-up calls so every customer is active, 1,000
    /// measured calls with none dropped as an outlier: the tail is what a latency percentile is about. No full collection
    /// between calls (BenchmarkDotNet's default forces one per iteration, which made every call start from a cold heap and
    /// added some 100 µs even to the in-process baseline).</summary>
    private sealed class LatencyConfig : ManualConfig
    {
        public LatencyConfig()
        {
            AddJob(Job.Default
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithWarmupCount(200)
                .WithIterationCount(1000)
                .WithLaunchCount(1)
                .WithOutlierMode(OutlierMode.DontRemove)
                .WithGcForce(false)
                .WithId("Latency"));
            AddColumn(StatisticColumn.P50, StatisticColumn.P90, StatisticColumn.P95, StatisticColumn.P100);
        }
    }
}
