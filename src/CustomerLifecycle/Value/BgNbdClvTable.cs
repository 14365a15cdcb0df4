using System.Buffers;

namespace CustomerLifecycle.Value;

/// <summary>
/// Speeds up BG/NBD CLV for a batch. E[Y(k)] = P·(a+b+x−1)·[Sₖ − e^(uₖ)·Σⱼ cⱼ zₖʲ], where zₖ = k/(α+T+k), Sₖ and uₖ
/// depend only on T (and the model), and the coefficients cⱼ only on x. The discounted sum over the horizon therefore
/// equals Σⱼ cⱼ Mⱼ(T) with Mⱼ(T) = Σₖ wₖ e^(uₖ) zₖʲ: customers who share T (every customer whose first purchase was on the
/// same day) share the table of Mⱼ, and each customer costs one short dot product instead of a series per period.
/// </summary>
/// <remarks>Arrays come from <see cref="ArrayPool{T}"/> and go back on <see cref="Dispose"/>: a warm batch allocates nothing.</remarks>
internal struct BgNbdClvTable : IDisposable
{
    /// <summary>Terms per table entry; customers whose series needs more use the per-period path.</summary>
    public const int Terms = 128;

    /// <summary>Horizons longer than this are not tabulated (building an entry costs horizon × <see cref="Terms"/>).</summary>
    public const int MaxHorizon = 1024;

    private const int Capacity = 1024;
    private const int Slots = 2048;

    // Per entry: Terms values of M, Terms values of N (the horizon's e^(u_H) z_H^j), then SD, S_H, z_H.
    private const int Stride = (2 * Terms) + 3;

    private readonly BgNbdParameters _p;
    private readonly DiscountSchedule _discount;
    private double[] _keys;
    private int[] _slotEntry;
    private double[] _data;
    private int _count;

    public BgNbdClvTable(BgNbdParameters p, DiscountSchedule discount)
    {
        _p = p;
        _discount = discount;
        _keys = ArrayPool<double>.Shared.Rent(Slots);
        _slotEntry = ArrayPool<int>.Shared.Rent(Slots);
        _data = ArrayPool<double>.Shared.Rent(Capacity * Stride);
        Array.Fill(_slotEntry, -1, 0, Slots);
        _count = 0;
    }

    public void Dispose()
    {
        ArrayPool<double>.Shared.Return(_keys);
        ArrayPool<int>.Shared.Return(_slotEntry);
        ArrayPool<double>.Shared.Return(_data);
        _keys = [];
        _slotEntry = [];
        _data = [];
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
        var zH = row[(2 * Terms) + 2];
        var upper = _p.A + _p.B - 1.0 - _p.R;
        var lower = _p.A + _p.B + x - 1.0;
        var c = upper / lower;
        double sumM = 0, sumN = 0, power = zH;
        for (var j = 0; j < Terms; j++)
        {
            sumM += c * m[j];
            sumN += c * n[j];
            if (Math.Abs(c * power) <= 1e-17 * Math.Abs(sumN) || c == 0)
            {
                var scale = lower * probabilityAlive;
                discounted = Math.Max(scale * (row[2 * Terms] - sumM), 0.0);
                atHorizon = Math.Max(scale * (row[(2 * Terms) + 1] - sumN), 0.0);
                return true;
            }

            power *= zH;
            c *= (upper + j + 1) * (_p.A + j) / ((lower + j + 1) * (j + 2));
        }

        return false;
    }

    private int Entry(double t)
    {
        var hash = (int)((ulong)(BitConverter.DoubleToInt64Bits(t) * unchecked((long)0x9E3779B97F4A7C15)) >> 53);
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

    private readonly void Build(double t, Span<double> row)
    {
        row.Clear();
        var m = row[..Terms];
        var n = row.Slice(Terms, Terms);
        var horizon = _discount.Horizon;
        var weights = _discount.Weights;
        var scale = _p.Alpha + t;
        var am1 = _p.A - 1.0;
        double sd = 0, sH = 0, zH = 0;
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
                zH = z;
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
        row[(2 * Terms) + 2] = zH;
    }
}
