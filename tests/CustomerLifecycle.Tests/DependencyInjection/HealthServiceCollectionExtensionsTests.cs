using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Tests.DependencyInjection;

public sealed class HealthServiceCollectionExtensionsTests
{
    [Fact]
    public void AddHealth_Twice_AddsNothingTheSecondTime_ButKeepsEveryConfiguration()
    {
        var services = new ServiceCollection();
        services.AddHealth(o => o.Bands[1].Name = "Watch");
        var count = services.Count;

        services.AddHealth();

        Assert.Equal(count, services.Count);
        using var provider = services.AddHealth(o => o.Bands[2].Name = "Critical").BuildServiceProvider();
        Assert.Equal(["Healthy", "Watch", "Critical"], provider.GetRequiredService<HealthEngine>().BandNames);
    }

    [Fact]
    public void AddHealth_RegistersTheEngineWithTheConfiguredPolicy()
    {
        using var provider = new ServiceCollection()
            .AddHealth(o => o.Bands[1].Name = "Watch")
            .BuildServiceProvider();

        var engine = provider.GetRequiredService<HealthEngine>();

        Assert.Equal(["Healthy", "Watch", "AtRisk"], engine.BandNames);
        Assert.Same(engine, provider.GetRequiredService<HealthEngine>());
    }

    [Fact]
    public void AddCustomerLifecycle_RegistersTheHealthEngine_AndConfigureHealthChangesItsPolicy()
    {
        using var provider = new ServiceCollection()
            .AddCustomerLifecycle(b => b.ConfigureHealth(o => o.Factors[0].Weight = 0))
            .BuildServiceProvider();

        Assert.Equal(0, provider.GetRequiredService<IOptions<HealthOptions>>().Value.Factors[0].Weight);
        Assert.NotNull(provider.GetRequiredService<HealthEngine>());
    }

    [Fact]
    public void BadPolicy_FailsAtStart()
    {
        using var provider = new ServiceCollection()
            .AddHealth(o => o.Factors[2].Weight = -1)
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["Factors[2].Weight: must be a finite number >= 0 but was -1."], ex.Failures);
    }

    [Fact]
    public void NullArguments_AreRejected()
    {
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => HealthServiceCollectionExtensions.AddHealth(null!)).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => HealthServiceCollectionExtensions.ConfigureHealth(null!, _ => { })).ParamName);
    }
}
