using System.Collections.Immutable;
using System.Globalization;

namespace CustomerLifecycle.Loyalty;

/// <summary>Login streaks: a login a calendar day, and the points of the day that completes the streak.</summary>
public sealed partial class LoyaltyEngine
{
    private const string LoginStreakRuleId = "loyalty.login-streak";

    private Step Login(ImmutableArray<LoyaltyEntry> entries, LoyaltyLogin login)
    {
        if (_loginStreakDays == 0)
        {
            return Step.Refuse(LoyaltyRefusals.Refuse("loyalty.no-login-streak", "Command", nameof(LoyaltyLogin), "the policy has no login streak (LoginStreakDays is 0)."));
        }

        var day = login.At.InZone(_zone).Date;
        var streak = 1;
        var expected = day.PlusDays(-1);

        // Walk the recorded login days newest first: the streak is the run of consecutive days before today, back to the
        // day after the last streak rewarded.
        for (var i = entries.Length - 1; i >= 0; i--)
        {
            var entry = entries[i];
            var isLogin = entry.Kind == LoyaltyEntryKind.Login || (entry.Kind == LoyaltyEntryKind.Earn && entry.RuleId == LoginStreakRuleId);
            if (!isLogin)
            {
                continue;
            }

            var loggedIn = entry.At.InZone(_zone).Date;
            if (loggedIn == day)
            {
                return Step.Refuse(LoyaltyRefusals.Refuse("loyalty.login-already-recorded", "At", login.At, $"a login on {day:yyyy-MM-dd} is already recorded by command '{entry.Key}'."));
            }

            if (loggedIn != expected || entry.Kind == LoyaltyEntryKind.Earn)
            {
                break;
            }

            streak++;
            expected = expected.PlusDays(-1);
        }

        if (streak < _loginStreakDays)
        {
            return Step.Write(new LoyaltyEntry
            {
                Key = login.Key,
                Kind = LoyaltyEntryKind.Login,
                At = login.At,
                Points = 0,
                RuleId = "loyalty.login",
                Reason = string.Create(CultureInfo.InvariantCulture, $"Login on {day:yyyy-MM-dd} ({_zone.Id}): day {streak} of a {_loginStreakDays}-day login streak."),
            });
        }

        var (tierMultiplier, tierNote) = TierBonus(entries, login.At);
        var points = (long)Round(_loginStreakPoints * tierMultiplier);
        var bonus = _tiers is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{tierNote} = {points}");
        var (capped, capNote) = Cap(entries, login.At, points);
        var rollsTo = RollsTo(login.At);
        return Step.Write(new LoyaltyEntry
        {
            Key = login.Key,
            Kind = LoyaltyEntryKind.Earn,
            At = login.At,
            Points = capped,
            RuleId = LoginStreakRuleId,
            Reason = string.Create(CultureInfo.InvariantCulture, $"Login streak: {_loginStreakDays} consecutive days from {day.PlusDays(1 - _loginStreakDays):yyyy-MM-dd} to {day:yyyy-MM-dd} ({_zone.Id}): {_loginStreakPoints} points{bonus}{capNote}{RollNote(rollsTo)}."),
            Multiplier = tierMultiplier,
            AvailableFrom = login.At,
            ExpiresAt = ExpiryOf(login.At),
            RollsExpiryTo = rollsTo,
        });
    }
}
