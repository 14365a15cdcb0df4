using CustomerLifecycle.Feedback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerLifecycle.DependencyInjection;

/// <summary>Registers the feedback engine and service.</summary>
public static class FeedbackServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FeedbackEngine"/> (singleton) with its <see cref="FeedbackOptions"/> validated at start, and
    /// <see cref="FeedbackService"/> (singleton, retrying per <see cref="RetryOptions"/>, validated at start), which needs an
    /// <see cref="IFeedbackStore"/>: register the host's own as a singleton (the service is one and resolves the store once), or <see cref="AddInMemoryFeedbackStore"/>. <c>TryAdd*</c> only.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the default policy, or null to keep it.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddFeedback(this IServiceCollection services, Action<FeedbackOptions>? configure = null)
    {
        if (services.TryAddEngine<FeedbackOptions, FeedbackOptionsValidator, FeedbackEngine>(configure, options => new FeedbackEngine(options)))
        {
            services.TryAddService<FeedbackEngine, IFeedbackStore, FeedbackService>((engine, store, retry) => new FeedbackService(engine, store, retry));
        }

        return services;
    }

    /// <summary>Registers <see cref="InMemoryFeedbackStore"/> as the <see cref="IFeedbackStore"/> unless a store is registered already.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddInMemoryFeedbackStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IFeedbackStore, InMemoryFeedbackStore>();
        return services;
    }

    /// <summary>Changes the feedback policy registered by <see cref="CustomerLifecycleServiceCollectionExtensions.AddCustomerLifecycle"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the policy.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static CustomerLifecycleBuilder ConfigureFeedback(this CustomerLifecycleBuilder builder, Action<FeedbackOptions> configure) => builder.ConfigureOptions(configure);
}
