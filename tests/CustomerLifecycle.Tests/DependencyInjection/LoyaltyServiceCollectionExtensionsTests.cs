using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.Loyalty;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Tests.DependencyInjection;

public sealed class LoyaltyServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCustomerLifecycle_RegistersTheLoyaltyEngineAndService()
    {
        using var provider = new ServiceCollection().AddCustomerLifecycle().AddInMemoryLoyaltyStore().BuildServiceProvider();

        var engine = provider.GetRequiredService<LoyaltyEngine>();

        Assert.Same(engine, provider.GetRequiredService<LoyaltyEngine>());
        Assert.NotNull(provider.GetRequiredService<LoyaltyService>());
        Assert.IsType<InMemoryLoyaltyStore>(provider.GetRequiredService<ILoyaltyStore>());
    }

    [Fact]
    public void AddLoyalty_Twice_AddsNothing()
    {
        var services = new ServiceCollection();
        services.AddLoyalty(o => o.HoldingDays = 7);
        var count = services.Count;

        services.AddLoyalty();

        Assert.Equal(count, services.Count);
    }

    [Fact]
    public void ConfigureLoyalty_ChangesThePolicy()
    {
        using var provider = new ServiceCollection()
            .AddCustomerLifecycle(b => b.ConfigureLoyalty(o => o.HoldingDays = 7).ConfigureLoyalty(o => o.DailyCap = 500))
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<LoyaltyOptions>>().Value;
        Assert.Equal((7, (long?)500), (options.HoldingDays, options.DailyCap));
    }

    [Fact]
    public void AnInvalidPolicy_FailsAtStart_ListingEveryProblem()
    {
        using var provider = new ServiceCollection()
            .AddLoyalty(o =>
            {
                o.TimeZoneId = "Nowhere/City";
                o.LifetimeMonths = 0;
            })
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["TimeZoneId: 'Nowhere/City' is not an IANA time zone id.", "LifetimeMonths: must be in [1, 120] but was 0."], ex.Failures);
    }

    [Fact]
    public void TheRegistrations_GuardTheirArguments()
    {
        Assert.Throws<ArgumentNullException>(() => LoyaltyServiceCollectionExtensions.AddLoyalty(null!));
        Assert.Throws<ArgumentNullException>(() => LoyaltyServiceCollectionExtensions.AddInMemoryLoyaltyStore(null!));
        Assert.Throws<ArgumentNullException>(() => new CustomerLifecycleBuilder(new ServiceCollection()).ConfigureLoyalty(null!));
    }
}
