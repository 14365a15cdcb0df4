using CustomerLifecycle.Loyalty;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerLifecycle.DependencyInjection;

/// <summary>Registers the loyalty engine and service.</summary>
public static class LoyaltyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LoyaltyEngine"/> (singleton) with its <see cref="LoyaltyOptions"/> validated at start, and
    /// <see cref="LoyaltyService"/> (singleton, retrying per <see cref="RetryOptions"/>, validated at start), which needs an
    /// <see cref="ILoyaltyStore"/>: register the host's own as a singleton (the service is one and resolves the store once), or <see cref="AddInMemoryLoyaltyStore"/>. <c>TryAdd*</c> only.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the default policy, or null to keep it.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddLoyalty(this IServiceCollection services, Action<LoyaltyOptions>? configure = null)
    {
        if (services.TryAddEngine<LoyaltyOptions, LoyaltyOptionsValidator, LoyaltyEngine>(configure, options => new LoyaltyEngine(options)))
        {
            services.TryAddService<LoyaltyEngine, ILoyaltyStore, LoyaltyService>((engine, store, retry) => new LoyaltyService(engine, store, retry));
        }

        return services;
    }

    /// <summary>Registers <see cref="InMemoryLoyaltyStore"/> as the <see cref="ILoyaltyStore"/> unless a store is registered already.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddInMemoryLoyaltyStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ILoyaltyStore, InMemoryLoyaltyStore>();
        return services;
    }

    /// <summary>Changes the loyalty policy registered by <see cref="CustomerLifecycleServiceCollectionExtensions.AddCustomerLifecycle"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the policy.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static CustomerLifecycleBuilder ConfigureLoyalty(this CustomerLifecycleBuilder builder, Action<LoyaltyOptions> configure) => builder.ConfigureOptions(configure);
}
