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
/// band; one prepared under other RFM scoring, tier definitions, CLV settings or tier value is refused.</para>
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

        return Engine(tenant).Prepare(profiles, asOf);
    }

    /// <summary>The engine of the profile policy the customers of <paramref name="tenant"/> (or those without one) are
    /// evaluated under on this silo now, a reloaded one included: for a host that evaluates a profile read through
    /// <see cref="CustomerLifecycleClient.GetProfileAsync"/> into the full <see cref="CustomerView"/> itself. (The
    /// <see cref="ProfileEngine"/> in the silo's services is built once and does not follow reloads or tenants.)</summary>
    /// <param name="tenant">The tenant, or null for the customers without one.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is empty or blank.</exception>
    public ProfileEngine Engine(string? tenant = null)
    {
        if (tenant is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        }

        return _policy.Engine(tenant);
    }

    /// <summary>Publishes the population the customers of a tenant (or those without one) are evaluated against.</summary>
    /// <param name="population">The population step's result, from <see cref="Prepare"/> (or an engine of the same policy).</param>
    /// <param name="tenant">The tenant (see <see cref="CustomerGrainOptions.TenantSeparator"/>), or null for the customers without one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="population"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is empty or blank, or <paramref name="population"/> was
    /// prepared under another profile policy than the one those customers are evaluated under now (nothing is published then).</exception>
    public void Publish(ProfilePopulation population, string? tenant = null)
    {
        ArgumentNullException.ThrowIfNull(population);
        if (!Engine(tenant).Accepts(population))
        {
            throw new ArgumentException(
                $"population: was prepared under another profile policy than the one {Whose(tenant)} are evaluated under on this silo now; prepare it with ProfilePopulations.Prepare.",
                nameof(population));
        }

        if (tenant is null)
        {
            _cluster = population;
            return;
        }

        lock (_lock)
        {
            _tenants[tenant] = population;
        }
    }

    /// <summary>The population published for <paramref name="tenant"/>, which <paramref name="engine"/> (the grains' now) evaluates against.</summary>
    /// <exception cref="InvalidOperationException">None was published, or the one published was prepared under a policy reloaded since.</exception>
    internal ProfilePopulation For(string? tenant, ProfileEngine engine)
    {
        ProfilePopulation? population;
        lock (_lock)
        {
            population = tenant is null ? _cluster : _tenants.GetValueOrDefault(tenant);
        }

        if (population is null)
        {
            throw new InvalidOperationException(
                $"No profile population has been published for {Whose(tenant)} on this silo: prepare one with ProfilePopulations.Prepare "
                + "over the customers' profiles and publish it with ProfilePopulations.Publish on every silo.");
        }

        return engine.Accepts(population) ? population : throw new InvalidOperationException(
            $"The profile population published for {Whose(tenant)} on this silo was prepared under another profile policy than the one they are "
            + "evaluated under now (it was reloaded since): prepare one with ProfilePopulations.Prepare and publish it on every silo.");
    }

    private static string Whose(string? tenant) => tenant is null ? "the customers without a tenant" : $"the customers of tenant '{tenant}'";
}
