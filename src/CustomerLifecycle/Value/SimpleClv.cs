using CustomerLifecycle.Internal;

namespace CustomerLifecycle.Value;

/// <summary>CLV for hosts without transaction detail: historic CLV and the retention formula.</summary>
public static class SimpleClv
{
    /// <summary>Historic CLV: the sum of the margins the customer has brought so far.</summary>
    /// <param name="margins">The margin of each order (negative for a loss or a refund), each finite.</param>
    /// <returns>The sum; 0 for no orders.</returns>
    /// <exception cref="ArgumentException">A margin is NaN or infinite; the message names its index.</exception>
    public static double Historic(ReadOnlySpan<double> margins)
    {
        var sum = 0.0;
        for (var i = 0; i < margins.Length; i++)
        {
            if (!double.IsFinite(margins[i]))
            {
                throw new ArgumentException($"margins[{i}]: must be a finite number but was {Guard.Format(margins[i])}.", nameof(margins));
            }

            sum += margins[i];
        }

        return sum;
    }

    /// <summary>
    /// The retention formula CLV = m · r / (1 + d − r): the discounted margin of a customer who stays each period with
    /// probability r, over an infinite horizon, with the first margin at the end of the first period.
    /// </summary>
    /// <param name="marginPerPeriod">The margin m per period, finite.</param>
    /// <param name="retentionRate">The retention rate r per period, in [0, 1].</param>
    /// <param name="discountRate">The discount rate d per period, finite and ≥ 0; d = 0 needs r &lt; 1.</param>
    /// <returns>The CLV.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range, or r = 1 with d = 0 (the value is infinite).</exception>
    public static double RetentionFormula(double marginPerPeriod, double retentionRate, double discountRate)
    {
        Guard.Finite(marginPerPeriod);
        Guard.InRange(retentionRate, 0, 1);
        if (!(discountRate >= 0) || double.IsPositiveInfinity(discountRate))
        {
            throw new ArgumentOutOfRangeException(nameof(discountRate), discountRate, $"The discount rate must be a finite number >= 0 but was {Guard.Format(discountRate)}.");
        }

        if (retentionRate == 1 && discountRate == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(retentionRate), retentionRate, "With retention 1 and discount rate 0 the CLV is infinite; use a discount rate > 0.");
        }

        return marginPerPeriod * retentionRate / (1 + discountRate - retentionRate);
    }
}
