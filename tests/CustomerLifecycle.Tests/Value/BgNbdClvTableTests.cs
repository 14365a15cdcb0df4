using System.Buffers;
using CustomerLifecycle.Value;

namespace CustomerLifecycle.Tests.Value;

public sealed class BgNbdClvTableTests
{
    private static readonly BgNbdParameters P = BgNbdParameters.From(0.243, 4.414, 0.793, 2.426);
    private static readonly DiscountSchedule Discount = new(0.0018, 52);

    [Fact]
    public void Dispose_Twice_GivesTheArraysBackOnce()
    {
        var doubles = new CountingPool<double>();
        var ints = new CountingPool<int>();
        var table = BgNbdClvTable.Rent(P, Discount, doubles, ints);

        table.Dispose();
        table.Dispose();

        // The hash keys and the entries are doubles, the slot map ints; returned twice, an array would go to two renters.
        Assert.Equal((2, 2), (doubles.Rented, doubles.Returned));
        Assert.Equal((1, 1), (ints.Rented, ints.Returned));
    }

    [Fact]
    public void Rent_WhileAnotherTableIsOut_GivesADifferentTable()
    {
        using var first = BgNbdClvTable.Rent(P, Discount);
        using var second = BgNbdClvTable.Rent(P, Discount);

        Assert.NotSame(first, second);
    }

    [Fact]
    public void TryEvaluate_MatchesThePerPeriodSeries_ForCustomersSharingAndNotSharingT()
    {
        using var table = BgNbdClvTable.Rent(P, Discount);

        foreach (var (x, t) in new[] { (0, 38.86), (2, 38.86), (2, 12.5), (26, 31.0), (2, 38.86) })
        {
            Assert.True(table.TryEvaluate(x, t, 0.5, out var discounted, out var atHorizon));
            var expected = BgNbdModel.DiscountedPurchases(P, x, t, 0.5, Discount, out var expectedAtHorizon);
            Assert.Equal(expected, discounted, 1e-9 * Math.Max(1, expected));
            Assert.Equal(expectedAtHorizon, atHorizon, 1e-9 * Math.Max(1, expectedAtHorizon));
        }
    }

    /// <summary>A pool the test owns, counting what goes out and what comes back.</summary>
    private sealed class CountingPool<T> : ArrayPool<T>
    {
        public int Rented { get; private set; }

        public int Returned { get; private set; }

        public override T[] Rent(int minimumLength)
        {
            Rented++;
            return new T[minimumLength];
        }

        public override void Return(T[] array, bool clearArray = false) => Returned++;
    }
}
