using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Profile;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Orleans.Grains;

/// <summary>The silo's lifecycle engines (<see cref="LifecycleOptions"/>), the cluster's and each tenant's.</summary>
internal sealed class LifecyclePolicy(IOptionsFactory<LifecycleOptions> factory, IEnumerable<IOptionsChangeTokenSource<LifecycleOptions>> sources, PolicyTenants<LifecycleOptions> tenants, ILogger<LifecyclePolicy> logger)
    : TenantPolicy<LifecycleOptions, LifecycleEngine>(factory, sources, tenants, o => new LifecycleEngine(o), logger);

/// <summary>The silo's profile engines (<see cref="ProfileOptions"/>), the cluster's and each tenant's; registered only
/// when the silo hosts the profile facet.</summary>
internal sealed class ProfilePolicy(IOptionsFactory<ProfileOptions> factory, IEnumerable<IOptionsChangeTokenSource<ProfileOptions>> sources, PolicyTenants<ProfileOptions> tenants, ILogger<ProfilePolicy> logger)
    : TenantPolicy<ProfileOptions, ProfileEngine>(factory, sources, tenants, o => new ProfileEngine(o), logger);

/// <summary>The silo's loyalty engines (<see cref="LoyaltyOptions"/>), the cluster's and each tenant's; registered only
/// when the silo hosts the loyalty facet.</summary>
internal sealed class LoyaltyPolicy(IOptionsFactory<LoyaltyOptions> factory, IEnumerable<IOptionsChangeTokenSource<LoyaltyOptions>> sources, PolicyTenants<LoyaltyOptions> tenants, ILogger<LoyaltyPolicy> logger)
    : TenantPolicy<LoyaltyOptions, LoyaltyEngine>(factory, sources, tenants, o => new LoyaltyEngine(o), logger);
