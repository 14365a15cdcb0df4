using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans;
using CustomerLifecycle.Orleans.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Orleans.TestingHost;

namespace CustomerLifecycle.Benchmarks;

/// <summary>
/// Events through the customer grains of an in-process Orleans cluster (1 or 3 silos, on this one machine) with Orleans'
/// memory grain storage, and with PostgreSQL when CUSTOMERLIFECYCLE_POSTGRES names a database holding the Orleans tables
/// (src/CustomerLifecycle.Orleans/Sql). A load is 1,000 events on 100 customers sent by 100 concurrent callers; the time
/// per operation is per event, so events per second = 1 / mean. One apply alone gives the latency percentiles. Baseline:
/// the same load through LifecycleService over the in-memory store, in process.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentilesConfig))]
public class OrleansBenchmarks
{
    private const int Customers = 100;
    private const int EventsPerCustomer = 10;
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 1, 0, 0);

    private InProcessTestCluster _cluster = null!;
    private CustomerLifecycleClient _client = null!;
    private LifecycleService _service = null!;
    private CustomerId[] _customers = null!;
    private long _next;

    [Params(1, 3)]
    public int Silos { get; set; }

    [ParamsSource(nameof(StorageKinds))]
    public string Storage { get; set; } = "Memory";

    public static IEnumerable<string> StorageKinds()
        => Environment.GetEnvironmentVariable("CUSTOMERLIFECYCLE_POSTGRES") is { Length: > 0 } ? ["Memory", "Postgres"] : ["Memory"];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("CUSTOMERLIFECYCLE_POSTGRES");
        var builder = new InProcessTestClusterBuilder((short)Silos);
        builder.Options.ServiceId = $"benchmarks-{Guid.NewGuid():N}";
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCustomerLifecycle();
            silo.Services.AddSingleton<IClock>(new FixedClock(Start));
            if (Storage == "Postgres")
            {
                silo.AddAdoNetGrainStorage(CustomerGrainOptions.StorageName, o => (o.Invariant, o.ConnectionString) = ("Npgsql", postgres));
                silo.UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = ("Npgsql", postgres));
            }
            else
            {
                silo.AddMemoryGrainStorage(CustomerGrainOptions.StorageName);
                silo.UseInMemoryReminderService();
            }
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        _client = new CustomerLifecycleClient(_cluster.Client);
        _service = new LifecycleService(new LifecycleEngine(new LifecycleOptions()), new InMemoryLifecycleStore());
        _customers = [.. Enumerable.Range(0, Customers).Select(c => CustomerId.From($"{builder.Options.ServiceId}-c{c}"))];
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Customers * EventsPerCustomer)]
    public Task Load_InProcessService() => LoadAsync(e => _service.ApplyAsync(e).AsTask());

    [Benchmark(OperationsPerInvoke = Customers * EventsPerCustomer)]
    public Task Load_ThroughTheCluster() => LoadAsync(_client.ApplyAsync);

    [Benchmark]
    public Task<LifecycleOutcome> ApplyOne_ThroughTheCluster() => _client.ApplyAsync(Next(_customers[0]));

    private Task LoadAsync(Func<LifecycleEvent, Task<LifecycleOutcome>> apply)
        => Task.WhenAll(_customers.Select(async customer =>
        {
            for (var i = 0; i < EventsPerCustomer; i++)
            {
                await apply(Next(customer));
            }
        }));

    // Every event new (a unique id) and at the same instant, so none is a duplicate or late whatever the order.
    private LifecycleEvent Next(CustomerId customer)
        => LifecycleEvent.Create($"e-{Interlocked.Increment(ref _next)}", customer, LifecycleEventKind.Purchase, Start);

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }

    private sealed class PercentilesConfig : ManualConfig
    {
        public PercentilesConfig() => AddColumn(StatisticColumn.P50, StatisticColumn.P90, StatisticColumn.P95);
    }
}
