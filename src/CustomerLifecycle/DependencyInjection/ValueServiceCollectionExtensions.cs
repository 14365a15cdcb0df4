using CustomerLifecycle.Value;
using Microsoft.Extensions.DependencyInjection;

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
        services.TryAddEngine<ValueOptions, ValueOptionsValidator, ValueEngine>(configure, options => new ValueEngine(options));
        return services;
    }

    /// <summary>Configures the customer-value options of <see cref="CustomerLifecycleServiceCollectionExtensions.AddCustomerLifecycle"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static CustomerLifecycleBuilder ConfigureValue(this CustomerLifecycleBuilder builder, Action<ValueOptions> configure) => builder.ConfigureOptions(configure);
}
