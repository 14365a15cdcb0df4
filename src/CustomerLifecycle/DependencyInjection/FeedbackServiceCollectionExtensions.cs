using CustomerLifecycle.Feedback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.DependencyInjection;

/// <summary>Registers feedback prioritisation: <see cref="FeedbackOptions"/> validated at start, and the <see cref="FeedbackEngine"/>.</summary>
public static class FeedbackServiceCollectionExtensions
{
    /// <summary>Registers <see cref="FeedbackOptions"/> (validated when the host starts), its validator, a singleton
    /// <see cref="FeedbackEngine"/> and a <see cref="FeedbackService"/> over the host's <see cref="IFeedbackStore"/>;
    /// <c>TryAdd*</c> only, so a second call adds nothing.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the policy, or <see langword="null"/> to keep the defaults.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddFeedbackPrioritization(this IServiceCollection services, Action<FeedbackOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        // ValidateOnStart registers a new configuration action on every call, so it is added only with the engine.
        if (!services.Any(d => d.ServiceType == typeof(FeedbackEngine)))
        {
            services.AddOptions<FeedbackOptions>().ValidateOnStart();
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FeedbackOptions>, FeedbackOptionsValidator>());
        services.TryAddSingleton(sp => new FeedbackEngine(sp.GetRequiredService<IOptions<FeedbackOptions>>().Value));
        // Resolvable once the host registers its IFeedbackStore.
        services.TryAddSingleton(sp => new FeedbackService(sp.GetRequiredService<FeedbackEngine>(), sp.GetRequiredService<IFeedbackStore>()));
        return services;
    }

    /// <summary>Configures the feedback policy registered by <see cref="CustomerLifecycleServiceCollectionExtensions.AddCustomerLifecycle"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the policy.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static CustomerLifecycleBuilder ConfigureFeedbackPrioritization(this CustomerLifecycleBuilder builder, Action<FeedbackOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddFeedbackPrioritization();
        builder.Services.Configure(configure);
        return builder;
    }
}
