using CustomerLifecycle.Tiering;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerLifecycle.Tests.Tiering;

public sealed class QuantileCutsProperties
{
    [Property]
    public Property Cuts_GiveEveryValueTheScoreOfItsRunMidpoint() => Prop.ForAll(
        Gen.ArrayOf(Gen.Choose(-20, 20)).ToArbitrary(),
        Gen.Choose(2, 9).ToArbitrary(),
        (values, scoreCount) => Agrees([.. values.Select(v => (double)v)], scoreCount));

    [Fact]
    public void Cuts_AgreeWithTheDefinitionOnALargeSkewedPopulation()
    {
        // Deterministic pseudo-random values with long runs of equal values and a few infinities.
        var values = Enumerable.Range(0, 20_000)
            .Select(i => i % 997 == 0 ? double.NegativeInfinity : Math.Floor(Math.Pow((i * 7919) % 10_007, 1.3) / 50))
            .ToArray();

        Assert.True(Agrees(values, 5));
        Assert.True(Agrees(values, 10));
    }

    [Fact]
    public void Cuts_OfAnEmptyPopulation_AreInfinite()
    {
        var cuts = new double[4];

        QuantileCuts.FromKeys([], 5, cuts);

        Assert.All(cuts, c => Assert.Equal(double.PositiveInfinity, c));
    }

    private static bool Agrees(double[] values, int scoreCount)
    {
        var cuts = new double[scoreCount - 1];
        QuantileCuts.FromKeys([.. values], scoreCount, cuts);
        var n = values.Length;
        foreach (var value in values.Distinct())
        {
            long below = values.Count(v => v < value);
            long equal = values.Count(v => v == value);
            var expected = (int)Math.Min(scoreCount, 1 + (scoreCount * ((2 * below) + equal) / (2L * n)));
            if (QuantileCuts.Score(value, cuts) != expected)
            {
                return false;
            }
        }

        return true;
    }
}
