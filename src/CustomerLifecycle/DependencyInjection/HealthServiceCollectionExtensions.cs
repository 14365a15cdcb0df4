using CustomerLifecycle.Health;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerLifecycle.DependencyInjection;

/// <summary>Registers the health engine.</summary>
public static class HealthServiceCollectionExtensions
{
    /// <summary>Registers <see cref="HealthEngine"/> (singleton) with its <see cref="HealthOptions"/> validated at start. <c>TryAdd*</c> only,
    /// so a second call adds nothing (but still applies <paramref name="configure"/>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the default policy, or <see langword="null"/> to keep it.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddHealth(this IServiceCollection services, Action<HealthOptions>? configure = null)
    {
        services.TryAddEngine<HealthOptions, HealthOptionsValidator, HealthEngine>(configure, options => new HealthEngine(options));
        return services;
    }

    /// <summary>Changes the health policy registered by <see cref="CustomerLifecycleServiceCollectionExtensions.AddCustomerLifecycle"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the policy.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static CustomerLifecycleBuilder ConfigureHealth(this CustomerLifecycleBuilder builder, Action<HealthOptions> configure) => builder.ConfigureOptions(configure);
}
