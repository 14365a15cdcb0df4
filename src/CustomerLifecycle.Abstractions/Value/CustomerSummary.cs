using System.Globalization;

namespace CustomerLifecycle.Value;

/// <summary>
/// A customer's purchase history reduced to what the CLV models need (frequency, recency, age) for a calibration period,
/// plus what happened in the holdout period after it.
/// </summary>
/// <remarks>
/// Times are in the period unit of the summary (days or weeks). <c>default(CustomerSummary)</c> is a customer with a
/// default id, no repeat purchase and no history (T = 0); create summaries with <see cref="Create"/> or from transactions.
/// </remarks>
public readonly record struct CustomerSummary
{
    private CustomerSummary(CustomerId customerId, int frequency, double recency, double t, double monetaryValue, int holdoutFrequency, double holdoutSpend)
    {
        CustomerId = customerId;
        Frequency = frequency;
        Recency = recency;
        T = t;
        MonetaryValue = monetaryValue;
        HoldoutFrequency = holdoutFrequency;
        HoldoutSpend = holdoutSpend;
    }

    /// <summary>Gets the customer.</summary>
    public CustomerId CustomerId { get; }

    /// <summary>Gets the number of repeat purchase periods in calibration (x): purchase periods after the first.</summary>
    public int Frequency { get; }

    /// <summary>Gets the time from the first purchase to the last repeat purchase (tₓ); 0 when <see cref="Frequency"/> is 0.</summary>
    public double Recency { get; }

    /// <summary>Gets the time from the first purchase to the calibration end (T).</summary>
    public double T { get; }

    /// <summary>Gets the mean spend per repeat purchase period in calibration (the first purchase left out); 0 when <see cref="Frequency"/> is 0.</summary>
    public double MonetaryValue { get; }

    /// <summary>Gets the number of purchase periods in the holdout period; 0 when there is no holdout.</summary>
    public int HoldoutFrequency { get; }

    /// <summary>Gets the total spend in the holdout period; 0 when there is no holdout.</summary>
    public double HoldoutSpend { get; }

    /// <summary>Creates a summary from values the host already has.</summary>
    /// <param name="customerId">The customer; <c>default</c> is allowed for anonymous model inputs.</param>
    /// <param name="frequency">The repeat purchase periods (x), at least 0.</param>
    /// <param name="recency">The time of the last repeat purchase since the first (tₓ), within [0, <paramref name="t"/>]; 0 when x is 0.</param>
    /// <param name="t">The time from the first purchase to the calibration end (T), finite and at least 0.</param>
    /// <param name="monetaryValue">The mean spend per repeat purchase period, finite.</param>
    /// <param name="holdoutFrequency">The purchase periods in the holdout, at least 0.</param>
    /// <param name="holdoutSpend">The holdout spend, finite.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range, NaN or infinite; the message names it.</exception>
    public static CustomerSummary Create(CustomerId customerId, int frequency, double recency, double t, double monetaryValue = 0, int holdoutFrequency = 0, double holdoutSpend = 0)
    {
        if (frequency < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(frequency), frequency, $"Frequency must be >= 0 but was {frequency}.");
        }

        if (!(t >= 0) || double.IsPositiveInfinity(t))
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, $"T must be a finite number >= 0 but was {Format(t)}.");
        }

        if (!(recency >= 0 && recency <= t))
        {
            throw new ArgumentOutOfRangeException(nameof(recency), recency, $"Recency must be in [0, T = {Format(t)}] but was {Format(recency)}.");
        }

        if (frequency == 0 && recency != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(recency), recency, $"Recency must be 0 when frequency is 0 but was {Format(recency)}.");
        }

        if (!double.IsFinite(monetaryValue))
        {
            throw new ArgumentOutOfRangeException(nameof(monetaryValue), monetaryValue, $"MonetaryValue must be a finite number but was {Format(monetaryValue)}.");
        }

        if (holdoutFrequency < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(holdoutFrequency), holdoutFrequency, $"HoldoutFrequency must be >= 0 but was {holdoutFrequency}.");
        }

        if (!double.IsFinite(holdoutSpend))
        {
            throw new ArgumentOutOfRangeException(nameof(holdoutSpend), holdoutSpend, $"HoldoutSpend must be a finite number but was {Format(holdoutSpend)}.");
        }

        return new CustomerSummary(customerId, frequency, recency, t, monetaryValue, holdoutFrequency, holdoutSpend);
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
