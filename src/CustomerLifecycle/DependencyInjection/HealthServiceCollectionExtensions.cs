using CustomerLifecycle.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.DependencyInjection;

/// <summary>Registers the health-scoring engine.</summary>
public static class HealthServiceCollectionExtensions
{
    /// <summary>Registers <see cref="HealthEngine"/> with its options, validated when the host starts; <c>TryAdd*</c> only.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the policy, or <see langword="null"/> to keep the defaults.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddHealthScoring(this IServiceCollection services, Action<HealthOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        // ValidateOnStart registers a new configuration each call, so it runs only for the first registration.
        if (!services.Any(d => d.ServiceType == typeof(HealthEngine)))
        {
            services.AddOptions<HealthOptions>().ValidateOnStart();
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>());
        services.TryAddSingleton(sp => new HealthEngine(sp.GetRequiredService<IOptions<HealthOptions>>().Value));
        return services;
    }

    /// <summary>Configures the health policy registered by <c>AddCustomerLifecycle</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the policy.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static CustomerLifecycleBuilder ConfigureHealthScoring(this CustomerLifecycleBuilder builder, Action<HealthOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddHealthScoring();
        builder.Services.Configure(configure);
        return builder;
    }
}
