using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Testing.Generators;
using FsCheck.Fluent;
using CustomerLifecycle.Orleans.Hosting;
using CustomerLifecycle.Orleans.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace CustomerLifecycle.Orleans.Tests.Docs;

/// <summary>The code of docs/orleans.md, compiled and run (DocSnippetsTests checks the page against these regions).</summary>
[Collection(LocalhostSiloCollection.Name)]
public sealed class OrleansDocSamples
{
    [Fact]
    public async Task HostAndClient_ApplyExplainAndCount()
    {
        var args = Array.Empty<string>();

        #region snippet: orleans-host
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);        // the grains' only source of "now"
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering()                                       // production: a real membership provider
            .AddMemoryGrainStorage(CustomerGrainOptions.StorageName)        // production: see "PostgreSQL" below
            .UseInMemoryReminderService()
            .AddCustomerLifecycle(policy => policy.DuplicateWindow = 64)); // validated at start, reloadable
        using var host = builder.Build();
        await host.StartAsync();
        #endregion

        var now = SystemClock.Instance.GetCurrentInstant();

        #region snippet: orleans-client
        var client = new CustomerLifecycleClient(host.Services.GetRequiredService<IGrainFactory>()); // or an IClusterClient
        var customer = CustomerId.From("c-42");

        var outcome = await client.ApplyAsync(LifecycleEvent.Create("order-1001", customer, LifecycleEventKind.Purchase, now));
        // outcome.Status = Applied; the record is saved (with its ETag) before ApplyAsync returns

        LifecycleRecord? record = await client.GetLifecycleAsync(customer);      // record.Stage = "Onboarding"
        Explanation<LifecycleOutcome>? why = await client.ExplainAsync(customer, now + Duration.FromDays(200));
        IReadOnlyDictionary<string, long> stages = await client.GetStageCountsAsync(); // { "Onboarding": 1 }, no scan
        #endregion

        Assert.Equal(LifecycleOutcomeStatus.Applied, outcome.Status);
        Assert.Equal(LifecycleDefaults.Onboarding, record!.Stage);
        Assert.Equal(LifecycleDefaults.Churned, why!.Result.Record!.Stage);
        Assert.Equal(new Dictionary<string, long> { [LifecycleDefaults.Onboarding] = 1 }, stages);
        await host.StopAsync();
    }

    [Fact]
    public async Task ProfilesAndLoyalty_ApplyEvaluateAndExplain()
    {
        var args = Array.Empty<string>();
        ProfileRecord[] everyone = ProfileGenerators.Population(FacetClusterFixture.ProfilePolicy(), 20).Sample(1, 10).Single(); // the host's export
        var asOf = FacetClusterFixture.EvaluatedAt;
        var at = asOf - Duration.FromDays(30);

        #region snippet: orleans-profile
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering()
            .AddMemoryGrainStorage(CustomerGrainOptions.StorageName)
            .UseInMemoryReminderService()
            .AddCustomerProfile(profile => profile.Features = ["reports", "exports", "api", "alerts"]) // the lifecycle lives in the profile
            .AddCustomerLoyalty());                                            // both validated at start, reloadable
        using var host = builder.Build();
        await host.StartAsync();

        // The population step, by the host where it can read every profile (a nightly job), published on every silo.
        var populations = host.Services.GetRequiredService<ProfilePopulations>();
        populations.Publish(populations.Prepare(everyone, asOf)); // under the grains' policy now

        var client = new CustomerLifecycleClient(host.Services.GetRequiredService<IGrainFactory>());
        var ada = CustomerId.From("ada");
        ProfileOutcome fact = await client.ApplyAsync(CustomerFact.Purchase("f-1", ada, at, orderId: "o-1", amount: 100));
        LoyaltyOutcome earn = await client.ApplyAsync(new LoyaltyPurchase { Key = "k-1", Member = ada, At = at, OrderId = "o-1", Amount = 100 });

        CustomerViewSummary? view = await client.EvaluateProfileAsync(ada, asOf);       // RFM, tier, contact, health, CLV
        Explanation<CustomerViewSummary>? why = await client.ExplainProfileAsync(ada, asOf); // every engine's reasons
        LoyaltyStatement? points = await client.EvaluateLoyaltyAsync(ada, asOf);         // points.Balance.Available = 100
        LifecycleRecord? lifecycle = await client.GetLifecycleAsync(ada);                // the profile's own: view.Profile.Lifecycle
        #endregion

        Assert.Equal(ProfileOutcomeStatus.Applied, fact.Status);
        Assert.Equal(LoyaltyOutcomeStatus.Applied, earn.Status);
        // One purchase a month ago scores in the AtRisk health band, which the evaluation feeds to the lifecycle: Declining.
        Assert.Equal(LifecycleDefaults.Declining, view!.Value.Profile.Lifecycle.Stage);
        Assert.Equal(view.Value.Profile.Lifecycle, lifecycle);
        Assert.StartsWith("Declining", why!.Decision, StringComparison.Ordinal);
        Assert.Equal(100, points!.Balance.Available);
        await host.StopAsync();
    }

    /// <summary>The PostgreSQL configuration of the page; the PostgreSQL tests' clusters are configured by it.</summary>
    public static ISiloBuilder UsePostgres(ISiloBuilder silo, string connectionString)
    {
        #region snippet: orleans-postgres
        silo.UseAdoNetClustering(clustering =>
            {
                clustering.Invariant = "Npgsql";
                clustering.ConnectionString = connectionString;
            })
            .AddAdoNetGrainStorage(CustomerGrainOptions.StorageName, storage =>
            {
                storage.Invariant = "Npgsql";
                storage.ConnectionString = connectionString;
            })
            .UseAdoNetReminderService(reminders =>
            {
                reminders.Invariant = "Npgsql";
                reminders.ConnectionString = connectionString;
            });
        #endregion
        return silo;
    }

    public static IClientBuilder UsePostgres(IClientBuilder client, string connectionString)
    {
        #region snippet: orleans-postgres-client
        client.UseAdoNetClustering(clustering =>
        {
            clustering.Invariant = "Npgsql";
            clustering.ConnectionString = connectionString;
        });
        #endregion
        return client;
    }
}
