using CustomerLifecycle.Health;

namespace CustomerLifecycle.Tests.Health;

public sealed class HealthRollUpTests
{
    private static readonly HealthEngine Engine = new(new HealthOptions());

    private static readonly HealthRollUpChild[] Children =
    [
        new("acme-eu", HealthScore.From(90), 100_000),
        new("acme-us", HealthScore.From(70), 300_000),
        new("acme-asia", HealthScore.From(40), 100_000),
    ];

    [Fact]
    public void Mean_IsThePlainAverage()
    {
        var result = Engine.RollUp(Children, HealthRollUpMethod.Mean);

        Assert.Equal(200.0 / 3, result.Score.Value, 12);
        Assert.Equal("Warning", result.Band);
        Assert.Equal(result.Score.Value, result.Children.Sum(c => c.Points), 12);
        Assert.Equal("Mean of 3 children: 66.67 (Warning).", result.Reason.Message);
    }

    [Fact]
    public void Weighted_UsesEachChildsWeight()
    {
        var result = Engine.RollUp(Children, HealthRollUpMethod.Weighted);

        Assert.Equal(68, result.Score.Value, 12); // (90 + 3 × 70 + 40) / 5
        Assert.Equal([0.2, 0.6, 0.2], result.Children.Select(c => c.Share));
        Assert.Equal("Weighted mean of 3 children: 68 (Warning).", result.Reason.Message);
    }

    [Fact]
    public void Worst_IsTheLowestChild()
    {
        var result = Engine.RollUp(Children, HealthRollUpMethod.Worst);

        Assert.Equal(40, result.Score.Value);
        Assert.Equal("AtRisk", result.Band);
        Assert.Equal([0, 0, 1], result.Children.Select(c => c.Share));
        Assert.Equal("health.roll-up", result.Reason.Code);
        Assert.Equal("Worst of 3 children: acme-asia at 40 (AtRisk).", result.Reason.Message);
    }

    [Fact]
    public void BadChildren_AreRejectedWithTheirIndex()
    {
        Assert.StartsWith("A roll-up needs at least one child.", Assert.Throws<ArgumentException>(() => Engine.RollUp([], HealthRollUpMethod.Mean)).Message, StringComparison.Ordinal);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => Engine.RollUp([new("a", HealthScore.From(50), -1)], HealthRollUpMethod.Weighted));
        Assert.StartsWith("children[0].Weight should be a finite number >= 0 but was -1.", negative.Message, StringComparison.Ordinal);
        var zero = Assert.Throws<ArgumentException>(() => Engine.RollUp([new("a", HealthScore.From(50), 0)], HealthRollUpMethod.Weighted));
        Assert.StartsWith("The children's weights sum to 0; a weighted roll-up needs at least one weight > 0.", zero.Message, StringComparison.Ordinal);
        var empty = Assert.Throws<ArgumentException>(() => Engine.RollUp([new(" ", HealthScore.From(50))], HealthRollUpMethod.Mean));
        Assert.StartsWith("children[0].Id must not be empty.", empty.Message, StringComparison.Ordinal);
    }
}
