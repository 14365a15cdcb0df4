using System.Reflection;
using CustomerLifecycle.Tiering;

namespace CustomerLifecycle.Abstractions.Tests;

public sealed class TieringContractsTests
{
    [Fact]
    public void EveryTieringContract_IsImmutable()
    {
        var contracts = typeof(TierInput).Assembly.GetExportedTypes().Where(t => t.Namespace == "CustomerLifecycle.Tiering" && !t.IsEnum).ToList();

        var mutable = contracts
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.SetMethod is { IsPublic: true } setter
                        && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
            .Select(x => $"{x.Type.Name}.{x.Property.Name}")
            .ToList();

        Assert.NotEmpty(contracts);
        Assert.Empty(mutable);
    }

    [Fact]
    public void DefaultSummary_IsACustomerWithoutPurchases()
    {
        var summary = default(RfmSummary);

        Assert.Equal((null, 0, 0.0), (summary.LastPurchase, summary.Frequency, summary.Monetary));
    }

    [Fact]
    public void TierInput_DefaultsToNoActivityNoFitAndNoStoredState()
    {
        var input = new TierInput(12.5);

        Assert.Equal(new TierInput(12.5, 0, null, false, false, false, null), input);
    }
}
