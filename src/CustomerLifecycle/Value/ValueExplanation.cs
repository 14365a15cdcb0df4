using System.Globalization;

namespace CustomerLifecycle.Value;

/// <summary>Turns a value prediction into the decision line and the reasons of its <see cref="Explanation{TResult}"/>.</summary>
internal static class ValueExplanation
{
    /// <summary>The decision in one line, e.g. <c>"CLV 280.68 over 52 weeks (P(alive) 0.96)"</c>.</summary>
    public static string Decision(ValuePrediction prediction, int horizonPeriods, ValueTimeUnit unit)
    {
        var periods = unit == ValueTimeUnit.Weeks ? "week" : "day";
        return string.Create(CultureInfo.InvariantCulture, $"CLV {prediction.Clv:F2} over {horizonPeriods} {periods}{(horizonPeriods == 1 ? string.Empty : "s")} (P(alive) {prediction.ProbabilityAlive:F2})");
    }

    /// <summary>One reason per figure, each with the inputs, the parameters and its value in the data.</summary>
    public static IReadOnlyList<Reason> Reasons(in CustomerSummary customer, ValueModel model, ValuePrediction prediction, int horizonPeriods, double margin, double discountRate)
    {
        var inputs = new Dictionary<string, object?>
        {
            ["frequency"] = customer.Frequency,
            ["recency"] = customer.Recency,
            ["t"] = customer.T,
            ["model"] = model.Kind.ToString(),
            ["parameters"] = model.Kind == PurchaseModelKind.ParetoNbd ? model.ParetoNbd.ToString() : model.BgNbd.ToString(),
        };
        return
        [
            new(
                "value.probability-alive",
                $"P(alive) is {Format(prediction.ProbabilityAlive)} after {customer.Frequency} repeat purchases, the last at {Format(customer.Recency)} of {Format(customer.T)} periods.",
                new Dictionary<string, object?>(inputs) { ["probabilityAlive"] = prediction.ProbabilityAlive }),
            new(
                "value.expected-purchases",
                $"{Format(prediction.ExpectedPurchases)} purchases are expected in the next {horizonPeriods} periods.",
                new Dictionary<string, object?>(inputs) { ["expectedPurchases"] = prediction.ExpectedPurchases, ["horizonPeriods"] = horizonPeriods }),
            new(
                "value.expected-spend",
                $"The expected spend per purchase is {Format(prediction.ExpectedSpend)} (mean repeat spend {Format(customer.MonetaryValue)} over {customer.Frequency} purchases; Gamma-Gamma {model.Spend}).",
                new Dictionary<string, object?> { ["frequency"] = customer.Frequency, ["monetaryValue"] = customer.MonetaryValue, ["parameters"] = model.Spend.ToString(), ["expectedSpend"] = prediction.ExpectedSpend }),
            new(
                "value.clv",
                $"The discounted CLV over {horizonPeriods} periods is {Format(prediction.Clv)} (margin {Format(margin)}, discount rate {Format(discountRate)} per period).",
                new Dictionary<string, object?> { ["clv"] = prediction.Clv, ["margin"] = margin, ["discountRate"] = discountRate, ["horizonPeriods"] = horizonPeriods }),
        ];
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
