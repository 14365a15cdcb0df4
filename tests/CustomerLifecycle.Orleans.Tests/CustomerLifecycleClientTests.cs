using CustomerLifecycle.Orleans.Tests.TestHost;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Orleans.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CustomerLifecycleClientTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(6, 3200)]
    [InlineData(7, 5000)]
    [InlineData(99, 5000)]
    public void Retries_WaitLongerEachTime_UpToFiveSeconds(int attempt, int milliseconds)
        => Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), CustomerLifecycleClient.RetryDelay(attempt));

    [Fact]
    public void InvalidRetryOptions_AreRefused()
        => Assert.Throws<OptionsValidationException>(() => new CustomerLifecycleClient(fixture.Cluster.Cluster.Client, new RetryOptions { MaxAttempts = 0 }));

    [Fact]
    public void DefaultCustomer_IsRefused()
        => Assert.Throws<ArgumentException>(() => new CustomerLifecycleClient(fixture.Cluster.Cluster.Client).Customer(default));
}
