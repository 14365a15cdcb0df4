using System.Buffers;

namespace CustomerLifecycle.Value;

/// <summary>
/// Speeds up BG/NBD CLV for a batch. E[Y(k)] = P·(a+b+x−1)·[Sₖ − e^(uₖ)·Σⱼ cⱼ zₖʲ], where zₖ = k/(α+T+k), Sₖ and uₖ
/// depend only on T (and the model), and the coefficients cⱼ only on x. The discounted sum over the horizon therefore
/// equals Σⱼ cⱼ Mⱼ(T) with Mⱼ(T) = Σₖ wₖ e^(uₖ) zₖʲ: customers who share T (every customer whose first purchase was on the
/// same day) share the table of Mⱼ, and each customer costs one short dot product instead of a series per period.
/// </summary>
/// <remarks>
/// A class, so that a copy cannot return the pooled arrays a second time: one table serves one batch, rented with
/// <see cref="Rent(BgNbdParameters, DiscountSchedule)"/> and given back with <see cref="Dispose"/>. Its arrays come from
/// <see cref="ArrayPool{T}"/> and the object itself is kept per thread, so a warm batch allocates nothing.
/// </remarks>
internal sealed class BgNbdClvTable : IDisposable
{
    /// <summary>Terms per table entry; customers whose series needs more use the per-period path.</summary>
    public const int Terms = 128;

    /// <summary>Horizons longer than this are not tabulated (building an entry costs horizon × <see cref="Terms"/>).</summary>
    public const int MaxHorizon = 1024;

    // Entries (distinct T) per batch: 1024 × Stride doubles fill about 2 MB; customers whose T comes after the table is full
    // take the per-period path.
    private const int Capacity = 1024;

    // Slots must be a power of two: a probe wraps with & (Slots − 1), and the hash is the top SlotBits bits of a 64-bit
    // product. Both derive from SlotBits, so changing the table size cannot leave the shift behind.
    private const int SlotBits = 11;
    private const int Slots = 1 << SlotBits;
    private const int HashShift = 64 - SlotBits;

    // Per entry: Terms values of M, Terms values of N (the horizon's e^(u_H) z_H^j), then SD and S_H.
    private const int Stride = (2 * Terms) + 2;

    [ThreadStatic]
    private static BgNbdClvTable? t_spare;

    private BgNbdParameters _p;
    private DiscountSchedule? _discount;
    private ArrayPool<double> _doubles = ArrayPool<double>.Shared;
    private ArrayPool<int> _ints = ArrayPool<int>.Shared;
    private double[] _keys = [];
    private int[] _slotEntry = [];
    private double[] _data = [];
    private int _count;

    private BgNbdClvTable()
    {
    }

    /// <summary>An empty table for one batch; give it back with <see cref="Dispose"/>.</summary>
    public static BgNbdClvTable Rent(BgNbdParameters p, DiscountSchedule discount) => Rent(p, discount, ArrayPool<double>.Shared, ArrayPool<int>.Shared);

    /// <summary>An empty table whose arrays come from (and go back to) the given pools: a test can count what is returned.</summary>
    internal static BgNbdClvTable Rent(BgNbdParameters p, DiscountSchedule discount, ArrayPool<double> doubles, ArrayPool<int> ints)
    {
        var table = t_spare ?? new BgNbdClvTable();
        t_spare = null;
        table._p = p;
        table._discount = discount;
        table._doubles = doubles;
        table._ints = ints;
        table._keys = doubles.Rent(Slots);
        table._slotEntry = ints.Rent(Slots);
        table._data = doubles.Rent(Capacity * Stride);
        Array.Fill(table._slotEntry, -1, 0, Slots);
        table._count = 0;
        return table;
    }

    /// <summary>Returns the arrays to their pool and the table to the thread's spare; a second call does nothing.</summary>
    public void Dispose()
    {
        if (_discount is null)
        {
            return;
        }

        _doubles.Return(_keys);
        _ints.Return(_slotEntry);
        _doubles.Return(_data);
        _keys = [];
        _slotEntry = [];
        _data = [];
        _discount = null;
        t_spare = this;
    }

    /// <summary>The discounted purchases and E[Y(H)] from the table; false when the customer needs the per-period path.</summary>
    public bool TryEvaluate(int x, double t, double probabilityAlive, out double discounted, out double atHorizon)
    {
        discounted = 0;
        atHorizon = 0;
        var entry = Entry(t);
        if (entry < 0)
        {
            return false;
        }

        var row = _data.AsSpan(entry * Stride, Stride);
        var m = row[..Terms];
        var n = row.Slice(Terms, Terms);
        var series = new BgNbdSeries(_p, x);
        var c = series.First;
        double sumM = 0, sumN = 0;
        for (var j = 0; j < Terms; j++)
        {
            var termM = c * m[j];
            var termN = c * n[j];
            sumM += termM;
            sumN += termN;

            // Both sums are answers (the discounted purchases and E[Y(H)]): neither may stop short.
            if (SpecialFunctions.IsLastTerm(termM, sumM) && SpecialFunctions.IsLastTerm(termN, sumN))
            {
                var scale = series.Lower * probabilityAlive;
                discounted = Math.Max(scale * (row[2 * Terms] - sumM), 0.0);
                atHorizon = Math.Max(scale * (row[(2 * Terms) + 1] - sumN), 0.0);
                return true;
            }

            c *= series.Ratio(j + 1);
        }

        return false;
    }

    private int Entry(double t)
    {
        // Fibonacci hashing: the top bits of the product by 2⁶⁴/φ mix every bit of T's representation.
        var hash = (int)((ulong)(BitConverter.DoubleToInt64Bits(t) * unchecked((long)0x9E3779B97F4A7C15)) >> HashShift);
        for (var probe = 0; probe < Slots; probe++)
        {
            var slot = (hash + probe) & (Slots - 1);
            var entry = _slotEntry[slot];
            if (entry < 0)
            {
                if (_count == Capacity)
                {
                    return -1;
                }

                entry = _count++;
                _keys[slot] = t;
                _slotEntry[slot] = entry;
                Build(t, _data.AsSpan(entry * Stride, Stride));
                return entry;
            }

            if (_keys[slot].Equals(t))
            {
                return entry;
            }
        }

        return -1;
    }

    private void Build(double t, Span<double> row)
    {
        row.Clear();
        var m = row[..Terms];
        var n = row.Slice(Terms, Terms);
        var horizon = _discount!.Horizon;
        var weights = _discount.Weights;
        var scale = _p.Alpha + t;
        var am1 = _p.A - 1.0;
        double sd = 0, sH = 0;
        for (var k = 1; k <= horizon; k++)
        {
            var w = weights[k];
            var logOneMinusZ = -SpecialFunctions.Log1P(k / scale);
            var z = k / (scale + k);
            var u = am1 * logOneMinusZ;
            var eu = Math.Exp(u);
            var s = -logOneMinusZ * SpecialFunctions.ExpM1OverX(u);
            sd += w * s;
            var weight = w * eu;
            var power = z;
            for (var j = 0; j < Terms; j++)
            {
                m[j] += weight * power;
                power *= z;
            }

            if (k == horizon)
            {
                sH = s;
                power = z;
                for (var j = 0; j < Terms; j++)
                {
                    n[j] = eu * power;
                    power *= z;
                }
            }
        }

        row[2 * Terms] = sd;
        row[(2 * Terms) + 1] = sH;
    }
}
