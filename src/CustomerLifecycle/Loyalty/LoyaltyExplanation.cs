using System.Globalization;
using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>Turns a loyalty statement into the decision line and the reasons of its <see cref="Explanation{TResult}"/>.</summary>
internal static class LoyaltyExplanation
{
    public static string Decision(LoyaltyStatement statement, Duration warning)
    {
        var b = statement.Balance;
        return string.Create(CultureInfo.InvariantCulture, $"{b.Available} points available, {b.Pending} pending, {b.ExpiringSoon} expiring within {warning.Days} days");
    }

    public static IReadOnlyList<Reason> Reasons(LoyaltyRecord account, LoyaltyStatement statement)
    {
        var reasons = new List<Reason>(account.Entries.Length + statement.Lots.Length + 1);
        foreach (var entry in account.Entries)
        {
            reasons.Add(new Reason(
                entry.RuleId,
                string.Create(CultureInfo.InvariantCulture, $"{entry.At} {entry.Kind} {entry.Points:+0;-0;0}: {entry.Reason}"),
                new Dictionary<string, object?> { ["key"] = entry.Key, ["kind"] = entry.Kind, ["at"] = entry.At, ["points"] = entry.Points }));
        }

        foreach (var lot in statement.Lots)
        {
            var when = lot.State switch
            {
                LoyaltyLotState.Pending => $"pending until {lot.AvailableFrom}, expires {lot.ExpiresAt}",
                LoyaltyLotState.Available => $"available until {lot.ExpiresAt}",
                _ => $"expired at {lot.ExpiresAt}",
            };
            reasons.Add(new Reason(
                "loyalty.lot",
                string.Create(CultureInfo.InvariantCulture, $"Lot {lot.Key}: {lot.Remaining} of {lot.Points} points, {when}."),
                new Dictionary<string, object?> { ["lot"] = lot.Key, ["remaining"] = lot.Remaining, ["state"] = lot.State, ["expiresAt"] = lot.ExpiresAt }));
        }

        if (statement.Balance.Debt > 0)
        {
            reasons.Add(new Reason(
                "loyalty.debt",
                string.Create(CultureInfo.InvariantCulture, $"{statement.Balance.Debt} points taken back by refunds were already spent; they are deducted from the available points."),
                new Dictionary<string, object?> { ["debt"] = statement.Balance.Debt }));
        }

        return reasons;
    }
}
