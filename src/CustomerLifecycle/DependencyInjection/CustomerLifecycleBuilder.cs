using Microsoft.Extensions.DependencyInjection;

namespace CustomerLifecycle.DependencyInjection;

/// <summary>Configures the components registered by <see cref="CustomerLifecycleServiceCollectionExtensions.AddCustomerLifecycle"/>.</summary>
/// <remarks>Each component adds its own <c>ConfigureXxx</c> extension method to this builder.</remarks>
public sealed class CustomerLifecycleBuilder
{
    internal CustomerLifecycleBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the service collection the SDK is registered in.</summary>
    public IServiceCollection Services { get; }
}
