using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Profile;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Orleans.Grains;

/// <summary>The silo's lifecycle engines (<see cref="LifecycleOptions"/>), the cluster's and each tenant's.</summary>
internal sealed class LifecyclePolicy(IOptionsMonitor<LifecycleOptions> options, PolicyTenants<LifecycleOptions> tenants, ILogger<LifecyclePolicy> logger)
    : TenantPolicy<LifecycleOptions, LifecycleEngine>(options, tenants, o => new LifecycleEngine(o), logger);

/// <summary>The silo's profile engines (<see cref="ProfileOptions"/>), the cluster's and each tenant's; registered only
/// when the silo hosts the profile facet.</summary>
internal sealed class ProfilePolicy(IOptionsMonitor<ProfileOptions> options, PolicyTenants<ProfileOptions> tenants, ILogger<ProfilePolicy> logger)
    : TenantPolicy<ProfileOptions, ProfileEngine>(options, tenants, o => new ProfileEngine(o), logger);

/// <summary>The silo's loyalty engines (<see cref="LoyaltyOptions"/>), the cluster's and each tenant's; registered only
/// when the silo hosts the loyalty facet.</summary>
internal sealed class LoyaltyPolicy(IOptionsMonitor<LoyaltyOptions> options, PolicyTenants<LoyaltyOptions> tenants, ILogger<LoyaltyPolicy> logger)
    : TenantPolicy<LoyaltyOptions, LoyaltyEngine>(options, tenants, o => new LoyaltyEngine(o), logger);
