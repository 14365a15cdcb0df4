using System.Globalization;
using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>Turns a loyalty statement into the decision line and the reasons of its <see cref="Explanation{TResult}"/>.</summary>
internal static class LoyaltyExplanation
{
    public static string Decision(LoyaltyStatement statement, Duration warning)
    {
        var b = statement.Balance;
        var line = string.Create(CultureInfo.InvariantCulture, $"{b.Available} points available, {b.Pending} pending, {b.ExpiringSoon} expiring within {warning.Days} days");
        return statement.Tier is { } tier ? $"{line}; tier {tier.Name}" : line;
    }

    public static IReadOnlyList<Reason> Reasons(LoyaltyRecord account, LoyaltyStatement statement, Reason? expiryPolicy)
    {
        var reasons = new List<Reason>(account.Entries.Length + statement.Lots.Length + 2);
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

        if (expiryPolicy is not null)
        {
            reasons.Add(expiryPolicy);
        }

        if (statement.Balance.Debt > 0)
        {
            reasons.Add(new Reason(
                "loyalty.debt",
                string.Create(CultureInfo.InvariantCulture, $"{statement.Balance.Debt} points taken back by refunds were already spent; they are deducted from the available points."),
                new Dictionary<string, object?> { ["debt"] = statement.Balance.Debt }));
        }

        if (statement.Tier is { } tier)
        {
            AddTier(reasons, tier);
        }

        return reasons;
    }

    private static void AddTier(List<Reason> reasons, LoyaltyTierStatus tier)
    {
        var held = tier.MatchedUntil is { } until ? $"matched until {until}" : tier.DropsAt is { } drops ? $"drops at {drops}" : tier.ReviewAt is { } review ? $"reviewed at {review}" : "the first tier";
        var next = tier.NextTier is null ? "the highest tier" : string.Create(CultureInfo.InvariantCulture, $"{tier.PointsToNextTier?.ToString(CultureInfo.InvariantCulture) ?? "-"} points or {tier.SpendToNextTier?.ToString(CultureInfo.InvariantCulture) ?? "-"} spend short of {tier.NextTier}");
        reasons.Add(new Reason(
            "loyalty.tier",
            string.Create(CultureInfo.InvariantCulture, $"Tier {tier.Name} ({held}): earns × {tier.Multiplier}, benefits [{string.Join(", ", tier.Benefits)}]; {tier.QualifyingPoints} qualifying points and {tier.QualifyingSpend} spend since {tier.WindowStart}, {next}."),
            new Dictionary<string, object?> { ["tier"] = tier.Tier, ["multiplier"] = tier.Multiplier, ["benefits"] = tier.Benefits, ["qualifyingPoints"] = tier.QualifyingPoints, ["qualifyingSpend"] = tier.QualifyingSpend }));
        foreach (var change in tier.Changes)
        {
            reasons.Add(new Reason(change.Code, $"{change.At} {change.From} → {change.To}: {change.Reason}", new Dictionary<string, object?> { ["at"] = change.At, ["from"] = change.From, ["to"] = change.To }));
        }
    }
}
