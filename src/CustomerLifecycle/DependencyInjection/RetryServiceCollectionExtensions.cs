using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.DependencyInjection;

/// <summary>Registers the <see cref="RetryOptions"/> the services share.</summary>
public static class RetryServiceCollectionExtensions
{
    /// <summary>Registers <see cref="RetryOptions"/>, validated when the host starts; a second call adds nothing.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    internal static IServiceCollection AddRetryOptions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<RetryOptions>)))
        {
            services.AddOptions<RetryOptions>().ValidateOnStart();
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetryOptions>, RetryOptionsValidator>());
        return services;
    }

    /// <summary>Changes how the services registered by <c>AddCustomerLifecycle</c> retry a save that lost a version race.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the settings.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static CustomerLifecycleBuilder ConfigureRetry(this CustomerLifecycleBuilder builder, Action<RetryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddRetryOptions();
        builder.Services.Configure(configure);
        return builder;
    }
}
