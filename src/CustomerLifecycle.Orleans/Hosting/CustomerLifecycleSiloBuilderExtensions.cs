using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Orleans.Hosting;

/// <summary>Hosts the customer grains in a silo.</summary>
public static class CustomerLifecycleSiloBuilderExtensions
{
    /// <summary>
    /// Registers what the customer grains need: the lifecycle policy (<see cref="LifecycleServiceCollectionExtensions.AddLifecycle"/>,
    /// validated when the silo starts, which then fails listing every problem; a later change through
    /// <see cref="IOptionsMonitor{TOptions}"/> reaches the grains without a restart) and <see cref="CustomerGrainOptions"/>
    /// (validated at start too). <c>TryAdd*</c> only.
    /// </summary>
    /// <remarks>The host also registers: a NodaTime <c>IClock</c> (the grains' only source of the current instant), a grain
    /// storage provider named <see cref="CustomerGrainOptions.StorageName"/>, and a reminder service.</remarks>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configureLifecycle">Changes the default lifecycle policy, or null to keep it.</param>
    /// <param name="configureGrains">Changes the grain options, or null to keep the defaults.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ISiloBuilder AddCustomerLifecycle(this ISiloBuilder builder, Action<LifecycleOptions>? configureLifecycle = null, Action<CustomerGrainOptions>? configureGrains = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddLifecycle(configureLifecycle);
        if (configureGrains is not null)
        {
            services.Configure(configureGrains);
        }

        if (services.Any(d => d.ServiceType == typeof(LifecyclePolicy)))
        {
            return builder;
        }

        services.AddOptions<CustomerGrainOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CustomerGrainOptions>, CustomerGrainOptionsValidator>());
        services.AddSingleton(new LifecycleTenants());
        services.TryAddSingleton<LifecyclePolicy>();
        return builder;
    }

    /// <summary>
    /// Gives a tenant a lifecycle policy of its own (the <see cref="LifecycleOptions"/> named <paramref name="tenant"/>,
    /// validated when the silo starts, reloadable like the cluster's), used by the customers whose ids name the tenant
    /// (see <see cref="CustomerGrainOptions.TenantSeparator"/>). Calls <see cref="AddCustomerLifecycle"/> first.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="tenant">The tenant, as customer ids name it.</param>
    /// <param name="configure">Changes the default policy into the tenant's.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="tenant"/> or <paramref name="configure"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is empty or blank.</exception>
    public static ISiloBuilder AddCustomerLifecycleTenant(this ISiloBuilder builder, string tenant, Action<LifecycleOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddCustomerLifecycle();
        var tenants = (LifecycleTenants)builder.Services.Single(d => d.ServiceType == typeof(LifecycleTenants)).ImplementationInstance!;
        if (tenants.Names.Add(tenant))
        {
            builder.Services.AddOptions<LifecycleOptions>(tenant).ValidateOnStart();
        }

        builder.Services.Configure(tenant, configure);
        return builder;
    }
}
