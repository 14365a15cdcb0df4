using System.Globalization;
using CustomerLifecycle.Internal;
using CustomerLifecycle.Value.Kpis;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerLifecycle.Value;

/// <summary>
/// The customer-value engine: summarises transactions, fits the purchase and spend models, and predicts each customer's
/// probability of being alive, expected purchases, expected spend and discounted CLV. Sealed, immutable and thread-safe.
/// </summary>
public sealed class ValueEngine
{
    private readonly DateTimeZone _zone;
    private readonly double _daysPerUnit;
    private readonly double _margin;
    private readonly DiscountSchedule _discount;
    private readonly FittingOptions _fitting;
    private readonly PurchaseModelKind _purchaseModel;

    /// <summary>Creates the engine from a policy, validating it.</summary>
    /// <param name="options">The policy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="OptionsValidationException">The policy is invalid; the exception lists every failure.</exception>
    public ValueEngine(ValueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PolicyValidation.ThrowIfAny<ValueOptions>(new ValueOptionsValidator().Validate(Options.DefaultName, options).Failures);

        _zone = DateTimeZoneProviders.Tzdb[options.TimeZoneId];
        _daysPerUnit = options.TimeUnit == ValueTimeUnit.Weeks ? 7.0 : 1.0;
        _margin = options.Margin;
        _purchaseModel = options.PurchaseModel;
        _fitting = new FittingOptions
        {
            MaxIterations = options.Fitting.MaxIterations,
            GradientTolerance = options.Fitting.GradientTolerance,
            L2Penalty = options.Fitting.L2Penalty,
        };
        _discount = new DiscountSchedule(options.DiscountRate, options.HorizonPeriods);

        Kpis = new KpiCalculator(options.Kpis);
    }

    /// <summary>Gets the horizon of expected purchases and CLV, in periods.</summary>
    public int HorizonPeriods => _discount.Horizon;

    /// <summary>Gets the KPI calculator with this policy's targets.</summary>
    public KpiCalculator Kpis { get; }

    /// <summary>Summarises transactions per customer for a calibration period and an optional holdout period.</summary>
    /// <param name="transactions">The transactions, in any order. Purchases on one calendar day (in the policy's time zone) count once.</param>
    /// <param name="calibrationEnd">The last instant of calibration; transactions on its calendar day belong to calibration.</param>
    /// <param name="holdoutEnd">The last instant of the holdout, or <see langword="null"/> for no holdout.</param>
    /// <returns>
    /// One summary per customer with a purchase in calibration, ordered by customer id, and reasons naming what was left out
    /// (for example <c>value.no-calibration-data</c> when the calibration end is before every transaction).
    /// </returns>
    /// <exception cref="ArgumentException">A transaction has a default customer id or a non-finite amount; the message names its index.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="holdoutEnd"/> is before <paramref name="calibrationEnd"/>.</exception>
    public TransactionSummary Summarize(ReadOnlySpan<ValueTransaction> transactions, Instant calibrationEnd, Instant? holdoutEnd = null)
    {
        if (holdoutEnd is { } end && end < calibrationEnd)
        {
            throw new ArgumentOutOfRangeException(nameof(holdoutEnd), end, $"The holdout end {end} is before the calibration end {calibrationEnd}.");
        }

        return TransactionSummarizer.Summarize(transactions, calibrationEnd, holdoutEnd, _zone, _daysPerUnit);
    }

    /// <summary>Fits the policy's purchase model and the Gamma-Gamma spend model to the customers' summaries.</summary>
    /// <param name="customers">The customers' calibration summaries.</param>
    /// <returns>The model and both fit reports; never throws for hard or degenerate data (see <see cref="ValueFit.Reasons"/>).</returns>
    public ValueFit Fit(ReadOnlySpan<CustomerSummary> customers)
    {
        var reasons = new List<Reason>();
        var spendFit = GammaGammaModel.Fit(customers, _fitting);
        double purchaseLl;
        IReadOnlyList<double> purchaseSe;
        FitReport purchaseReport;
        Func<GammaGammaParameters, ValueModel>? combine = null;
        if (_purchaseModel is PurchaseModelKind.BgNbd or PurchaseModelKind.ModifiedBgNbd)
        {
            var modified = _purchaseModel == PurchaseModelKind.ModifiedBgNbd;
            var fit = modified ? ModifiedBgNbdModel.Fit(customers, _fitting) : BgNbdModel.Fit(customers, _fitting);
            (purchaseLl, purchaseSe, purchaseReport) = (fit.LogLikelihood, fit.StandardErrors, fit.Report);
            if (fit.Parameters is { } p)
            {
                combine = spend => modified ? ValueModel.FromModifiedBgNbd(p, spend) : ValueModel.FromBgNbd(p, spend);
            }
        }
        else
        {
            var fit = ParetoNbdModel.Fit(customers, _fitting);
            (purchaseLl, purchaseSe, purchaseReport) = (fit.LogLikelihood, fit.StandardErrors, fit.Report);
            if (fit.Parameters is { } p)
            {
                combine = spend => ValueModel.FromParetoNbd(p, spend);
            }
        }

        AddFitReasons(reasons, "purchase", purchaseReport);
        AddFitReasons(reasons, "spend", spendFit.Report);
        ValueModel? model = null;
        if (combine is not null && spendFit.Parameters is { } spendParameters)
        {
            if (spendParameters.Q > 1)
            {
                model = combine(spendParameters);
            }
            else
            {
                reasons.Add(new Reason(
                    "value.spend-mean-infinite",
                    $"The fitted Gamma-Gamma q is {Format(spendParameters.Q)} <= 1: the expected spend is infinite, so no model is returned; add an L2 penalty or more repeat buyers.",
                    new Dictionary<string, object?> { ["q"] = spendParameters.Q }));
            }
        }

        return new ValueFit(model, purchaseLl, purchaseSe, purchaseReport, spendFit.LogLikelihood, spendFit.Report, reasons);
    }

    /// <summary>Predicts one customer's value; allocates nothing.</summary>
    /// <param name="customer">The customer's calibration summary.</param>
    /// <param name="model">The fitted model.</param>
    /// <returns>P(alive), expected purchases over the horizon, expected spend per purchase and discounted CLV.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public ValuePrediction Evaluate(in CustomerSummary customer, ValueModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Predict(customer, model);
    }

    /// <summary>Predicts many customers' values into <paramref name="outputs"/>; allocates nothing per customer.</summary>
    /// <param name="customers">The customers' calibration summaries.</param>
    /// <param name="model">The fitted model.</param>
    /// <param name="outputs">Receives one prediction per customer, at the same index; at least as long as <paramref name="customers"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="outputs"/> is shorter than <paramref name="customers"/>.</exception>
    public void Evaluate(ReadOnlySpan<CustomerSummary> customers, ValueModel model, Span<ValuePrediction> outputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (outputs.Length < customers.Length)
        {
            throw new ArgumentException($"The outputs hold {outputs.Length} predictions but there are {customers.Length} customers.", nameof(outputs));
        }

        if (model.Kind == PurchaseModelKind.ParetoNbd || HorizonPeriods > BgNbdClvTable.MaxHorizon || customers.Length < 64)
        {
            for (var i = 0; i < customers.Length; i++)
            {
                outputs[i] = Predict(customers[i], model);
            }

            return;
        }

        // Customers who share T share the per-period work of the CLV sum (see BgNbdClvTable).
        var p = model.BgNbdValue;
        // Not a using declaration: that would make the mutable struct read-only and every call work on a copy.
        var table = new BgNbdClvTable(model.Kind == PurchaseModelKind.ModifiedBgNbd ? ModifiedBgNbdModel.Shifted(p) : p, _discount);
        try
        {
            EvaluateWithTable(customers, model, outputs, ref table);
        }
        finally
        {
            table.Dispose();
        }
    }

    private void EvaluateWithTable(ReadOnlySpan<CustomerSummary> customers, ValueModel model, Span<ValuePrediction> outputs, ref BgNbdClvTable table)
    {
        var p = model.BgNbdValue;
        var modified = model.Kind == PurchaseModelKind.ModifiedBgNbd;
        var expectation = modified ? ModifiedBgNbdModel.Shifted(p) : p;
        for (var i = 0; i < customers.Length; i++)
        {
            ref readonly var c = ref customers[i];
            var alive = modified
                ? ModifiedBgNbdModel.ProbabilityAliveCore(p, c.Frequency, c.Recency, c.T)
                : BgNbdModel.ProbabilityAliveCore(p, c.Frequency, c.Recency, c.T);
            if (!table.TryEvaluate(c.Frequency, c.T, alive, out var discounted, out var atHorizon))
            {
                discounted = BgNbdModel.DiscountedPurchases(expectation, c.Frequency, c.T, alive, _discount, out atHorizon);
            }

            var spend = GammaGammaModel.ExpectedSpendCore(model.Spend, c.Frequency, c.MonetaryValue);
            outputs[i] = new ValuePrediction(alive, atHorizon, spend, _margin * spend * discounted);
        }
    }

    /// <summary>Predicts one customer's value with the reasons behind each figure.</summary>
    /// <param name="customer">The customer's calibration summary.</param>
    /// <param name="model">The fitted model.</param>
    /// <returns>The prediction and one reason per figure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public ValueExplanation Explain(in CustomerSummary customer, ValueModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var prediction = Predict(customer, model);
        var inputs = new Dictionary<string, object?>
        {
            ["frequency"] = customer.Frequency,
            ["recency"] = customer.Recency,
            ["t"] = customer.T,
            ["model"] = model.Kind.ToString(),
            ["parameters"] = model.Kind == PurchaseModelKind.ParetoNbd ? model.ParetoNbd.ToString() : model.BgNbd.ToString(),
        };
        var reasons = new List<Reason>
        {
            new("value.probability-alive", $"P(alive) is {Format(prediction.ProbabilityAlive)} after {customer.Frequency} repeat purchases, the last at {Format(customer.Recency)} of {Format(customer.T)} periods.", With(inputs, "probabilityAlive", prediction.ProbabilityAlive)),
            new("value.expected-purchases", $"{Format(prediction.ExpectedPurchases)} purchases are expected in the next {HorizonPeriods} periods.", With(inputs, "expectedPurchases", prediction.ExpectedPurchases, "horizonPeriods", HorizonPeriods)),
            new("value.expected-spend", $"The expected spend per purchase is {Format(prediction.ExpectedSpend)} (mean repeat spend {Format(customer.MonetaryValue)} over {customer.Frequency} purchases; Gamma-Gamma {model.Spend}).", new Dictionary<string, object?> { ["frequency"] = customer.Frequency, ["monetaryValue"] = customer.MonetaryValue, ["parameters"] = model.Spend.ToString(), ["expectedSpend"] = prediction.ExpectedSpend }),
            new("value.clv", $"The discounted CLV over {HorizonPeriods} periods is {Format(prediction.Clv)} (margin {Format(_margin)}, discount rate {Format(_discount.Rate)} per period).", new Dictionary<string, object?> { ["clv"] = prediction.Clv, ["margin"] = _margin, ["discountRate"] = _discount.Rate, ["horizonPeriods"] = HorizonPeriods }),
        };
        return new ValueExplanation(customer, prediction, reasons);
    }

    private ValuePrediction Predict(in CustomerSummary c, ValueModel model)
    {
        double alive, discounted, atHorizon;
        if (model.Kind == PurchaseModelKind.BgNbd)
        {
            var p = model.BgNbdValue;
            alive = BgNbdModel.ProbabilityAliveCore(p, c.Frequency, c.Recency, c.T);
            discounted = BgNbdModel.DiscountedPurchases(p, c.Frequency, c.T, alive, _discount, out atHorizon);
        }
        else if (model.Kind == PurchaseModelKind.ModifiedBgNbd)
        {
            var p = model.BgNbdValue;
            alive = ModifiedBgNbdModel.ProbabilityAliveCore(p, c.Frequency, c.Recency, c.T);
            discounted = BgNbdModel.DiscountedPurchases(ModifiedBgNbdModel.Shifted(p), c.Frequency, c.T, alive, _discount, out atHorizon);
        }
        else
        {
            var p = model.ParetoNbdValue;
            alive = ParetoNbdModel.ProbabilityAliveCore(p, c.Frequency, c.Recency, c.T);
            discounted = ParetoNbdModel.DiscountedPurchases(p, c.Frequency, c.T, alive, _discount.Factors, out atHorizon);
        }

        var spend = GammaGammaModel.ExpectedSpendCore(model.Spend, c.Frequency, c.MonetaryValue);
        return new ValuePrediction(alive, atHorizon, spend, _margin * spend * discounted);
    }

    private static void AddFitReasons(List<Reason> reasons, string which, FitReport report)
    {
        if (report.Status == FitStatus.Converged)
        {
            return;
        }

        var code = report.Status == FitStatus.InsufficientData ? $"value.{which}-fit-failed" : $"value.{which}-fit-not-converged";
        reasons.Add(new Reason(code, report.Message, new Dictionary<string, object?> { ["status"] = report.Status.ToString(), ["iterations"] = report.Iterations, ["gradientNorm"] = report.GradientNorm }));
    }

    private static Dictionary<string, object?> With(Dictionary<string, object?> inputs, string key, object? value, string? key2 = null, object? value2 = null)
    {
        var data = new Dictionary<string, object?>(inputs) { [key] = value };
        if (key2 is not null)
        {
            data[key2] = value2;
        }

        return data;
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
