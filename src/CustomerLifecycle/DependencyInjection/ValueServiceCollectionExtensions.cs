using CustomerLifecycle.Value;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.DependencyInjection;

/// <summary>Registers the customer-value engine.</summary>
public static class ValueServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ValueOptions"/> (validated when the host starts) and a singleton <see cref="ValueEngine"/> built
    /// from them. Registrations use <c>TryAdd*</c>, so a second call adds nothing.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options, or <see langword="null"/> to keep the defaults.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddValue(this IServiceCollection services, Action<ValueOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        // ValidateOnStart registers its startup check with a plain Configure: run it once, or a second call would add one.
        if (services.Any(d => d.ServiceType == typeof(ValueEngine)))
        {
            return services;
        }

        services.AddOptions<ValueOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ValueOptions>, ValueOptionsValidator>());
        services.TryAddSingleton(provider => new ValueEngine(provider.GetRequiredService<IOptions<ValueOptions>>().Value));
        return services;
    }

    /// <summary>Configures the customer-value options of <see cref="CustomerLifecycleServiceCollectionExtensions.AddCustomerLifecycle"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static CustomerLifecycleBuilder ConfigureValue(this CustomerLifecycleBuilder builder, Action<ValueOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }
}
