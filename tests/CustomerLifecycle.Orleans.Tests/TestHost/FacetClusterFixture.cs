using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Orleans.Hosting;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Testing.Generators;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerLifecycle.Orleans.Tests.TestHost;

/// <summary>A three-silo cluster whose customers keep a profile and a loyalty ledger (the Testing package's policies), with
/// a population of generated profiles published on every silo; shared by the tests of <see cref="FacetClusterCollection"/>.</summary>
public sealed class FacetClusterFixture : IAsyncLifetime
{
    /// <summary>The instant profiles are evaluated at in these tests: after every generated fact.</summary>
    public static readonly Instant EvaluatedAt = ProfileGenerators.Start + Duration.FromDays(800);

    public static ProfileOptions ProfilePolicy() => new() { Features = [.. ProfileGenerators.Features] };

    public static LoyaltyOptions LoyaltyPolicy() => LoyaltyGenerators.PolicyOf(allowNegativeBalance: false, withTiers: true);

    public static ProfileEngine ProfileEngine { get; } = new(ProfilePolicy());

    public static LoyaltyEngine LoyaltyEngine { get; } = new(LoyaltyPolicy());

    /// <summary>The population published on every silo: 20 generated customers' profiles, prepared at <see cref="EvaluatedAt"/>.</summary>
    public static ProfilePopulation Population { get; } = ProfileEngine.Prepare(
        ProfileGenerators.Population(ProfilePolicy(), 20).Sample(1, 10).Single(), EvaluatedAt);

    public CustomerCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await CustomerCluster.StartAsync(3, ClusterStorage.Memory, configure: silo => silo
            .AddCustomerProfile(policy => Copy(ProfilePolicy(), policy))
            .AddCustomerLoyalty(policy => Copy(LoyaltyPolicy(), policy)));
        PublishEverywhere(Cluster, Population);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>Publishes a population on every silo of a cluster, as a host's nightly job would.</summary>
    public static void PublishEverywhere(CustomerCluster cluster, ProfilePopulation population, string? tenant = null)
    {
        foreach (var silo in cluster.Cluster.Silos)
        {
            silo.ServiceProvider.GetRequiredService<ProfilePopulations>().Publish(population, tenant);
        }
    }

    /// <summary>Sets every property of <paramref name="target"/> to <paramref name="source"/>'s: a policy built whole, configured into the options a silo makes.</summary>
    public static void Copy<T>(T source, T target)
    {
        foreach (var property in typeof(T).GetProperties().Where(p => p.CanRead && p.CanWrite))
        {
            property.SetValue(target, property.GetValue(source));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FacetClusterCollection : ICollectionFixture<FacetClusterFixture>
{
    public const string Name = "three-silo cluster with profiles and loyalty";
}
