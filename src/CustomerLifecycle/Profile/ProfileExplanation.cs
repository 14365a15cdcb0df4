using System.Globalization;
using CustomerLifecycle.Health;
using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Tiering;
using NodaTime;

namespace CustomerLifecycle.Profile;

/// <summary>Turns a customer view into the decision line and the reasons of its <see cref="Explanation{TResult}"/>: every
/// engine's own reasons, in the order lifecycle, RFM, tier, contact, health, value, lead, loyalty.</summary>
internal static class ProfileExplanation
{
    public static string Decision(CustomerView view)
    {
        var stage = view.Profile.Lifecycle.Stage;
        var health = view.Health.Score is { } score ? $"{view.Health.Band} {score.Value.ToString("0", CultureInfo.InvariantCulture)}" : "health not scored";
        var clv = view.Value is { } value ? $"CLV {value.Clv.ToString("0.00", CultureInfo.InvariantCulture)}" : "no CLV";
        var lead = view.Lead is { } leadScore ? $" · lead {leadScore.Qualification} {leadScore.Total.ToString("0.00", CultureInfo.InvariantCulture)}" : string.Empty;
        return $"{stage} · {view.Tier.Assignment.TierName} · {health} · {clv}{lead}{Loyalty(view.Loyalty)}";
    }

    /// <summary>The loyalty part of the decision: the balance and, when the programme has tiers, the tier; empty without a programme.</summary>
    private static string Loyalty(LoyaltyStatement? statement) => statement is { Balance: var balance }
        ? string.Create(CultureInfo.InvariantCulture, $" · loyalty {balance.Available} available, {balance.Pending} pending{(statement.Tier is { } tier ? $", tier {tier.Name}" : string.Empty)}")
        : string.Empty;

    public static IReadOnlyList<Reason> Reasons(
        CustomerView view,
        Reason? healthBandFed,
        Reason tierValue,
        Reason tierState,
        IReadOnlyList<Reason> valueReasons,
        IReadOnlyList<Reason> leadReasons,
        IReadOnlyList<Reason> loyaltyReasons)
    {
        var reasons = new List<Reason>();
        if (healthBandFed is not null)
        {
            reasons.Add(healthBandFed);
        }

        reasons.AddRange(LifecycleExplanation.Reasons(view.Lifecycle));
        reasons.AddRange(TieringExplanation.Reasons(view.Rfm));
        reasons.Add(tierValue);
        reasons.Add(tierState);
        reasons.AddRange(TieringExplanation.Reasons(view.Tier));
        reasons.AddRange(view.Contact.Reasons);
        reasons.AddRange(HealthExplanation.Reasons(view.Health));
        reasons.AddRange(valueReasons);
        reasons.AddRange(leadReasons);
        reasons.AddRange(loyaltyReasons);
        return reasons;
    }

    /// <summary>What the lead score of a customer who has never bought was read from, and the qualification it gives.</summary>
    public static Reason Lead(LeadScore lead, ProfileRecord profile) => new(
        "profile.lead",
        string.Create(CultureInfo.InvariantCulture, $"Never bought, scored as a lead: {lead.Total:0.00} ({lead.Qualification}) from the attributes and {profile.LeadInteractions.Length} kept interaction(s); the last fold left the prospect {profile.LeadQualification}."),
        new Dictionary<string, object?>
        {
            ["total"] = lead.Total,
            ["qualification"] = lead.Qualification.ToString(),
            ["interactions"] = profile.LeadInteractions.Length,
            ["foldedQualification"] = profile.LeadQualification.ToString(),
        });

    /// <summary>The health band the evaluation fed to the lifecycle, when it differs from the band last fed; otherwise null.</summary>
    public static Reason? HealthBandFed(string? lastFed, CustomerView view)
    {
        var band = view.Profile.Lifecycle.HealthBand;
        if (band is null || string.Equals(band, lastFed, StringComparison.Ordinal))
        {
            return null;
        }

        var id = ProfileHealthBand.EventId(band, view.AsOf);
        return new Reason(
            "profile.health-band",
            $"Health band {band} differs from the band last fed to the lifecycle ({lastFed ?? "none"}): fed as event '{id}' at {view.AsOf}.",
            new Dictionary<string, object?> { ["band"] = band, ["lastFed"] = lastFed, ["event"] = id, ["at"] = view.AsOf });
    }

    /// <summary>Whether the evaluation counted for the tier hysteresis, and the state it started from.</summary>
    public static Reason TierState(ProfileTierState? kept, TierState? previous, Instant asOf, IReadOnlyList<string> tierNames)
    {
        var from = previous is { } p ? $"{tierNames[p.Tier]} with {p.EvaluationsBelow} evaluation(s) below" : "no tier state";
        var counts = kept is { } state && ProfileTierHysteresis.Counts(state, asOf);
        var message = kept switch
        {
            null => "First tier evaluation: there is no tier state yet, so no downgrade waits.",
            { } k when counts => $"The tier evaluation counts: its UTC day is after the tier state's last advance at {k.AdvancedAt}; it starts from {from}.",
            { } k => $"The tier evaluation does not count again: the tier state last advanced at {k.AdvancedAt}, on the same UTC day or later; it starts from the state before that advance, {from}.",
        };
        return new Reason(
            "profile.tier-state",
            message,
            new Dictionary<string, object?> { ["counts"] = kept is null || counts, ["previousTier"] = previous?.Tier, ["evaluationsBelow"] = previous?.EvaluationsBelow, ["advancedAt"] = kept?.AdvancedAt });
    }

    /// <summary>Which value the tiers ranked for the customer: the net spend, or the predicted CLV.</summary>
    public static Reason TierValue(bool byClv, double value) => new(
        "profile.tier-value",
        byClv
            ? string.Create(CultureInfo.InvariantCulture, $"The tiers rank the predicted CLV: {value:0.00} for this customer.")
            : string.Create(CultureInfo.InvariantCulture, $"The tiers rank the net spend: {value:0.00} for this customer."),
        new Dictionary<string, object?> { ["ranked"] = byClv ? "clv" : "net-spend", ["value"] = value });

    public static Reason NoClv(bool neverBought, ProfilePopulation population) => neverBought
        ? new Reason("profile.no-clv", "No CLV: the customer has not bought yet.", new Dictionary<string, object?> { ["cause"] = "no-purchase" })
        : new Reason(
            "profile.no-clv",
            $"No CLV: the population's CLV fit gave no model ({string.Join("; ", population.Fit.Reasons.Select(r => r.Code))}).",
            new Dictionary<string, object?> { ["cause"] = "no-model" });
}
