using CustomerLifecycle.Lifecycle;
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
    public void NullBuilder_IsRefused() => Assert.Throws<ArgumentNullException>(() => ((ISiloBuilder)null!).AddCustomerLifecycle());

    private sealed class TestSiloBuilder : ISiloBuilder
    {
        public IServiceCollection Services { get; } = new ServiceCollection();

        public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();
    }
}
