using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Profile;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerLifecycle.DependencyInjection;

/// <summary>Registers the profile engine and service.</summary>
public static class ProfileServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ProfileEngine"/> (singleton) with its <see cref="ProfileOptions"/> validated at start, and
    /// <see cref="ProfileService"/> (singleton, retrying per <see cref="RetryOptions"/>, validated at start), which needs an
    /// <see cref="IProfileStore"/>: register the host's own, or <see cref="AddInMemoryProfileStore"/>; when the policy has a
    /// loyalty programme (<see cref="ProfileOptions.Loyalty"/>) it also needs the <see cref="ILoyaltyStore"/> the ledgers are
    /// kept in (the host's own, or <see cref="LoyaltyServiceCollectionExtensions.AddInMemoryLoyaltyStore"/>). <c>TryAdd*</c> only.
    /// The profile policy holds its own lifecycle, tiering, health, value, lead-scoring and loyalty policies: change them with
    /// <see cref="ConfigureProfile"/> (<c>ConfigureLifecycle</c>, <c>ConfigureLoyalty</c> and the like configure the engines
    /// registered on their own).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the default policy, or null to keep it.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddProfile(this IServiceCollection services, Action<ProfileOptions>? configure = null)
    {
        if (services.TryAddEngine<ProfileOptions, ProfileOptionsValidator, ProfileEngine>(configure, options => new ProfileEngine(options)))
        {
            services.TryAddService<ProfileEngine, IProfileStore, ProfileService>((engine, store, retry, provider) =>
                new ProfileService(engine, store, retry, engine.Loyalty is null ? null : provider.GetRequiredService<ILoyaltyStore>()));
        }

        return services;
    }

    /// <summary>Registers <see cref="InMemoryProfileStore"/> as the <see cref="IProfileStore"/> unless a store is registered already.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddInMemoryProfileStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IProfileStore, InMemoryProfileStore>();
        return services;
    }

    /// <summary>Changes the profile policy registered by <see cref="CustomerLifecycleServiceCollectionExtensions.AddCustomerLifecycle"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the policy.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static CustomerLifecycleBuilder ConfigureProfile(this CustomerLifecycleBuilder builder, Action<ProfileOptions> configure) => builder.ConfigureOptions(configure);
}
