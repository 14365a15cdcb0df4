using BenchmarkDotNet.Attributes;
using CustomerLifecycle.Orleans;
using CustomerLifecycle.Orleans.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Orleans.TestingHost;

namespace CustomerLifecycle.Benchmarks;

/// <summary>The in-process Orleans cluster the Orleans suites measure: customer grains on 1 or 3 silos of this one machine, with
/// Orleans' memory grain storage and reminders, or PostgreSQL's when CUSTOMERLIFECYCLE_POSTGRES names a database holding the
/// Orleans tables (src/CustomerLifecycle.Orleans/Sql). The clock stands still at <see cref="Start"/>.</summary>
internal static class OrleansBenchmarkCluster
{
    public static readonly Instant Start = Instant.FromUtc(2026, 1, 1, 0, 0);

    private static string? Postgres => Environment.GetEnvironmentVariable("CUSTOMERLIFECYCLE_POSTGRES");

    /// <summary>The storage kinds this run measures: Memory, and Postgres when a database is named.</summary>
    public static IEnumerable<string> StorageKinds() => Postgres is { Length: > 0 } ? ["Memory", "Postgres"] : ["Memory"];

    /// <summary>Starts a cluster of <paramref name="silos"/> silos over <paramref name="storage"/>, each configured by <paramref name="configure"/> after the lifecycle.</summary>
    public static async Task<InProcessTestCluster> StartAsync(int silos, string storage, Action<ISiloBuilder>? configure = null)
    {
        var postgres = Postgres;
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.Options.ServiceId = $"benchmarks-{Guid.NewGuid():N}";
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCustomerLifecycle();
            configure?.Invoke(silo);
            silo.Services.AddSingleton<IClock>(new FixedClock(Start));
            if (storage == "Postgres")
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
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Stops every silo, then disposes the cluster.</summary>
    public static async Task StopAsync(InProcessTestCluster cluster)
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }

    /// <summary>Runs <paramref name="perCustomer"/> operations for each customer, customers concurrently and each one's in order.</summary>
    public static Task LoadAsync<T>(CustomerId[] customers, int perCustomer, Func<CustomerId, int, Task<T>> apply)
        => Task.WhenAll(customers.Select(async customer =>
        {
            for (var i = 0; i < perCustomer; i++)
            {
                await apply(customer, i);
            }
        }));

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}

/// <summary>What every Orleans suite varies: 1 or 3 silos, over each storage kind of <see cref="OrleansBenchmarkCluster.StorageKinds"/>.</summary>
public abstract class OrleansClusterBenchmarks
{
    [Params(1, 3)]
    public int Silos { get; set; }

    [ParamsSource(nameof(StorageKinds))]
    public string Storage { get; set; } = "Memory";

    public static IEnumerable<string> StorageKinds() => OrleansBenchmarkCluster.StorageKinds();
}
