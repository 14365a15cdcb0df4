using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.Value;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Tests.DependencyInjection;

public sealed class ValueServiceCollectionExtensionsTests
{
    [Fact]
    public void AddValue_RegistersTheEngineWithTheConfiguredOptions()
    {
        using var provider = new ServiceCollection().AddValue(o => o.HorizonPeriods = 39).BuildServiceProvider();

        Assert.Equal(39, provider.GetRequiredService<ValueEngine>().HorizonPeriods);
    }

    [Fact]
    public void AddValue_Twice_AddsNothingTheSecondTime()
    {
        var services = new ServiceCollection().AddValue();
        var count = services.Count;

        services.AddValue();

        Assert.Equal(count, services.Count);
    }

    [Fact]
    public void AddValue_WithBadOptions_FailsAtStart()
    {
        using var provider = new ServiceCollection().AddValue(o => o.Margin = 3).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["Margin: must be in [0, 1] but was 3."], ex.Failures);
    }

    [Fact]
    public void AddCustomerLifecycle_RegistersTheValueEngine_ConfiguredThroughTheBuilder()
    {
        using var provider = new ServiceCollection()
            .AddCustomerLifecycle(b => b.ConfigureValue(o => o.HorizonPeriods = 13))
            .BuildServiceProvider();

        Assert.Equal(13, provider.GetRequiredService<ValueEngine>().HorizonPeriods);
    }

    [Fact]
    public void AddValue_RejectsNullServices()
        => Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => ValueServiceCollectionExtensions.AddValue(null!)).ParamName);
}
