using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans.Hosting;
using Microsoft.Extensions.DependencyInjection;
using System.Reflection;
using NodaTime;
using NodaTime.Testing;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using CustomerLifecycle.Orleans.Tests.Docs;
using CustomerLifecycle.Orleans.Tests.Postgres;
using Orleans.TestingHost;

namespace CustomerLifecycle.Orleans.Tests.TestHost;

/// <summary>Where a test cluster keeps grain state and reminders.</summary>
public enum ClusterStorage
{
    /// <summary>Orleans' own memory grain storage and reminder service (lost with the silo that holds them).</summary>
    Memory,

    /// <summary><see cref="SharedRows"/>: outlives any silo, like a database.</summary>
    Shared,

    /// <summary>PostgreSQL through Orleans' ADO.NET grain storage and reminders.</summary>
    Postgres,
}

/// <summary>An in-process Orleans cluster hosting the customer grains, with a fake clock and time rules checked every second.</summary>
public sealed class CustomerCluster : IAsyncDisposable
{
    public static readonly Instant Start = Instant.FromUtc(2026, 1, 1, 0, 0);

    private CustomerCluster(InProcessTestCluster cluster, FakeClock clock, SharedRows rows)
    {
        Cluster = cluster;
        Clock = clock;
        Rows = rows;
        Client = new CustomerLifecycleClient(cluster.Client);
    }

    public InProcessTestCluster Cluster { get; }

    public FakeClock Clock { get; }

    public SharedRows Rows { get; }

    public CustomerLifecycleClient Client { get; }

    public static async Task<CustomerCluster> StartAsync(int silos, ClusterStorage storage, Action<LifecycleOptions>? policy = null, Action<ISiloBuilder>? configure = null)
    {
        var clock = new FakeClock(Start);
        var rows = new SharedRows();
        var builder = new InProcessTestClusterBuilder((short)silos);

        // A service of its own: a database shared by test runs holds no reminder or state another cluster would pick up.
        builder.Options.ServiceId = $"customer-lifecycle-{Guid.NewGuid():N}";

        // Over PostgreSQL the silos and the client find each other through its membership table, as a deployment's would,
        // under a cluster id of their own. The test host's own membership would be registered after ours and win; its
        // switch is internal in Orleans 10.4 (Orleans' own tests reach it through InternalsVisibleTo), hence reflection.
        if (storage == ClusterStorage.Postgres)
        {
            typeof(InProcessTestClusterOptions).GetProperty("UseTestClusterMembership", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)!
                .SetValue(builder.Options, false);
            builder.Options.ClusterId = builder.Options.ServiceId;
        }
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCustomerLifecycle(policy, grains =>
            {
                grains.MaxReminderWait = TimeSpan.FromSeconds(1);
                grains.StageCountsSaveInterval = TimeSpan.FromMilliseconds(200);
            });
            silo.Services.AddSingleton<IClock>(clock);
            silo.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            FastFailover(silo.Services);
            switch (storage)
            {
                case ClusterStorage.Memory:
                    silo.AddMemoryGrainStorage(CustomerGrainOptions.StorageName);
                    silo.UseInMemoryReminderService();
                    break;
                case ClusterStorage.Shared:
                    silo.Services.AddKeyedSingleton<IGrainStorage>(CustomerGrainOptions.StorageName, (sp, _) => new SharedGrainStorage(rows, sp.GetRequiredService<Serializer>()));
                    silo.AddReminders();
                    silo.Services.AddSingleton<IReminderTable>(new SharedReminderTable(rows));
                    break;
                case ClusterStorage.Postgres:
                    OrleansDocSamples.UsePostgres(silo, PostgresDatabase.ConnectionString ?? throw new InvalidOperationException(PostgresDatabase.SkipReason));
                    break;
            }

            configure?.Invoke(silo);
        });
        builder.ConfigureClient(client =>
        {
            client.Services.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
            if (storage == ClusterStorage.Postgres)
            {
                OrleansDocSamples.UsePostgres(client, PostgresDatabase.ConnectionString!);
            }
        });
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return new CustomerCluster(cluster, clock, rows);
    }

    /// <summary>A killed silo is declared dead, and its calls given up, in seconds rather than the production minute.</summary>
    private static void FastFailover(IServiceCollection services)
    {
        services.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
        });
        services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
