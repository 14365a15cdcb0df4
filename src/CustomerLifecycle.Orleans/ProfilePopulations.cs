using CustomerLifecycle.Orleans.Grains;
using CustomerLifecycle.Profile;
using NodaTime;

namespace CustomerLifecycle.Orleans;

/// <summary>
/// The profile populations a silo's customer grains evaluate their profiles against: the result of
/// <see cref="ProfileEngine.Prepare"/> (RFM cuts, value-tier cuts, the fitted CLV model) for the cluster's customers and for
/// each tenant's, published by the host.
/// </summary>
/// <remarks>
/// <para>The population step needs every customer's profile, which no grain has: the host prepares it where it can read them
/// all (a nightly job over a store export, a warehouse, the profiles read through <see cref="CustomerLifecycleClient"/>),
/// with <see cref="Prepare"/> (the engine of the policy the grains evaluate under now, reloads followed), and publishes it on
/// every silo. A grain evaluating against a population of its own customer alone would cut every customer into the top
/// band; one prepared under another tiering or customer-value policy is refused.</para>
/// <para>Registered by <see cref="Hosting.CustomerLifecycleSiloBuilderExtensions.AddCustomerProfile"/>, one per silo;
/// thread-safe. A newer population replaces the previous one from the grains' next evaluation.</para>
/// </remarks>
public sealed class ProfilePopulations
{
    private readonly Dictionary<string, ProfilePopulation> _tenants = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly ProfilePolicy _policy;
    private volatile ProfilePopulation? _cluster;

    internal ProfilePopulations(ProfilePolicy policy) => _policy = policy;

    /// <summary>Prepares a population with the engine of the profile policy the customers of <paramref name="tenant"/> (or
    /// those without one) are evaluated under on this silo now: the tenant's own, or the cluster's; after a reload, the
    /// reloaded one.</summary>
    /// <param name="profiles">Every customer's profile (of the tenant); none may be null.</param>
    /// <param name="asOf">The instant recency and the CLV models' age are measured to; not before any profile's latest fact.</param>
    /// <param name="tenant">The tenant (see <see cref="CustomerGrainOptions.TenantSeparator"/>), or null for the customers without one.</param>
    /// <returns>The population, to <see cref="Publish"/> on every silo.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is empty or blank, or a profile is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before a profile's latest fact.</exception>
    public ProfilePopulation Prepare(ReadOnlySpan<ProfileRecord> profiles, Instant asOf, string? tenant = null)
    {
        if (tenant is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        }

        return _policy.Engine(tenant).Prepare(profiles, asOf);
    }

    /// <summary>Publishes the population the customers of a tenant (or those without one) are evaluated against.</summary>
    /// <param name="population">The population step's result, from <see cref="ProfileEngine.Prepare"/>.</param>
    /// <param name="tenant">The tenant (see <see cref="CustomerGrainOptions.TenantSeparator"/>), or null for the customers without one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="population"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is empty or blank.</exception>
    public void Publish(ProfilePopulation population, string? tenant = null)
    {
        ArgumentNullException.ThrowIfNull(population);
        if (tenant is null)
        {
            _cluster = population;
            return;
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        lock (_lock)
        {
            _tenants[tenant] = population;
        }
    }

    /// <summary>The population published for <paramref name="tenant"/>.</summary>
    /// <exception cref="InvalidOperationException">None was published.</exception>
    internal ProfilePopulation For(string? tenant)
    {
        ProfilePopulation? population;
        lock (_lock)
        {
            population = tenant is null ? _cluster : _tenants.GetValueOrDefault(tenant);
        }

        return population ?? throw new InvalidOperationException(
            $"No profile population has been published {(tenant is null ? "for the customers without a tenant" : $"for tenant '{tenant}'")} on this silo: "
            + "prepare one with ProfileEngine.Prepare over the customers' profiles and publish it with ProfilePopulations.Publish on every silo.");
    }
}
