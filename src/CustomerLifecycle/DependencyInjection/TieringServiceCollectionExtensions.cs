using CustomerLifecycle.Tiering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.DependencyInjection;

/// <summary>Registers the tiering engine and its validated options.</summary>
public static class TieringServiceCollectionExtensions
{
    /// <summary>Registers <see cref="TieringEngine"/> as a singleton with <see cref="TieringOptions"/> validated when the host
    /// starts. Registrations use <c>TryAdd*</c>, so a second call adds nothing (but still applies <paramref name="configure"/>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the policy, or <see langword="null"/> to keep the defaults.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddTiering(this IServiceCollection services, Action<TieringOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<TieringOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        // ValidateOnStart adds a registration on every call, so it runs only on the first.
        if (services.Any(d => d.ServiceType == typeof(TieringEngine)))
        {
            return services;
        }

        builder.ValidateOnStart();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TieringOptions>, TieringOptionsValidator>());
        services.TryAddSingleton(sp => new TieringEngine(sp.GetRequiredService<IOptions<TieringOptions>>().Value));
        return services;
    }

    /// <summary>Configures the tiering policy registered by <see cref="CustomerLifecycleServiceCollectionExtensions.AddCustomerLifecycle"/>.</summary>
    /// <param name="builder">The CustomerLifecycle builder.</param>
    /// <param name="configure">Configures the policy.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static CustomerLifecycleBuilder ConfigureTiering(this CustomerLifecycleBuilder builder, Action<TieringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddTiering(configure);
        return builder;
    }
}
