using Microsoft.Extensions.DependencyInjection;

namespace CustomerLifecycle.DependencyInjection;

/// <summary>Registers every CustomerLifecycle engine in an <see cref="IServiceCollection"/>.</summary>
public static class CustomerLifecycleServiceCollectionExtensions
{
    /// <summary>
    /// Registers every engine with its options, validated when the host starts. Registrations use <c>TryAdd*</c>,
    /// so calling this twice, or after a per-component <c>AddXxx</c>, adds nothing.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the components' options, or <see langword="null"/> to keep the defaults.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddCustomerLifecycle(this IServiceCollection services, Action<CustomerLifecycleBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        // One line per component; each AddXxx is also public on its own.
        services.AddLifecycle();
        services.AddTiering();
        services.AddHealth();
        services.AddFeedback();
        services.AddValue();
        services.AddLoyalty();
        services.AddLeadScoring();
        services.AddProfile();
        configure?.Invoke(new CustomerLifecycleBuilder(services));
        return services;
    }
}
