using CustomerLifecycle.LeadScoring;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerLifecycle.DependencyInjection;

/// <summary>Registers the lead-scoring engine.</summary>
public static class LeadScoringServiceCollectionExtensions
{
    /// <summary>Registers <see cref="LeadScoringEngine"/> (singleton) with its <see cref="LeadScoringOptions"/> validated at start. <c>TryAdd*</c> only,
    /// so a second call adds nothing (but still applies <paramref name="configure"/>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the default policy, or <see langword="null"/> to keep it.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddLeadScoring(this IServiceCollection services, Action<LeadScoringOptions>? configure = null)
    {
        services.TryAddEngine<LeadScoringOptions, LeadScoringOptionsValidator, LeadScoringEngine>(configure, options => new LeadScoringEngine(options));
        return services;
    }

    /// <summary>Changes the lead-scoring policy registered by <see cref="CustomerLifecycleServiceCollectionExtensions.AddCustomerLifecycle"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the policy.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static CustomerLifecycleBuilder ConfigureLeadScoring(this CustomerLifecycleBuilder builder, Action<LeadScoringOptions> configure) => builder.ConfigureOptions(configure);
}
