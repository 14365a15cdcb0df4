using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Orleans;
using CustomerLifecycle.Orleans.Hosting;
using CustomerLifecycle.Profile;
using Orleans.TestingHost;

namespace CustomerLifecycle.Benchmarks;

/// <summary>
/// Customer facts and loyalty commands through the customer grains of an in-process Orleans cluster
/// (<see cref="OrleansBenchmarkCluster"/>) whose customers keep a profile (the default policy) and a loyalty ledger (the default
/// programme). A load is 1,000 purchases on 100 customers sent by 100 concurrent callers, per operation: facts to the same
/// 100 customers every time (a profile is bounded), loyalty purchases to 100 new members each time (a ledger keeps every
/// entry, so reusing members would measure ever longer ledgers), which includes activating their grains
/// (<see cref="OrleansLatencyBenchmarks"/> measures one apply alone). Baselines: the same loads through ProfileService and LoyaltyService over the in-memory stores,
/// in process.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class OrleansFacetBenchmarks : OrleansClusterBenchmarks
{
    private const int Customers = 100;
    private const int PerCustomer = 10;

    private InProcessTestCluster _cluster = null!;
    private CustomerLifecycleClient _client = null!;
    private ProfileService _profiles = null!;
    private LoyaltyService _loyalty = null!;
    private CustomerId[] _customers = null!;
    private long _next;
    private long _round;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _cluster = await OrleansBenchmarkCluster.StartAsync(Silos, Storage, silo => silo.AddCustomerProfile().AddCustomerLoyalty());
        _client = new CustomerLifecycleClient(_cluster.Client);
        _profiles = new ProfileService(new ProfileEngine(new ProfileOptions()), new InMemoryProfileStore());
        _loyalty = new LoyaltyService(new LoyaltyEngine(new LoyaltyOptions()), new InMemoryLoyaltyStore());
        _customers = CustomersOf("c");
    }

    [GlobalCleanup]
    public Task CleanupAsync() => OrleansBenchmarkCluster.StopAsync(_cluster);

    [Benchmark(Baseline = true, OperationsPerInvoke = Customers * PerCustomer)]
    [BenchmarkCategory("Facts")]
    public Task Facts_InProcessService() => OrleansBenchmarkCluster.LoadAsync(_customers, PerCustomer, (c, _) => _profiles.ApplyAsync(Fact(c)).AsTask());

    [Benchmark(OperationsPerInvoke = Customers * PerCustomer)]
    [BenchmarkCategory("Facts")]
    public Task Facts_ThroughTheCluster() => OrleansBenchmarkCluster.LoadAsync(_customers, PerCustomer, (c, _) => _client.ApplyAsync(Fact(c)));

    [Benchmark(Baseline = true, OperationsPerInvoke = Customers * PerCustomer)]
    [BenchmarkCategory("Loyalty")]
    public Task Loyalty_InProcessService() => OrleansBenchmarkCluster.LoadAsync(NewMembers(), PerCustomer, (m, _) => _loyalty.ApplyAsync(Purchase(m)).AsTask());

    [Benchmark(OperationsPerInvoke = Customers * PerCustomer)]
    [BenchmarkCategory("Loyalty")]
    public Task Loyalty_ThroughTheCluster() => OrleansBenchmarkCluster.LoadAsync(NewMembers(), PerCustomer, (m, _) => _client.ApplyAsync(Purchase(m)));

    private CustomerId[] CustomersOf(string prefix) => [.. Enumerable.Range(0, Customers).Select(c => CustomerId.From($"{_cluster.Options.ServiceId}-{prefix}{c}"))];

    private CustomerId[] NewMembers() => CustomersOf($"r{Interlocked.Increment(ref _round)}-m");

    // Every purchase new (a unique id and order) and at the same instant, so none is a duplicate or late whatever the order.
    private CustomerFact Fact(CustomerId customer)
    {
        var n = Interlocked.Increment(ref _next);
        return CustomerFact.Purchase($"f-{n}", customer, OrleansBenchmarkCluster.Start, $"o-{n}", 25);
    }

    private LoyaltyPurchase Purchase(CustomerId member)
    {
        var n = Interlocked.Increment(ref _next);
        return new() { Key = $"k-{n}", Member = member, At = OrleansBenchmarkCluster.Start, OrderId = $"o-{n}", Amount = 25m };
    }
}
