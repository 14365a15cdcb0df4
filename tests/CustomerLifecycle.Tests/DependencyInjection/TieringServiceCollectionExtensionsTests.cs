using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.Tiering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Tests.DependencyInjection;

public sealed class TieringServiceCollectionExtensionsTests
{
    [Fact]
    public void AddTiering_RegistersTheEngineWithItsOptions()
    {
        using var provider = new ServiceCollection().AddTiering(o => o.Hysteresis.DowngradeAfterEvaluations = 5).BuildServiceProvider();

        Assert.Equal(["Core", "Key", "Potential", "General"], provider.GetRequiredService<TieringEngine>().TierNames.ToArray());
        Assert.Equal(5, provider.GetRequiredService<IOptions<TieringOptions>>().Value.Hysteresis.DowngradeAfterEvaluations);
        Assert.Same(provider.GetRequiredService<TieringEngine>(), provider.GetRequiredService<TieringEngine>());
    }

    [Fact]
    public void AddTiering_Twice_AddsNothingTheSecondTime()
    {
        var services = new ServiceCollection();
        services.AddTiering();
        var count = services.Count;

        services.AddTiering();

        Assert.Equal(count, services.Count);
    }

    [Fact]
    public void AddTiering_BadOptions_FailAtStart()
    {
        using var provider = new ServiceCollection().AddTiering(o => o.Tiers[1].RevenueSharePercent = 90).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["Tiers: the revenue shares must sum to at most 100 but sum to 160."], ex.Failures);
    }

    [Fact]
    public void ConfigureTiering_ConfiguresThroughAddCustomerLifecycle()
    {
        using var provider = new ServiceCollection()
            .AddCustomerLifecycle(b => b.ConfigureTiering(o => o.Rfm.Segments = RfmSegmentTables.RfmPackage02()))
            .BuildServiceProvider();

        Assert.Equal("Loyal Customers", provider.GetRequiredService<TieringEngine>().SegmentNames[1]);
    }

    [Fact]
    public void Guards_RejectNull()
    {
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => TieringServiceCollectionExtensions.AddTiering(null!)).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => TieringServiceCollectionExtensions.ConfigureTiering(null!, _ => { })).ParamName);
    }
}
