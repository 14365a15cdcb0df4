using System.Runtime.InteropServices;
using CustomerLifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Value;

/// <summary>Turns transactions into per-customer (x, tₓ, T, mean repeat spend) summaries in linear time.</summary>
internal static class TransactionSummarizer
{
    private const long TicksPerDay = NodaConstants.TicksPerDay;

    public static TransactionSummary Summarize(ReadOnlySpan<ValueTransaction> transactions, Instant calibrationEnd, Instant? holdoutEnd, DateTimeZone zone, double daysPerUnit)
    {
        // Check everything first so that bad data changes nothing.
        for (var i = 0; i < transactions.Length; i++)
        {
            if (transactions[i].CustomerId.IsDefault)
            {
                throw new ArgumentException($"transactions[{i}].CustomerId: is default(CustomerId); create ids with CustomerId.From(value).", nameof(transactions));
            }

            if (!double.IsFinite(transactions[i].Amount))
            {
                throw new ArgumentException($"transactions[{i}].Amount: must be a finite number but was {Guard.Format(transactions[i].Amount)}.", nameof(transactions));
            }
        }

        var utc = zone == DateTimeZone.Utc;
        var calibrationDay = Day(calibrationEnd, zone, utc);
        var holdoutDay = holdoutEnd is { } h ? Day(h, zone, utc) : calibrationDay;

        // Counting sort by customer: ids to dense indices, then every customer's transactions side by side.
        var n = transactions.Length;
        // Keyed by the string: Dictionary<string, …> starts with its faster non-randomised string hashing.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var customerOf = new int[n];
        var counts = new List<int>();
        var ids = new List<CustomerId>();
        for (var i = 0; i < n; i++)
        {
            ref readonly var t = ref transactions[i];
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(index, t.CustomerId.Value!, out var exists);
            if (!exists)
            {
                slot = ids.Count;
                ids.Add(t.CustomerId);
                counts.Add(0);
            }

            customerOf[i] = slot;
            CollectionsMarshal.AsSpan(counts)[slot]++;
        }

        var customers = ids.Count;
        var start = new int[customers + 1];
        for (var c = 0; c < customers; c++)
        {
            start[c + 1] = start[c] + counts[c];
        }

        var next = start.AsSpan(0, customers).ToArray();
        var days = new long[n];
        var amounts = new double[n];
        for (var i = 0; i < n; i++)
        {
            var slot = next[customerOf[i]]++;
            days[slot] = Day(transactions[i].At, zone, utc);
            amounts[slot] = transactions[i].Amount;
        }

        // Output in customer-id order, so the result does not depend on the order of the transactions.
        var order = new int[customers];
        for (var c = 0; c < customers; c++)
        {
            order[c] = c;
        }

        var keys = new string[customers];
        for (var c = 0; c < customers; c++)
        {
            keys[c] = ids[c].Value!;
        }

        Array.Sort(keys, order, StringComparer.Ordinal);

        var result = new List<CustomerSummary>(customers);
        long repeatTotal = 0, holdoutTotal = 0;
        int late = 0, refundOnly = 0, afterHoldout = 0;
        foreach (var c in order)
        {
            var segmentDays = days.AsSpan(start[c], start[c + 1] - start[c]);
            var segmentAmounts = amounts.AsSpan(start[c], start[c + 1] - start[c]);
            segmentDays.Sort(segmentAmounts);
            var summary = SummarizeCustomer(ids[c], segmentDays, segmentAmounts, calibrationDay, holdoutDay, daysPerUnit, ref afterHoldout, out var outcome);
            switch (outcome)
            {
                case Outcome.Summarized:
                    result.Add(summary);
                    repeatTotal += summary.Frequency;
                    holdoutTotal += summary.HoldoutFrequency;
                    break;
                case Outcome.FirstPurchaseAfterCalibration:
                    late++;
                    break;
                default:
                    refundOnly++;
                    break;
            }
        }

        return new TransactionSummary(result, repeatTotal, holdoutTotal, Reasons(n, result.Count, late, refundOnly, holdoutEnd is null ? 0 : afterHoldout, calibrationEnd));
    }

    private enum Outcome
    {
        Summarized,
        FirstPurchaseAfterCalibration,
        NoPurchase,
    }

    private static CustomerSummary SummarizeCustomer(
        CustomerId id, ReadOnlySpan<long> days, ReadOnlySpan<double> amounts, long calibrationDay, long holdoutDay, double daysPerUnit, ref int afterHoldout, out Outcome outcome)
    {
        long firstDay = long.MinValue, lastDay = long.MinValue;
        int purchaseDays = 0, holdoutDays = 0;
        double repeatSpend = 0, holdoutSpend = 0;
        var anyPurchaseLater = false;
        var i = 0;
        while (i < days.Length)
        {
            var day = days[i];
            var dayTotal = 0.0;
            var purchase = false;
            for (; i < days.Length && days[i] == day; i++)
            {
                dayTotal += amounts[i];

                // A zero amount is a free order: still a purchase. A refund alone is not.
                purchase |= amounts[i] >= 0;
            }

            if (day <= calibrationDay)
            {
                if (firstDay == long.MinValue)
                {
                    if (!purchase)
                    {
                        // Refunds before the first purchase belong to no purchase we model.
                        continue;
                    }

                    firstDay = day;
                    lastDay = day;
                    purchaseDays = 1;
                    continue;
                }

                repeatSpend += dayTotal;
                if (purchase)
                {
                    purchaseDays++;
                    lastDay = day;
                }
            }
            else if (day <= holdoutDay)
            {
                holdoutSpend += dayTotal;
                anyPurchaseLater |= purchase;
                holdoutDays += purchase ? 1 : 0;
            }
            else
            {
                afterHoldout++;
                anyPurchaseLater |= purchase;
            }
        }

        if (firstDay == long.MinValue)
        {
            outcome = anyPurchaseLater ? Outcome.FirstPurchaseAfterCalibration : Outcome.NoPurchase;
            return default;
        }

        outcome = Outcome.Summarized;
        var x = purchaseDays - 1;
        return CustomerSummary.Create(
            id,
            x,
            (lastDay - firstDay) / daysPerUnit,
            (calibrationDay - firstDay) / daysPerUnit,
            x > 0 ? repeatSpend / x : 0.0,
            holdoutDays,
            holdoutSpend);
    }

    private static List<Reason> Reasons(int transactions, int summarized, int late, int refundOnly, int afterHoldout, Instant calibrationEnd)
    {
        var reasons = new List<Reason>();
        if (summarized == 0)
        {
            reasons.Add(new Reason(
                "value.no-calibration-data",
                $"No customer has a purchase on or before the calibration end {calibrationEnd}: there is nothing to summarise ({transactions} transactions given).",
                new Dictionary<string, object?> { ["transactions"] = transactions, ["calibrationEnd"] = calibrationEnd }));
        }

        if (late > 0)
        {
            reasons.Add(new Reason(
                "value.customers-after-calibration",
                $"{Customers(late)} made their first purchase after the calibration end and {(late == 1 ? "is" : "are")} left out.",
                new Dictionary<string, object?> { ["customers"] = late }));
        }

        if (refundOnly > 0)
        {
            reasons.Add(new Reason(
                "value.refund-only-customers",
                $"{Customers(refundOnly)} with refunds (negative amounts) but no purchase {(refundOnly == 1 ? "is" : "are")} left out.",
                new Dictionary<string, object?> { ["customers"] = refundOnly }));
        }

        if (afterHoldout > 0)
        {
            reasons.Add(new Reason(
                "value.transactions-after-holdout",
                $"{afterHoldout} customer-days with transactions fall after the holdout end and are ignored.",
                new Dictionary<string, object?> { ["days"] = afterHoldout }));
        }

        return reasons;
    }

    private static string Customers(int count) => count == 1 ? "1 customer" : $"{count} customers";

    private static long Day(Instant instant, DateTimeZone zone, bool utc)
    {
        var ticks = instant.ToUnixTimeTicks();
        if (!utc)
        {
            ticks += zone.GetUtcOffset(instant).Ticks;
        }

        return Math.DivRem(ticks, TicksPerDay, out var rest) - (rest < 0 ? 1 : 0);
    }
}
