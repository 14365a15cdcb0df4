using CustomerLifecycle.Profile;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.DependencyInjection;

/// <summary>Registers the profile engine and service.</summary>
public static class ProfileServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ProfileEngine"/> (singleton) with its <see cref="ProfileOptions"/> validated at start, and
    /// <see cref="ProfileService"/> (singleton, retrying per <see cref="RetryOptions"/>, validated at start), which needs an
    /// <see cref="IProfileStore"/>: register the host's own, or <see cref="AddInMemoryProfileStore"/>. <c>TryAdd*</c> only.
    /// The profile policy holds its own lifecycle, tiering, health and value policies: change them with
    /// <see cref="ConfigureProfile"/> (<c>ConfigureLifecycle</c> and the like configure the engines registered on their own).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the default policy, or null to keep it.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddProfile(this IServiceCollection services, Action<ProfileOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        // ValidateOnStart adds a registration on every call; register it once.
        if (!services.Any(d => d.ServiceType == typeof(ProfileEngine)))
        {
            services.AddOptions<ProfileOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProfileOptions>, ProfileOptionsValidator>());
            services.AddRetryOptions();
            services.TryAddSingleton(sp => new ProfileEngine(sp.GetRequiredService<IOptions<ProfileOptions>>().Value));
            services.TryAddSingleton(sp => new ProfileService(
                sp.GetRequiredService<ProfileEngine>(),
                sp.GetRequiredService<IProfileStore>(),
                sp.GetRequiredService<IOptions<RetryOptions>>().Value));
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return services;
    }

    /// <summary>Registers <see cref="InMemoryProfileStore"/> as the <see cref="IProfileStore"/> unless a store is registered already.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddInMemoryProfileStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IProfileStore, InMemoryProfileStore>();
        return services;
    }

    /// <summary>Changes the profile policy registered by <see cref="CustomerLifecycleServiceCollectionExtensions.AddCustomerLifecycle"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the policy.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static CustomerLifecycleBuilder ConfigureProfile(this CustomerLifecycleBuilder builder, Action<ProfileOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }
}
