using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Tests.DependencyInjection;

public sealed class LifecycleServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCustomerLifecycle_RegistersTheEngineAndTheService()
    {
        using var provider = new ServiceCollection().AddCustomerLifecycle().AddInMemoryLifecycleStore().BuildServiceProvider();

        var engine = provider.GetRequiredService<LifecycleEngine>();

        Assert.Same(engine, provider.GetRequiredService<LifecycleEngine>());
        Assert.NotNull(provider.GetRequiredService<LifecycleService>());
        Assert.IsType<InMemoryLifecycleStore>(provider.GetRequiredService<ILifecycleStore>());
    }

    [Fact]
    public void AddLifecycle_Twice_AddsNothing_ButKeepsEveryConfiguration()
    {
        var services = new ServiceCollection();
        services.AddLifecycle(o => o.TimeZoneId = "Europe/Berlin");
        var count = services.Count;

        services.AddLifecycle();

        Assert.Equal(count, services.Count);
    }

    [Fact]
    public void ConfigureLifecycle_ChangesThePolicy()
    {
        using var provider = new ServiceCollection()
            .AddCustomerLifecycle(b => b.ConfigureLifecycle(o => o.TimeZoneId = "Europe/Berlin").ConfigureLifecycle(o => o.DuplicateWindow = 64))
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<LifecycleOptions>>().Value;
        Assert.Equal(("Europe/Berlin", 64), (options.TimeZoneId, options.DuplicateWindow));
    }

    [Fact]
    public void AnInvalidPolicy_FailsAtStart_ListingEveryProblem()
    {
        using var provider = new ServiceCollection()
            .AddCustomerLifecycle(b => b.ConfigureLifecycle(o =>
            {
                o.TimeZoneId = "Nowhere/City";
                o.DuplicateWindow = 0;
            }))
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["TimeZoneId: 'Nowhere/City' is not an IANA time zone id.", "DuplicateWindow: must be in range [1-1024] but was 0."], ex.Failures);
    }
}
