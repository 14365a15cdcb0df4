using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans.Hosting;
using CustomerLifecycle.Orleans.Tests.TestHost;
using CustomerLifecycle.Profile;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Orleans.Tests.Facets;

/// <summary>The profile and loyalty facets on clusters of their own: policies at start, populations, the reminder.</summary>
public sealed class FacetHostingTests
{
    [Fact]
    public async Task InvalidProfileAndLoyaltyPolicies_FailTheSiloAtStart_ListingEveryProblem()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => CustomerCluster.StartAsync(1, ClusterStorage.Memory, configure: silo => silo
            .AddCustomerProfile(policy =>
            {
                policy.RefundWindowDays = 0;
                policy.Lifecycle.DuplicateWindow = 0;
            })
            .AddCustomerLoyalty(policy => policy.PointsPerUnit = -1)));

        var failures = Failures(error);
        Assert.Contains(failures, f => f.StartsWith("RefundWindowDays: ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Lifecycle.DuplicateWindow: ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("PointsPerUnit: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProfileEvaluation_WithoutAPublishedPopulation_FailsSayingWhatTheHostMustDo_AndATenantsPopulationIsItsOwn()
    {
        await using var cluster = await CustomerCluster.StartAsync(1, ClusterStorage.Memory, configure: silo => silo
            .AddCustomerProfile()
            .Configure<CustomerGrainOptions>(o => o.TenantSeparator = "/"));
        var customer = CustomerId.From("acme/c-1");
        await cluster.Client.ApplyAsync(CustomerFact.Purchase("f-1", customer, CustomerCluster.Start, "o-1", 100));
        FacetClusterFixture.PublishEverywhere(cluster, FacetClusterFixture.Population); // the cluster's, not acme's

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.Client.EvaluateProfileAsync(customer, CustomerCluster.Start));
        FacetClusterFixture.PublishEverywhere(cluster, FacetClusterFixture.Population, "acme");
        var view = await cluster.Client.EvaluateProfileAsync(customer, CustomerCluster.Start);

        Assert.Equal(
            "No profile population has been published for tenant 'acme' on this silo: prepare one with ProfileEngine.Prepare over the customers' profiles and publish it with ProfilePopulations.Publish on every silo.",
            error.Message);
        Assert.Equal(LifecycleDefaults.Onboarding, view!.Value.Profile.Lifecycle.Stage);
    }

    [Fact]
    public async Task Reminder_ChurnsTheLifecycleInTheProfile_OnTime_AndTheStageCountsFollow()
    {
        await using var cluster = await CustomerCluster.StartAsync(1, ClusterStorage.Memory, configure: silo => silo.AddCustomerProfile());
        var customer = Events.NewCustomer();
        var profile = (await cluster.Client.ApplyAsync(CustomerFact.Purchase("f-1", customer, CustomerCluster.Start, "o-1", 100))).Profile!;

        cluster.Clock.AdvanceDays(400);
        var expected = FacetClusterFixture.ProfileEngine.Lifecycle.Evaluate(profile.Lifecycle, cluster.Clock.GetCurrentInstant()).Record!;
        for (var waited = 0; (await cluster.Client.GetLifecycleAsync(customer))!.Stage != LifecycleDefaults.Churned; waited += 50)
        {
            Assert.True(waited < 30_000, "The reminder did not churn the customer within 30 seconds.");
            await Task.Delay(50);
        }

        var churned = (await cluster.Client.GetProfileAsync(customer))!;
        Assert.Equal(expected, churned.Lifecycle);
        Assert.Equal(profile with { Lifecycle = expected }, churned);
        Assert.Equal(new Dictionary<string, long> { [LifecycleDefaults.Churned] = 1 }, await cluster.Client.GetStageCountsAsync());
    }

    private static IReadOnlyList<string> Failures(Exception error) => error switch
    {
        OptionsValidationException validation => [.. validation.Failures],
        AggregateException aggregate => [.. aggregate.InnerExceptions.SelectMany(Failures)],
        { InnerException: { } inner } => Failures(inner),
        _ => [],
    };
}
