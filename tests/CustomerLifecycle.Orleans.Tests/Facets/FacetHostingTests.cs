using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Orleans.Hosting;
using CustomerLifecycle.Orleans.Tests.TestHost;
using CustomerLifecycle.Profile;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

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
    public async Task PopulationOfAProfilePolicyReloadedSince_IsRefusedByTheGrainsAndByPublish_AndOneFromPrepareFollowsTheReload()
    {
        var source = new PolicySource<ProfileOptions>();
        await using var cluster = await CustomerCluster.StartAsync(1, ClusterStorage.Memory, configure: silo =>
        {
            silo.AddCustomerProfile();
            silo.Services.AddSingleton<IOptionsChangeTokenSource<ProfileOptions>>(source);
            silo.Services.AddSingleton<IConfigureOptions<ProfileOptions>>(source);
        });
        var customer = Events.NewCustomer();
        var asOf = CustomerCluster.Start + Duration.FromDays(1);
        await cluster.Client.ApplyAsync(CustomerFact.Purchase("f-1", customer, CustomerCluster.Start, "o-1", 100));
        ProfileRecord[] everyone = [(await cluster.Client.GetProfileAsync(customer))!];
        var populations = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<ProfilePopulations>();
        var before = populations.Prepare(everyone, asOf);
        populations.Publish(before);
        Assert.NotNull(await cluster.Client.EvaluateProfileAsync(customer, asOf));

        source.Change(policy => policy.TierValue = ProfileTierValue.Clv);
        var stale = await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.Client.EvaluateProfileAsync(customer, asOf));
        var republished = Assert.Throws<ArgumentException>("population", () => populations.Publish(before));
        populations.Publish(populations.Prepare(everyone, asOf));
        var view = await cluster.Client.EvaluateProfileAsync(customer, asOf);

        Assert.Equal(
            "The profile population published for the customers without a tenant on this silo was prepared under another profile policy than the one they are evaluated under now (it was reloaded since): prepare one with ProfilePopulations.Prepare and publish it on every silo.",
            stale.Message);
        Assert.Equal(
            "population: was prepared under another profile policy than the one the customers without a tenant are evaluated under on this silo now; prepare it with ProfilePopulations.Prepare. (Parameter 'population')",
            republished.Message);
        Assert.Equal(customer, view!.Value.Profile.Customer);
        Assert.False(populations.Engine().Accepts(before));
    }

    [Fact]
    public async Task TenantsPopulation_IsPreparedUnderTheTenantsProfilePolicy_AndTheClustersIsRefusedForIt()
    {
        await using var cluster = await CustomerCluster.StartAsync(1, ClusterStorage.Memory, configure: silo => silo
            .AddCustomerProfileTenant("acme", policy => policy.TierValue = ProfileTierValue.Clv)
            .Configure<CustomerGrainOptions>(o => o.TenantSeparator = "/"));
        var customer = CustomerId.From("acme/c-1");
        var asOf = CustomerCluster.Start + Duration.FromDays(1);
        await cluster.Client.ApplyAsync(CustomerFact.Purchase("f-1", customer, CustomerCluster.Start, "o-1", 100));
        ProfileRecord[] everyone = [(await cluster.Client.GetProfileAsync(customer))!];
        var populations = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<ProfilePopulations>();

        var refused = Assert.Throws<ArgumentException>("population", () => populations.Publish(populations.Prepare(everyone, asOf), "acme"));
        populations.Publish(populations.Prepare(everyone, asOf, "acme"), "acme");
        var view = await cluster.Client.EvaluateProfileAsync(customer, asOf);

        Assert.StartsWith("population: was prepared under another profile policy than the one the customers of tenant 'acme' are evaluated under", refused.Message);
        Assert.Equal(customer, view!.Value.Profile.Customer);
        Assert.NotSame(populations.Engine(), populations.Engine("acme"));
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
            "No profile population has been published for the customers of tenant 'acme' on this silo: prepare one with ProfilePopulations.Prepare over the customers' profiles and publish it with ProfilePopulations.Publish on every silo.",
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

    [Fact]
    public async Task WithAProgrammeInTheProfilePolicy_AFactEarnsInTheSameWrite_OnceOnly_AndTheViewReadsTheLedger()
    {
        // The default loyalty policy: 1 point a unit rounded down, pending 14 days.
        var policy = new ProfileOptions { Loyalty = new LoyaltyOptions() };
        await using var cluster = await CustomerCluster.StartAsync(1, ClusterStorage.Memory, configure: silo => silo
            .AddCustomerProfile(options => options.Loyalty = new LoyaltyOptions()));
        var customer = Events.NewCustomer();
        var purchase = CustomerFact.Purchase("f-1", customer, CustomerCluster.Start, "o-1", 120.5);

        var first = await cluster.Client.ApplyAsync(purchase);
        var again = await cluster.Client.ApplyAsync(purchase);
        var profile = (await cluster.Client.GetProfileAsync(customer))!;
        var asOf = CustomerCluster.Start + Duration.FromDays(15);
        FacetClusterFixture.PublishEverywhere(cluster, new ProfileEngine(policy).Prepare([profile], asOf));
        var view = (await cluster.Client.EvaluateProfileAsync(customer, asOf))!.Value;

        Assert.Equal((ProfileOutcomeStatus.Applied, LoyaltyOutcomeStatus.Applied), (first.Status, first.Loyalty!.Status));
        Assert.Equal((ProfileOutcomeStatus.Duplicate, LoyaltyOutcomeStatus.Duplicate), (again.Status, again.Loyalty!.Status));
        var entry = Assert.Single((await cluster.Client.GetLoyaltyAsync(customer))!.Entries);
        Assert.Equal(("fact:f-1", 120L), (entry.Key, entry.Points));
        Assert.Equal((120L, 0L), (view.Loyalty!.Value.Available, view.Loyalty.Value.Pending));
    }

    private static IReadOnlyList<string> Failures(Exception error) => error switch
    {
        OptionsValidationException validation => [.. validation.Failures],
        AggregateException aggregate => [.. aggregate.InnerExceptions.SelectMany(Failures)],
        { InnerException: { } inner } => Failures(inner),
        _ => [],
    };
}
