using CustomerLifecycle.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerLifecycle.DependencyInjection;

/// <summary>Registers the lifecycle engine and service.</summary>
public static class LifecycleServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LifecycleEngine"/> (singleton) with its <see cref="LifecycleOptions"/> validated at start, and
    /// <see cref="LifecycleService"/> (singleton, retrying per <see cref="RetryOptions"/>, validated at start), which needs an
    /// <see cref="ILifecycleStore"/>: register the host's own as a singleton (the service is one and resolves the store once), or <see cref="AddInMemoryLifecycleStore"/>. <c>TryAdd*</c> only.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the default policy, or null to keep it.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddLifecycle(this IServiceCollection services, Action<LifecycleOptions>? configure = null)
    {
        if (services.TryAddEngine<LifecycleOptions, LifecycleOptionsValidator, LifecycleEngine>(configure, options => new LifecycleEngine(options)))
        {
            services.TryAddService<LifecycleEngine, ILifecycleStore, LifecycleService>((engine, store, retry) => new LifecycleService(engine, store, retry));
        }

        return services;
    }

    /// <summary>Registers <see cref="InMemoryLifecycleStore"/> as the <see cref="ILifecycleStore"/> unless a store is registered already.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddInMemoryLifecycleStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ILifecycleStore, InMemoryLifecycleStore>();
        return services;
    }

    /// <summary>Changes the lifecycle policy registered by <see cref="CustomerLifecycleServiceCollectionExtensions.AddCustomerLifecycle"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the policy.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static CustomerLifecycleBuilder ConfigureLifecycle(this CustomerLifecycleBuilder builder, Action<LifecycleOptions> configure) => builder.ConfigureOptions(configure);
}
