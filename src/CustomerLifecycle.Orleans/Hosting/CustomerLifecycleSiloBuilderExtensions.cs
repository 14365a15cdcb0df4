using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Profile;
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
    /// validated when the silo starts, which then fails listing every problem; a later change raised by an
    /// <see cref="IOptionsChangeTokenSource{TOptions}"/> reaches the grains without a restart, and one that fails validation is
    /// refused and logged) and <see cref="CustomerGrainOptions"/>
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
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CustomerGrainOptions>, ReminderPeriodValidator>());
        services.AddSingleton(new PolicyTenants<LifecycleOptions>());
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
        return builder.AddCustomerLifecycle().AddTenant(tenant, configure);
    }

    /// <summary>
    /// Keeps each customer's profile in its grain (<see cref="ICustomerGrain.ApplyFactAsync"/>): registers the profile policy
    /// (<see cref="ProfileServiceCollectionExtensions.AddProfile"/>, validated when the silo starts, which then fails listing
    /// every problem; reloadable like the lifecycle policy) and the silo's
    /// <see cref="ProfilePopulations"/>. Calls <see cref="AddCustomerLifecycle"/> first. <c>TryAdd*</c> only.
    /// </summary>
    /// <remarks>With profiles, the lifecycle record lives in the profile and follows the profile policy's
    /// <see cref="ProfileOptions.Lifecycle"/> (the cluster's <see cref="LifecycleOptions"/> then govern no customer): facts
    /// move it and lifecycle events are refused. Choose it before the first customer is saved: a customer with a lifecycle
    /// record of its own refuses facts.</remarks>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Changes the default profile policy, or null to keep it.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ISiloBuilder AddCustomerProfile(this ISiloBuilder builder, Action<ProfileOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddCustomerLifecycle();
        builder.Services.AddProfile(configure);
        if (builder.Services.All(d => d.ServiceType != typeof(ProfilePolicy)))
        {
            builder.Services.AddSingleton(new PolicyTenants<ProfileOptions>());
            builder.Services.TryAddSingleton<ProfilePolicy>();
            builder.Services.TryAddSingleton(services => new ProfilePopulations(services.GetRequiredService<ProfilePolicy>()));
        }

        return builder;
    }

    /// <summary>Gives a tenant a profile policy of its own (the <see cref="ProfileOptions"/> named <paramref name="tenant"/>,
    /// validated when the silo starts, reloadable). Calls <see cref="AddCustomerProfile"/> first.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="tenant">The tenant, as customer ids name it.</param>
    /// <param name="configure">Changes the default policy into the tenant's.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="tenant"/> or <paramref name="configure"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is empty or blank.</exception>
    public static ISiloBuilder AddCustomerProfileTenant(this ISiloBuilder builder, string tenant, Action<ProfileOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddCustomerProfile().AddTenant(tenant, configure);
    }

    /// <summary>
    /// Keeps each member's loyalty ledger in the customer's grain (<see cref="ICustomerGrain.ApplyLoyaltyAsync"/>): registers
    /// the loyalty policy (<see cref="LoyaltyServiceCollectionExtensions.AddLoyalty"/>, validated when the silo starts,
    /// reloadable). Calls <see cref="AddCustomerLifecycle"/> first. <c>TryAdd*</c> only.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Changes the default loyalty policy, or null to keep it.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ISiloBuilder AddCustomerLoyalty(this ISiloBuilder builder, Action<LoyaltyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddCustomerLifecycle();
        builder.Services.AddLoyalty(configure);
        if (builder.Services.All(d => d.ServiceType != typeof(LoyaltyPolicy)))
        {
            builder.Services.AddSingleton(new PolicyTenants<LoyaltyOptions>());
            builder.Services.TryAddSingleton<LoyaltyPolicy>();
        }

        return builder;
    }

    /// <summary>Gives a tenant a loyalty policy of its own (the <see cref="LoyaltyOptions"/> named <paramref name="tenant"/>,
    /// validated when the silo starts, reloadable). Calls <see cref="AddCustomerLoyalty"/> first.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="tenant">The tenant, as customer ids name it.</param>
    /// <param name="configure">Changes the default policy into the tenant's.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="tenant"/> or <paramref name="configure"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is empty or blank.</exception>
    public static ISiloBuilder AddCustomerLoyaltyTenant(this ISiloBuilder builder, string tenant, Action<LoyaltyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddCustomerLoyalty().AddTenant(tenant, configure);
    }

    /// <summary>Adds the options of <typeparamref name="TOptions"/> named <paramref name="tenant"/>, validated at start, and
    /// names the tenant to the silo's policy of them.</summary>
    private static ISiloBuilder AddTenant<TOptions>(this ISiloBuilder builder, string tenant, Action<TOptions> configure)
        where TOptions : class
    {
        var tenants = (PolicyTenants<TOptions>)builder.Services.Single(d => d.ServiceType == typeof(PolicyTenants<TOptions>)).ImplementationInstance!;
        if (tenants.Names.Add(tenant))
        {
            builder.Services.AddOptions<TOptions>(tenant).ValidateOnStart();
        }

        builder.Services.Configure(tenant, configure);
        return builder;
    }
}
