using CustomerLifecycle.Internal;

namespace CustomerLifecycle.Value.Kpis;

/// <summary>
/// Customer KPIs as pure functions, each compared with its target from <see cref="KpiOptions"/>. Immutable and thread-safe.
/// Rates are shares in [0, 1]; an empty population is an error, not a silent 0.
/// </summary>
public sealed class KpiCalculator
{
    private readonly KpiOptions _targets;

    /// <summary>Creates a calculator with the given targets.</summary>
    /// <param name="options">The targets and CSAT scale; copied, and checked by <see cref="KpiOptionsValidator"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A target is out of range; the exception lists every failure.</exception>
    public KpiCalculator(KpiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PolicyValidation.ThrowIfInvalid<KpiOptions, KpiOptionsValidator>(options);

        _targets = new KpiOptions
        {
            MonthlyRetentionTarget = options.MonthlyRetentionTarget,
            YearlyRetentionTarget = options.YearlyRetentionTarget,
            MonthlyChurnTarget = options.MonthlyChurnTarget,
            YearlyChurnTarget = options.YearlyChurnTarget,
            NpsTarget = options.NpsTarget,
            CsatTarget = options.CsatTarget,
            CsatScaleMax = options.CsatScaleMax,
            CsatSatisfiedFrom = options.CsatSatisfiedFrom,
            RepurchaseTarget = options.RepurchaseTarget,
            ReferralTarget = options.ReferralTarget,
            CrossSellTarget = options.CrossSellTarget,
            UpSellTarget = options.UpSellTarget,
            ComplaintResolutionTarget = options.ComplaintResolutionTarget,
            ComplaintResolutionHoursTarget = options.ComplaintResolutionHoursTarget,
            ClvToAcquisitionCostTarget = options.ClvToAcquisitionCostTarget,
        };
    }

    /// <summary>Retention rate = (customers at the end − new customers won during the period) / customers at the start.</summary>
    /// <param name="customersAtStart">Customers at the start of the period, &gt; 0.</param>
    /// <param name="customersAtEnd">Customers at the end of the period.</param>
    /// <param name="newCustomers">Customers won during the period, at most <paramref name="customersAtEnd"/>.</param>
    /// <param name="period">The period, which picks the target (monthly ≥ 0.70, yearly ≥ 0.80 by default).</param>
    /// <returns>The rate (code <c>kpi.retention</c>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, the start is 0, the new customers exceed the end, or more customers are retained than there were.</exception>
    public KpiResult RetentionRate(int customersAtStart, int customersAtEnd, int newCustomers, KpiPeriod period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(customersAtStart);
        ArgumentOutOfRangeException.ThrowIfNegative(customersAtEnd);
        ArgumentOutOfRangeException.ThrowIfNegative(newCustomers);
        if (newCustomers > customersAtEnd)
        {
            throw new ArgumentOutOfRangeException(nameof(newCustomers), newCustomers, $"New customers ({newCustomers}) cannot exceed the customers at the end ({customersAtEnd}).");
        }

        if (customersAtEnd - newCustomers > customersAtStart)
        {
            throw new ArgumentOutOfRangeException(nameof(customersAtEnd), customersAtEnd, $"Retained customers ({customersAtEnd - newCustomers}) cannot exceed the customers at the start ({customersAtStart}).");
        }

        return new KpiResult("kpi.retention", (double)(customersAtEnd - newCustomers) / customersAtStart, RetentionTarget(period), true);
    }

    /// <summary>Churn rate = customers lost during the period / customers at the start.</summary>
    /// <param name="customersAtStart">Customers at the start of the period, &gt; 0.</param>
    /// <param name="customersLost">Customers lost during the period, at most <paramref name="customersAtStart"/>.</param>
    /// <param name="period">The period, which picks the target (monthly ≤ 0.30, yearly ≤ 0.20 by default).</param>
    /// <returns>The rate (code <c>kpi.churn</c>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, the start is 0, or more customers are lost than there were.</exception>
    public KpiResult ChurnRate(int customersAtStart, int customersLost, KpiPeriod period)
        => new("kpi.churn", Share(customersLost, customersAtStart, nameof(customersLost), nameof(customersAtStart)), ChurnTarget(period), false);

    /// <summary>A cohort's retention curve (active[k] / active[0]) and its retention and churn from each period to the next.</summary>
    /// <param name="activeByPeriod">Active customers of the cohort at periods 0, 1, 2, …; active[0] &gt; 0 and no count above it.</param>
    /// <param name="period">The length of one period, which picks the targets.</param>
    /// <returns>The curve and the per-period rates.</returns>
    /// <exception cref="ArgumentException">There are no periods, active[0] is 0, or a count is negative or above active[0]; the message names the index.</exception>
    public CohortRetention CohortRetention(ReadOnlySpan<int> activeByPeriod, KpiPeriod period)
    {
        if (activeByPeriod.IsEmpty || activeByPeriod[0] <= 0)
        {
            throw new ArgumentException("activeByPeriod[0]: the cohort size must be > 0.", nameof(activeByPeriod));
        }

        for (var k = 1; k < activeByPeriod.Length; k++)
        {
            if (activeByPeriod[k] < 0 || activeByPeriod[k] > activeByPeriod[0])
            {
                throw new ArgumentException($"activeByPeriod[{k}]: must be in [0, {activeByPeriod[0]}] (the cohort size) but was {activeByPeriod[k]}.", nameof(activeByPeriod));
            }
        }

        var curve = new double[activeByPeriod.Length];
        var retention = new KpiResult[activeByPeriod.Length - 1];
        var churn = new KpiResult[activeByPeriod.Length - 1];
        curve[0] = 1.0;
        for (var k = 1; k < activeByPeriod.Length; k++)
        {
            curve[k] = (double)activeByPeriod[k] / activeByPeriod[0];
            var rate = activeByPeriod[k - 1] == 0 ? double.NaN : (double)activeByPeriod[k] / activeByPeriod[k - 1];
            retention[k - 1] = new KpiResult("kpi.retention", rate, RetentionTarget(period), true);
            churn[k - 1] = new KpiResult("kpi.churn", 1 - rate, ChurnTarget(period), false);
        }

        return new CohortRetention(curve, retention, churn);
    }

    /// <summary>Net promoter score = 100 × (promoters (9–10) − detractors (0–6)) / answers, in [−100, 100].</summary>
    /// <param name="answers">Answers to "how likely are you to recommend us", each 0–10; at least one.</param>
    /// <returns>The score (code <c>kpi.nps</c>; target ≥ 50 by default).</returns>
    /// <exception cref="ArgumentException">There are no answers, or an answer is outside 0–10; the message names its index.</exception>
    public KpiResult Nps(ReadOnlySpan<int> answers)
    {
        if (answers.IsEmpty)
        {
            throw new ArgumentException("answers: NPS needs at least one answer.", nameof(answers));
        }

        int promoters = 0, detractors = 0;
        for (var i = 0; i < answers.Length; i++)
        {
            var a = answers[i];
            if (a is < 0 or > 10)
            {
                throw new ArgumentException($"answers[{i}]: must be in [0, 10] but was {a}.", nameof(answers));
            }

            promoters += a >= 9 ? 1 : 0;
            detractors += a <= 6 ? 1 : 0;
        }

        return new KpiResult("kpi.nps", 100.0 * (promoters - detractors) / answers.Length, _targets.NpsTarget, true);
    }

    /// <summary>CSAT = share of answers at or above the satisfied mark (4–5 on a 1–5 scale by default).</summary>
    /// <param name="answers">Answers on the 1 to <see cref="KpiOptions.CsatScaleMax"/> scale; at least one.</param>
    /// <returns>The share (code <c>kpi.csat</c>; target ≥ 0.80 by default).</returns>
    /// <exception cref="ArgumentException">There are no answers, or an answer is outside the scale; the message names its index.</exception>
    public KpiResult Csat(ReadOnlySpan<int> answers)
    {
        if (answers.IsEmpty)
        {
            throw new ArgumentException("answers: CSAT needs at least one answer.", nameof(answers));
        }

        var satisfied = 0;
        for (var i = 0; i < answers.Length; i++)
        {
            var a = answers[i];
            if (a < 1 || a > _targets.CsatScaleMax)
            {
                throw new ArgumentException($"answers[{i}]: must be in [1, {_targets.CsatScaleMax}] but was {a}.", nameof(answers));
            }

            satisfied += a >= _targets.CsatSatisfiedFrom ? 1 : 0;
        }

        return new KpiResult("kpi.csat", (double)satisfied / answers.Length, _targets.CsatTarget, true);
    }

    /// <summary>Repurchase rate = customers with more than one purchase / customers.</summary>
    /// <param name="customers">The customers, &gt; 0.</param>
    /// <param name="repeatCustomers">Those who bought again.</param>
    /// <returns>The rate (code <c>kpi.repurchase</c>; target ≥ 0.80 by default).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, there are no customers, or the part exceeds the whole.</exception>
    public KpiResult RepurchaseRate(int customers, int repeatCustomers)
        => new("kpi.repurchase", Share(repeatCustomers, customers, nameof(repeatCustomers), nameof(customers)), _targets.RepurchaseTarget, true);

    /// <summary>Referral rate = customers who referred someone / customers.</summary>
    /// <param name="customers">The customers, &gt; 0.</param>
    /// <param name="referringCustomers">Those who referred at least one new customer.</param>
    /// <returns>The rate (code <c>kpi.referral</c>; target ≥ 0.30 by default).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, there are no customers, or the part exceeds the whole.</exception>
    public KpiResult ReferralRate(int customers, int referringCustomers)
        => new("kpi.referral", Share(referringCustomers, customers, nameof(referringCustomers), nameof(customers)), _targets.ReferralTarget, true);

    /// <summary>Cross-sell rate = customers who bought a further product (category) / customers.</summary>
    /// <param name="customers">The customers, &gt; 0.</param>
    /// <param name="crossSoldCustomers">Those who bought a product they had not bought before.</param>
    /// <returns>The rate (code <c>kpi.cross-sell</c>; target ≥ 0.15 by default).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, there are no customers, or the part exceeds the whole.</exception>
    public KpiResult CrossSellRate(int customers, int crossSoldCustomers)
        => new("kpi.cross-sell", Share(crossSoldCustomers, customers, nameof(crossSoldCustomers), nameof(customers)), _targets.CrossSellTarget, true);

    /// <summary>Up-sell rate = customers who moved to a higher plan or edition / customers.</summary>
    /// <param name="customers">The customers, &gt; 0.</param>
    /// <param name="upSoldCustomers">Those who upgraded.</param>
    /// <returns>The rate (code <c>kpi.up-sell</c>; target ≥ 0.10 by default).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, there are no customers, or the part exceeds the whole.</exception>
    public KpiResult UpSellRate(int customers, int upSoldCustomers)
        => new("kpi.up-sell", Share(upSoldCustomers, customers, nameof(upSoldCustomers), nameof(customers)), _targets.UpSellTarget, true);

    /// <summary>Complaint resolution rate = complaints resolved / complaints received.</summary>
    /// <param name="complaints">The complaints received, &gt; 0.</param>
    /// <param name="resolved">Those resolved.</param>
    /// <returns>The rate (code <c>kpi.complaint-resolution</c>; target ≥ 0.95 by default).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, there are no complaints, or more are resolved than received.</exception>
    public KpiResult ComplaintResolutionRate(int complaints, int resolved)
        => new("kpi.complaint-resolution", Share(resolved, complaints, nameof(resolved), nameof(complaints)), _targets.ComplaintResolutionTarget, true);

    /// <summary>Mean complaint resolution time, in hours, from receipt to resolution.</summary>
    /// <param name="hours">Each resolved complaint's resolution time in hours, finite and ≥ 0; at least one.</param>
    /// <returns>The mean (code <c>kpi.complaint-resolution-mean-hours</c>; target ≤ 24 by default).</returns>
    /// <exception cref="ArgumentException">There are no times, or a time is negative or not finite; the message names its index.</exception>
    public KpiResult MeanResolutionHours(ReadOnlySpan<double> hours)
    {
        CheckHours(hours);
        var sum = 0.0;
        foreach (var h in hours)
        {
            sum += h;
        }

        return new KpiResult("kpi.complaint-resolution-mean-hours", sum / hours.Length, _targets.ComplaintResolutionHoursTarget, false);
    }

    /// <summary>Median complaint resolution time, in hours (the mean of the two middle values for an even count).</summary>
    /// <param name="hours">Each resolved complaint's resolution time in hours, finite and ≥ 0; at least one.</param>
    /// <returns>The median (code <c>kpi.complaint-resolution-median-hours</c>; target ≤ 24 by default).</returns>
    /// <exception cref="ArgumentException">There are no times, or a time is negative or not finite; the message names its index.</exception>
    public KpiResult MedianResolutionHours(ReadOnlySpan<double> hours)
    {
        CheckHours(hours);
        var sorted = hours.ToArray();
        Array.Sort(sorted);
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new KpiResult("kpi.complaint-resolution-median-hours", median, _targets.ComplaintResolutionHoursTarget, false);
    }

    /// <summary>CLV : acquisition cost = customer lifetime value / cost of acquiring the customer.</summary>
    /// <param name="clv">The customer lifetime value, finite.</param>
    /// <param name="acquisitionCost">The acquisition cost, finite and &gt; 0.</param>
    /// <returns>The ratio (code <c>kpi.clv-to-acquisition-cost</c>; target ≥ 10 by default).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clv"/> is not finite, or <paramref name="acquisitionCost"/> is not finite and &gt; 0.</exception>
    public KpiResult ClvToAcquisitionCost(double clv, double acquisitionCost)
    {
        Guard.Finite(clv);
        if (!(acquisitionCost > 0) || double.IsPositiveInfinity(acquisitionCost))
        {
            throw new ArgumentOutOfRangeException(nameof(acquisitionCost), acquisitionCost, $"The acquisition cost must be a finite number > 0 but was {Guard.Format(acquisitionCost)}.");
        }

        return new KpiResult("kpi.clv-to-acquisition-cost", clv / acquisitionCost, _targets.ClvToAcquisitionCostTarget, true);
    }

    private double RetentionTarget(KpiPeriod period) => period == KpiPeriod.Yearly ? _targets.YearlyRetentionTarget : _targets.MonthlyRetentionTarget;

    private double ChurnTarget(KpiPeriod period) => period == KpiPeriod.Yearly ? _targets.YearlyChurnTarget : _targets.MonthlyChurnTarget;

    private static double Share(int part, int whole, string partName, string wholeName)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(whole, wholeName);
        ArgumentOutOfRangeException.ThrowIfNegative(part, partName);
        if (part > whole)
        {
            throw new ArgumentOutOfRangeException(partName, part, $"{partName} ({part}) cannot exceed {wholeName} ({whole}).");
        }

        return (double)part / whole;
    }

    private static void CheckHours(ReadOnlySpan<double> hours)
    {
        if (hours.IsEmpty)
        {
            throw new ArgumentException("hours: at least one resolution time is needed.", nameof(hours));
        }

        for (var i = 0; i < hours.Length; i++)
        {
            if (!(hours[i] >= 0) || double.IsPositiveInfinity(hours[i]))
            {
                throw new ArgumentException($"hours[{i}]: must be a finite number >= 0 but was {Guard.Format(hours[i])}.", nameof(hours));
            }
        }
    }
}
