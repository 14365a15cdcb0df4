using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>Earning: a purchase's points per currency unit, an activity's fixed points, both held to the caps.</summary>
public sealed partial class LoyaltyEngine
{
    // An amount above this is a mistake in the host's data, not a purchase; it also keeps every product of points far from overflow.
    private const decimal MaxAmount = 1_000_000_000m;

    private static readonly string[] ActivityRuleIds = ["loyalty.survey-answered", "loyalty.referral-converted", "loyalty.review-written"];

    private Step Earn(ImmutableArray<LoyaltyEntry> entries, LoyaltyPurchase purchase)
    {
        if ((LoyaltyRefusals.NotEmpty("OrderId", purchase.OrderId) ?? LoyaltyRefusals.Amount(purchase.Amount, MaxAmount)) is { } invalid)
        {
            return Step.Refuse(invalid);
        }

        if (EarnOf(entries, purchase.OrderId) is { } earlier)
        {
            return Step.Refuse(LoyaltyRefusals.Refuse("loyalty.order-already-earned", "OrderId", purchase.OrderId, $"order '{purchase.OrderId}' already earned points with command '{earlier.Key}'."));
        }

        var category = string.IsNullOrWhiteSpace(purchase.Category) ? null : purchase.Category;
        var (tierMultiplier, tierNote) = TierBonus(entries, purchase.At);
        var (campaignMultiplier, campaignNote) = Campaigns(c => c.AppliesToPurchase(purchase.At, category));
        var multiplier = category is not null && _categoryMultipliers.TryGetValue(category, out var m) ? m : 1m;
        long points;
        string why;
        if (category is not null && _excludedCategories.Contains(category))
        {
            (points, why) = (0, $"category '{category}' earns nothing");
        }
        else if (purchase.Amount < _minimumSpend)
        {
            (points, why) = (0, string.Create(CultureInfo.InvariantCulture, $"{purchase.Amount} is below the minimum spend {_minimumSpend}"));
        }
        else
        {
            var exact = purchase.Amount * _pointsPerUnit * multiplier * campaignMultiplier * tierMultiplier;
            points = (long)Round(exact);
            why = string.Create(CultureInfo.InvariantCulture, $"{purchase.Amount} × {_pointsPerUnit} points per unit × {multiplier}{campaignNote}{tierNote} = {exact}, {RoundingWord()} {points}");
        }

        var (capped, capNote) = Cap(entries, purchase.At, points);
        var rollsTo = RollsTo(purchase.At);
        return Step.Write(new LoyaltyEntry
        {
            Key = purchase.Key,
            Kind = LoyaltyEntryKind.Earn,
            At = purchase.At,
            Points = capped,
            RuleId = "loyalty.purchase",
            Reason = $"Purchase {purchase.OrderId}: {why}{capNote}; pending until {purchase.At + _holding}{RollNote(rollsTo)}.",
            Multiplier = multiplier * campaignMultiplier * tierMultiplier,
            OrderId = purchase.OrderId,
            Amount = purchase.Amount,
            AvailableFrom = purchase.At + _holding,
            ExpiresAt = ExpiryOf(purchase.At),
            RollsExpiryTo = rollsTo,
        });
    }

    private Step Earn(ImmutableArray<LoyaltyEntry> entries, LoyaltyActivity activity)
    {
        if (!Enum.IsDefined(activity.Kind))
        {
            return Step.Refuse(LoyaltyRefusals.Invalid("Kind", activity.Kind, $"{(int)activity.Kind} is not a LoyaltyActivityKind."));
        }

        var (tierMultiplier, tierNote) = TierBonus(entries, activity.At);
        var (campaignMultiplier, campaignNote) = Campaigns(c => c.AppliesToActivity(activity.At, activity.Kind));
        var basePoints = _activityPoints[(int)activity.Kind];
        var points = (long)Round(basePoints * campaignMultiplier * tierMultiplier);
        var bonus = campaignNote.Length == 0 && tierNote.Length == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{campaignNote}{tierNote} = {points}");
        var (capped, capNote) = Cap(entries, activity.At, points);
        var rollsTo = RollsTo(activity.At);
        return Step.Write(new LoyaltyEntry
        {
            Key = activity.Key,
            Kind = LoyaltyEntryKind.Earn,
            At = activity.At,
            Points = capped,
            RuleId = ActivityRuleIds[(int)activity.Kind],
            Reason = $"{activity.Kind}: {basePoints} points{bonus}{capNote}{RollNote(rollsTo)}.",
            Multiplier = campaignMultiplier * tierMultiplier,
            AvailableFrom = activity.At,
            ExpiresAt = ExpiryOf(activity.At),
            RollsExpiryTo = rollsTo,
        });
    }

    /// <summary>The earning multiplier of the member's tier at <paramref name="at"/>, and the reason's factor naming it (empty without tiers).</summary>
    private (decimal Multiplier, string Note) TierBonus(ImmutableArray<LoyaltyEntry> entries, Instant at)
    {
        if (_tiers is null)
        {
            return (1m, string.Empty);
        }

        var tier = _tiers.TierAt(entries, at);
        return (_tiers.Multiplier(tier), string.Create(CultureInfo.InvariantCulture, $" × {_tiers.Multiplier(tier)} (tier {_tiers.Id(tier)})"));
    }

    /// <summary>The product of the multipliers of the campaigns that apply, and the reason's factors naming them (empty when none does).</summary>
    private (decimal Multiplier, string Note) Campaigns(Func<LoyaltyCampaign, bool> applies)
    {
        var multiplier = 1m;
        var note = string.Empty;
        foreach (var campaign in _campaigns)
        {
            if (applies(campaign))
            {
                multiplier *= campaign.Multiplier;
                note += string.Create(CultureInfo.InvariantCulture, $" × {campaign.Multiplier} (campaign {campaign.Id})");
            }
        }

        return (multiplier, note);
    }

    private static LoyaltyEntry? EarnOf(ImmutableArray<LoyaltyEntry> entries, string orderId)
    {
        foreach (var entry in entries)
        {
            if (entry.Kind == LoyaltyEntryKind.Earn && entry.OrderId == orderId)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Holds <paramref name="points"/> to what the day's, month's and year's caps leave, counting every earn of the member in each.</summary>
    private (long Points, string Note) Cap(ImmutableArray<LoyaltyEntry> entries, Instant at, long points)
    {
        var date = at.InZone(_zone).Date;
        long day = 0, month = 0, year = 0;
        foreach (var entry in entries)
        {
            if (entry.Kind != LoyaltyEntryKind.Earn)
            {
                continue;
            }

            var earned = entry.At.InZone(_zone).Date;
            if (earned.Year == date.Year)
            {
                year += entry.Points;
                if (earned.Month == date.Month)
                {
                    month += entry.Points;
                    day += earned.Day == date.Day ? entry.Points : 0;
                }
            }
        }

        var capped = points;
        var note = string.Empty;
        foreach (var (cap, used, name) in new[] { (_dailyCap, day, "daily"), (_monthlyCap, month, "monthly"), (_yearlyCap, year, "yearly") })
        {
            if (cap is { } limit && used + capped > limit)
            {
                capped = Math.Max(0, limit - used);
                note = $", held to {capped} by the {name} cap of {limit} ({used} already earned)";
            }
        }

        return (capped, note);
    }

    private decimal Round(decimal exact) => _rounding switch
    {
        LoyaltyRounding.Nearest => decimal.Round(exact, MidpointRounding.AwayFromZero),
        LoyaltyRounding.Ceiling => decimal.Ceiling(exact),
        _ => decimal.Floor(exact),
    };

    private string RoundingWord() => _rounding switch
    {
        LoyaltyRounding.Nearest => "rounded to",
        LoyaltyRounding.Ceiling => "rounded up to",
        _ => "rounded down to",
    };
}
