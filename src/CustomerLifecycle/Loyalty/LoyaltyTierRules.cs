namespace CustomerLifecycle.Loyalty;

/// <summary>The validation rules of a policy's tiers (<see cref="LoyaltyOptions.Tiers"/> and the settings beside them).</summary>
internal static class LoyaltyTierRules
{
    /// <summary>Adds every problem of the tiers to <paramref name="failures"/>; returns the valid tier ids, for the rewards' <c>RequiredTier</c>.</summary>
    public static HashSet<string> Collect(LoyaltyOptions options, List<string> failures)
    {
        if (!Enum.IsDefined(options.TierWindow))
        {
            failures.Add($"TierWindow: {(int)options.TierWindow} is not a LoyaltyTierWindow.");
        }

        LoyaltyOptionsValidator.CheckRange(failures, "TierGraceDays", options.TierGraceDays, 0, 180);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var tiers = options.Tiers ?? [];
        LoyaltyTierOptions? below = null;
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            var path = $"Tiers[{i}]";
            if (tier is null)
            {
                failures.Add($"{path}: must not be null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(tier.Id))
            {
                failures.Add($"{path}.Id: must not be empty.");
            }
            else if (!ids.Add(tier.Id))
            {
                failures.Add($"{path}.Id: '{tier.Id}' is used by more than one tier.");
            }

            if (string.IsNullOrWhiteSpace(tier.Name))
            {
                failures.Add($"{path}.Name: must not be empty.");
            }

            if (tier.EarnMultiplier <= 0 || tier.EarnMultiplier > 10)
            {
                failures.Add(LoyaltyOptionsValidator.Invariant($"{path}.EarnMultiplier: must be in (0, 10] but was {tier.EarnMultiplier}."));
            }

            CheckBenefits(path, tier.Benefits, failures);
            CheckThresholds(path, i, tier, below, failures);
            below = tier;
        }

        return ids;
    }

    private static void CheckThresholds(string path, int index, LoyaltyTierOptions tier, LoyaltyTierOptions? below, List<string> failures)
    {
        if (index == 0)
        {
            if (tier.QualifyingPoints is not null || tier.QualifyingSpend is not null)
            {
                failures.Add($"{path}: the first tier is the one every member starts in; it must have no QualifyingPoints or QualifyingSpend.");
            }

            return;
        }

        if (tier.QualifyingPoints is null && tier.QualifyingSpend is null)
        {
            failures.Add($"{path}: must have QualifyingPoints, QualifyingSpend or both.");
        }

        if (tier.QualifyingPoints is { } points)
        {
            LoyaltyOptionsValidator.CheckPoints(failures, $"{path}.QualifyingPoints", points, 1);
            if (below?.QualifyingPoints is { } lower && points <= lower)
            {
                failures.Add(LoyaltyOptionsValidator.Invariant($"{path}.QualifyingPoints: must be above Tiers[{index - 1}]'s ({lower}) but was {points}."));
            }
        }

        if (tier.QualifyingSpend is { } spend)
        {
            if (spend <= 0 || spend > 1_000_000_000m)
            {
                failures.Add(LoyaltyOptionsValidator.Invariant($"{path}.QualifyingSpend: must be in (0, 1000000000] but was {spend}."));
            }
            else if (below?.QualifyingSpend is { } lower && spend <= lower)
            {
                failures.Add(LoyaltyOptionsValidator.Invariant($"{path}.QualifyingSpend: must be above Tiers[{index - 1}]'s ({lower}) but was {spend}."));
            }
        }
    }

    private static void CheckBenefits(string path, List<string>? benefits, List<string> failures)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        benefits ??= [];
        for (var b = 0; b < benefits.Count; b++)
        {
            if (string.IsNullOrWhiteSpace(benefits[b]))
            {
                failures.Add($"{path}.Benefits[{b}]: must not be empty.");
            }
            else if (!seen.Add(benefits[b]))
            {
                failures.Add($"{path}.Benefits[{b}]: '{benefits[b]}' is listed more than once.");
            }
        }
    }
}
