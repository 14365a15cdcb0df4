using CustomerLifecycle.Orleans.Grains;
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

    [Fact]
    public async Task StageCountsRead_InterruptedTwice_IsRetried_AndAnswers()
    {
        var tenant = InterruptCountsRead(times: 2);

        Assert.Empty(await fixture.Cluster.Client.GetStageCountsAsync(tenant));
        Assert.Equal(2, fixture.Faults.Failed);
    }

    [Fact]
    public async Task StageCountsRead_InterruptedOnEveryAttempt_ThrowsTheLastInterruption()
    {
        var tenant = InterruptCountsRead(times: 3);
        var client = new CustomerLifecycleClient(fixture.Cluster.Cluster.Client, new RetryOptions { MaxAttempts = 3 });

        var thrown = await Assert.ThrowsAsync<TimeoutException>(() => client.GetStageCountsAsync(tenant));

        Assert.Equal("The test interrupts read 3.", thrown.Message);
    }

    /// <summary>Fails the next reads of a new tenant's stage counts with time-outs; returns the tenant.</summary>
    private string InterruptCountsRead(int times)
    {
        var tenant = $"t{Guid.NewGuid():N}";
        var counts = fixture.Cluster.Cluster.Client.GetGrain<IStageCountsGrain>(Tenant.StageCountsKey(tenant)).GetGrainId();
        var read = 0;
        fixture.Faults.Fail(counts, nameof(IStageCountsGrain.GetCountsAsync), times, () => new TimeoutException($"The test interrupts read {Interlocked.Increment(ref read)}."));
        return tenant;
    }
}
