using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Orleans.Hosting;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Orleans.Tests.TestHost;
using Npgsql;
using Orleans.Storage;

namespace CustomerLifecycle.Orleans.Tests.Postgres;

/// <summary>The customer grains over PostgreSQL through Orleans' ADO.NET clustering, grain storage and reminders.</summary>
public sealed class PostgresClusterTests
{
    [PostgresFact]
    public async Task Events_AreSavedAsRowsWithAVersion_AndReadBackAfterTheGrainIsGone()
    {
        await using var cluster = await CustomerCluster.StartAsync(3, ClusterStorage.Postgres);
        var customer = Events.NewCustomer();
        await cluster.Client.ApplyAsync(Events.Purchase(customer, "p-1", CustomerCluster.Start));
        await cluster.Client.ApplyAsync(Events.Purchase(customer, "p-2", CustomerCluster.Start));
        var record = await cluster.Client.GetLifecycleAsync(customer);

        await cluster.Cluster.DeactivateAsync(cluster.Client.Customer(customer));

        Assert.Equal(record, await cluster.Client.GetLifecycleAsync(customer));
        Assert.Equal(2, await VersionOfAsync(customer));
    }

    [PostgresFact]
    public async Task WriteThatLostTheETagRace_FailsAndSavesNothing_AndTheClientsRetryAppliesItFromStorage()
    {
        await using var cluster = await CustomerCluster.StartAsync(1, ClusterStorage.Postgres);
        var customer = Events.NewCustomer();
        await cluster.Client.ApplyAsync(Events.Purchase(customer, "p-1", CustomerCluster.Start));

        // Another writer (a second activation during a partition) saved the row since the grain read it.
        await ExecuteAsync("UPDATE OrleansStorage SET Version = Version + 1 WHERE GrainIdExtensionString LIKE '%' || @customer", customer);
        var lost = Events.Purchase(customer, "p-2", CustomerCluster.Start);
        await Assert.ThrowsAsync<InconsistentStateException>(() => cluster.Client.Customer(customer).ApplyAsync(lost));
        Assert.Equal(2, await VersionOfAsync(customer));

        var retried = await cluster.Client.ApplyAsync(lost);

        Assert.Equal(LifecycleOutcomeStatus.Applied, retried.Status);
        Assert.Equal(2, (await cluster.Client.GetLifecycleAsync(customer))!.EventCount);
        Assert.Equal(3, await VersionOfAsync(customer));
    }

    [PostgresFact]
    public async Task SiloKilledDuringALoad_LosesNoAcknowledgedEvent()
    {
        await using var cluster = await CustomerCluster.StartAsync(3, ClusterStorage.Postgres);

        await Scenarios.KillASiloDuringALoadAsync(cluster);
    }

    [PostgresFact]
    public async Task TimeRule_FiresFromAReminderKeptInPostgres_AfterTheCustomersSiloWasKilled()
    {
        await using var cluster = await CustomerCluster.StartAsync(3, ClusterStorage.Postgres);

        await Scenarios.ChurnFromTheReminderAfterAKillAsync(cluster);
    }

    [PostgresFact]
    public async Task ProfileAndLedger_AreSavedInTheCustomersOneRow_AndReadBackAfterTheGrainIsGone()
    {
        await using var cluster = await CustomerCluster.StartAsync(3, ClusterStorage.Postgres, configure: silo => silo.AddCustomerProfile().AddCustomerLoyalty());
        var customer = Events.NewCustomer();
        await cluster.Client.ApplyAsync(CustomerFact.Purchase("f-1", customer, CustomerCluster.Start, "o-1", 100));
        await cluster.Client.ApplyAsync(new LoyaltyPurchase { Key = "k-1", Member = customer, At = CustomerCluster.Start, OrderId = "o-1", Amount = 100 });
        var profile = await cluster.Client.GetProfileAsync(customer);
        var ledger = await cluster.Client.GetLoyaltyAsync(customer);

        await cluster.Cluster.DeactivateAsync(cluster.Client.Customer(customer));

        Assert.Equal(profile, await cluster.Client.GetProfileAsync(customer));
        Assert.Equal(ledger, await cluster.Client.GetLoyaltyAsync(customer));
        Assert.Equal(2, await VersionOfAsync(customer));
    }

    [PostgresFact]
    public async Task Silos_JoinThroughTheMembershipTable_AndOneKilledIsDeclaredDeadThere_WhileTheClientGoesOn()
    {
        await using var cluster = await CustomerCluster.StartAsync(3, ClusterStorage.Postgres);
        var clusterId = cluster.Cluster.Options.ClusterId;
        var victim = cluster.Cluster.Silos[1];
        Assert.Equal(new Dictionary<int, long> { [Active] = 3 }, await SilosByStatusAsync(clusterId));
        Assert.Equal(
            victim.SiloAddress.Endpoint.Port,
            (int)(await ScalarAsync("SELECT Port FROM OrleansMembershipTable WHERE DeploymentId = @cluster AND SiloName = @silo", ("cluster", clusterId), ("silo", victim.Name)))!);

        await cluster.Cluster.KillSiloAsync(victim);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await SilosByStatusAsync(clusterId)).GetValueOrDefault(Dead) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal(new Dictionary<int, long> { [Active] = 2, [Dead] = 1 }, await SilosByStatusAsync(clusterId));
        var customer = Events.NewCustomer();
        var outcome = await cluster.Client.ApplyAsync(Events.Purchase(customer, "p-1", CustomerCluster.Start));
        Assert.Equal(LifecycleOutcomeStatus.Applied, outcome.Status);
    }

    // Orleans' SiloStatus values as the membership table stores them.
    private const int Active = 3;
    private const int Dead = 6;

    private static async Task<Dictionary<int, long>> SilosByStatusAsync(string clusterId)
    {
        await using var connection = new NpgsqlConnection(PostgresDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT Status, count(*) FROM OrleansMembershipTable WHERE DeploymentId = @cluster GROUP BY Status", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        await using var reader = await command.ExecuteReaderAsync();
        var statuses = new Dictionary<int, long>();
        while (await reader.ReadAsync())
        {
            statuses[reader.GetInt32(0)] = reader.GetInt64(1);
        }

        return statuses;
    }

    private static async Task<int> VersionOfAsync(CustomerId customer)
        => (int)(await ScalarAsync("SELECT Version FROM OrleansStorage WHERE GrainIdExtensionString LIKE '%' || @customer", customer))!;

    private static Task<object?> ScalarAsync(string sql, CustomerId customer) => ScalarAsync(sql, ("customer", customer.Value!));

    private static async Task<object?> ScalarAsync(string sql, params (string Name, string Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(PostgresDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(string sql, CustomerId customer)
    {
        await using var connection = new NpgsqlConnection(PostgresDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("customer", customer.Value!);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
