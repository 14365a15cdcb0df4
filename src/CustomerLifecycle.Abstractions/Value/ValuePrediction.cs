namespace CustomerLifecycle.Value;

/// <summary>One customer's predicted value: the compact output of the batch API.</summary>
/// <param name="ProbabilityAlive">The probability that the customer is still active at the calibration end, in [0, 1].</param>
/// <param name="ExpectedPurchases">The expected number of purchase periods in the next horizon.</param>
/// <param name="ExpectedSpend">The expected spend per purchase (Gamma-Gamma conditional mean).</param>
/// <param name="Clv">The discounted customer lifetime value over the horizon: margin × expected spend × discounted expected purchases.</param>
public readonly record struct ValuePrediction(double ProbabilityAlive, double ExpectedPurchases, double ExpectedSpend, double Clv);
