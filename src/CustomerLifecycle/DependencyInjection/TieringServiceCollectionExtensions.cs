using CustomerLifecycle.Tiering;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerLifecycle.DependencyInjection;

/// <summary>Registers the tiering engine.</summary>
public static class TieringServiceCollectionExtensions
{
    /// <summary>Registers <see cref="TieringEngine"/> (singleton) with its <see cref="TieringOptions"/> validated at start. <c>TryAdd*</c> only,
    /// so a second call adds nothing (but still applies <paramref name="configure"/>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the default policy, or <see langword="null"/> to keep it.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddTiering(this IServiceCollection services, Action<TieringOptions>? configure = null)
    {
        services.TryAddEngine<TieringOptions, TieringOptionsValidator, TieringEngine>(configure, options => new TieringEngine(options));
        return services;
    }

    /// <summary>Changes the tiering policy registered by <see cref="CustomerLifecycleServiceCollectionExtensions.AddCustomerLifecycle"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the policy.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static CustomerLifecycleBuilder ConfigureTiering(this CustomerLifecycleBuilder builder, Action<TieringOptions> configure) => builder.ConfigureOptions(configure);
}
