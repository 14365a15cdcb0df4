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
    // Building a table entry (BgNbdClvTable) costs about what the per-period series costs one customer, and the table rents
    // 2 MB of arrays: below this many customers too few share a T for it to pay back.
    private const int MinCustomersForTable = 64;

    private readonly DateTimeZone _zone;
    private readonly double _daysPerUnit;
    private readonly double _margin;
    private readonly DiscountSchedule _discount;
    private readonly FittingOptions _fitting;
    private readonly PurchaseModelKind _purchaseModel;
    private readonly ValueTimeUnit _timeUnit;

    /// <summary>Creates the engine from a policy, validating it.</summary>
    /// <param name="options">The policy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="OptionsValidationException">The policy is invalid; the exception lists every failure.</exception>
    public ValueEngine(ValueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PolicyValidation.ThrowIfInvalid<ValueOptions, ValueOptionsValidator>(options);

        _zone = DateTimeZoneProviders.Tzdb[options.TimeZoneId];
        _timeUnit = options.TimeUnit;
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

        if (model.Kind == PurchaseModelKind.ParetoNbd || HorizonPeriods > BgNbdClvTable.MaxHorizon || customers.Length < MinCustomersForTable)
        {
            for (var i = 0; i < customers.Length; i++)
            {
                outputs[i] = Predict(customers[i], model);
            }

            return;
        }

        // Customers who share T share the per-period work of the CLV sum (see BgNbdClvTable).
        var p = model.BgNbdValue;
        var modified = model.Kind == PurchaseModelKind.ModifiedBgNbd;
        var expectation = modified ? ModifiedBgNbdModel.Shifted(p) : p;
        using var table = BgNbdClvTable.Rent(expectation, _discount);
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

    /// <summary>Explains one customer's predicted value for a person: the decision in one line and the reasons behind each figure.</summary>
    /// <param name="customer">The customer's calibration summary.</param>
    /// <param name="model">The fitted model.</param>
    /// <returns>
    /// The explanation: subject the customer id, decision such as <c>"CLV 280.68 over 52 weeks (P(alive) 0.96)"</c>, result the
    /// prediction <see cref="Evaluate(in CustomerSummary, ValueModel)"/> returns, and one reason per figure (codes
    /// <c>value.probability-alive</c>, <c>value.expected-purchases</c>, <c>value.expected-spend</c>, <c>value.clv</c>) with
    /// its inputs, parameters and value in the data.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public Explanation<ValuePrediction> Explain(in CustomerSummary customer, ValueModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var prediction = Predict(customer, model);
        return new Explanation<ValuePrediction>(
            customer.CustomerId.ToString(),
            ValueExplanation.Decision(prediction, HorizonPeriods, _timeUnit),
            prediction,
            ValueExplanation.Reasons(customer, model, prediction, HorizonPeriods, _margin, _discount.Rate));
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

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
