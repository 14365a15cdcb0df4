using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Orleans.Grains;
using CustomerLifecycle.Orleans.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Orleans.Tests.Hosting;

public sealed class CustomerLifecycleSiloBuilderExtensionsTests
{
    [Fact]
    public void SecondCall_AddsNothing_ButItsPolicyChanges()
    {
        var silo = new TestSiloBuilder();
        silo.AddCustomerLifecycle();
        var registrations = silo.Services.Count;

        silo.AddCustomerLifecycle(policy => policy.DuplicateWindow = 7, grains => grains.MaxReminderWait = TimeSpan.FromHours(1));
        using var provider = silo.Services.BuildServiceProvider();

        Assert.Equal(registrations + 2, silo.Services.Count); // the two Configure calls, nothing else
        Assert.Equal(7, provider.GetRequiredService<IOptions<LifecycleOptions>>().Value.DuplicateWindow);
        Assert.Equal(TimeSpan.FromHours(1), provider.GetRequiredService<IOptions<CustomerGrainOptions>>().Value.MaxReminderWait);
        Assert.Single(silo.Services, d => d.ServiceType == typeof(LifecyclePolicy));
    }

    [Fact]
    public void SecondProfileOrLoyaltyCall_AddsNothing_ButItsPolicyChanges()
    {
        var silo = new TestSiloBuilder();
        silo.AddCustomerProfile().AddCustomerLoyalty();
        var registrations = silo.Services.Count;

        silo.AddCustomerProfile(policy => policy.RefundWindowDays = 30).AddCustomerLoyalty(policy => policy.PointsPerUnit = 2);
        using var provider = silo.Services.BuildServiceProvider();

        Assert.Equal(registrations + 2, silo.Services.Count); // the two Configure calls, nothing else
        Assert.Equal(30, provider.GetRequiredService<IOptions<ProfileOptions>>().Value.RefundWindowDays);
        Assert.Equal(2, provider.GetRequiredService<IOptions<LoyaltyOptions>>().Value.PointsPerUnit);
        Assert.Single(silo.Services, d => d.ServiceType == typeof(ProfilePolicy));
        Assert.Single(silo.Services, d => d.ServiceType == typeof(ProfilePopulations));
        Assert.Single(silo.Services, d => d.ServiceType == typeof(LoyaltyPolicy));
    }

    [Fact]
    public void ProfileOrLoyaltyTenant_IsValidatedAtStart_AndNamedToItsPolicy()
    {
        var silo = new TestSiloBuilder();
        silo.AddCustomerProfileTenant("acme", policy => policy.RefundWindowDays = 0).AddCustomerLoyaltyTenant("acme", policy => policy.PointsPerUnit = 3);
        using var provider = silo.Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<ProfileOptions>>().Get("acme"));
        Assert.Contains(error.Failures, f => f.StartsWith("RefundWindowDays: ", StringComparison.Ordinal));
        Assert.Equal(3, provider.GetRequiredService<IOptionsMonitor<LoyaltyOptions>>().Get("acme").PointsPerUnit);
        Assert.Equal(["acme"], provider.GetRequiredService<PolicyTenants<ProfileOptions>>().Names);
        Assert.Equal(["acme"], provider.GetRequiredService<PolicyTenants<LoyaltyOptions>>().Names);
    }

    [Fact]
    public void NullBuilder_IsRefused() => Assert.Throws<ArgumentNullException>(() => ((ISiloBuilder)null!).AddCustomerLifecycle());

    private sealed class TestSiloBuilder : ISiloBuilder
    {
        public IServiceCollection Services { get; } = new ServiceCollection();

        public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();
    }
}
