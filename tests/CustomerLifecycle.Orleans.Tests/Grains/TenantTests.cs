using CustomerLifecycle.Orleans.Grains;

namespace CustomerLifecycle.Orleans.Tests.Grains;

public sealed class TenantTests
{
    [Theory]
    [InlineData("acme/c-1", "/", "acme")]
    [InlineData("acme/eu/c-1", "/", "acme")]
    [InlineData("c-1", "/", null)]
    [InlineData("/c-1", "/", null)]
    [InlineData("acme/c-1", null, null)]
    [InlineData("acme::c-1", "::", "acme")]
    public void Tenant_IsTheKeyBeforeTheFirstSeparator(string key, string? separator, string? tenant)
        => Assert.Equal(tenant, Tenant.Of(key, separator));

    [Fact]
    public void StageCounts_OfATenant_AreKeptApartFromTheCustomersWithout()
    {
        Assert.Equal(IStageCountsGrain.ClusterKey, Tenant.StageCountsKey(null));
        Assert.Equal("tenant/cluster", Tenant.StageCountsKey(IStageCountsGrain.ClusterKey));
    }
}
