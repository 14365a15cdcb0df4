using CustomerLifecycle.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerLifecycle.Tests.DependencyInjection;

public sealed class CustomerLifecycleServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCustomerLifecycle_Twice_AddsNothingTheSecondTime()
    {
        var services = new ServiceCollection();
        services.AddCustomerLifecycle();
        var count = services.Count;

        services.AddCustomerLifecycle();

        Assert.Equal(count, services.Count);
    }

    [Fact]
    public void AddCustomerLifecycle_RejectsNullServices()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => CustomerLifecycleServiceCollectionExtensions.AddCustomerLifecycle(null!));
        Assert.Equal("services", ex.ParamName);
    }
}
