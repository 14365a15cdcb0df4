using CustomerLifecycle.Loyalty;
using NodaTime;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

/// <summary>Three consecutive days of logins in Berlin (UTC+1 in January) earn 30 points.</summary>
public sealed class LoyaltyLoginStreakTests
{
    private static readonly LoyaltyEngine Streaky = Engine(o =>
    {
        o.TimeZoneId = "Europe/Berlin";
        o.LoginStreakDays = 3;
        o.LoginStreakPoints = 30;
    });

    private static LoyaltyLogin Login(string key, Instant at) => new() { Key = key, Member = Member, At = at };

    [Fact]
    public void ThreeConsecutiveDaysInTheZone_EarnTheStreaksPoints_OnTheThirdDay()
    {
        // 23:30 UTC on 1 January is 00:30 on 2 January in Berlin: the days are 2, 3 and 4 January there.
        var account = Run(Streaky, Login("l1", At(2026, 1, 1, 23, 30)), Login("l2", At(2026, 1, 3, 8)));

        var third = Streaky.TryApply(account, Login("l3", At(2026, 1, 4, 22, 59, 59)));

        Assert.Equal([(LoyaltyEntryKind.Login, 0L), (LoyaltyEntryKind.Login, 0L)], account.Entries.Select(e => (e.Kind, e.Points)));
        Assert.Equal("Login on 2026-01-03 (Europe/Berlin): day 2 of a 3-day login streak.", account.Entries[1].Reason);
        var earn = Assert.Single(third.Entries);
        Assert.Equal((LoyaltyEntryKind.Earn, 30L, "loyalty.login-streak"), (earn.Kind, earn.Points, earn.RuleId));
        Assert.Equal("Login streak: 3 consecutive days from 2026-01-02 to 2026-01-04 (Europe/Berlin): 30 points.", earn.Reason);
        Assert.Equal(30, Streaky.Evaluate(third.Record!, At(2026, 1, 5)).Balance.Available);
    }

    [Fact]
    public void ALoginAfterMidnightInTheZone_IsTheNextDay_AMissedDayRestartsTheStreak()
    {
        // 2 January, then 23:00 UTC on 3 January = 00:00 on 4 January in Berlin: 3 January was missed.
        var account = Run(Streaky, Login("l1", At(2026, 1, 2, 12)), Login("l2", At(2026, 1, 3, 23)));

        Assert.Equal("Login on 2026-01-04 (Europe/Berlin): day 1 of a 3-day login streak.", account.Entries[1].Reason);
        Assert.Equal("Login on 2026-01-05 (Europe/Berlin): day 2 of a 3-day login streak.", Streaky.TryApply(account, Login("l3", At(2026, 1, 5, 12))).Entries[0].Reason);
    }

    [Fact]
    public void AfterAStreakIsRewarded_TheNextOneStartsAfresh()
    {
        var account = Run(Streaky, Login("l1", At(2026, 1, 2, 12)), Login("l2", At(2026, 1, 3, 12)), Login("l3", At(2026, 1, 4, 12)));

        var fourth = Streaky.TryApply(account, Login("l4", At(2026, 1, 5, 12)));

        Assert.Equal((LoyaltyEntryKind.Login, "Login on 2026-01-05 (Europe/Berlin): day 1 of a 3-day login streak."), (fourth.Entries[0].Kind, fourth.Entries[0].Reason));
    }

    [Fact]
    public void ASecondLoginTheSameDay_IsRefused_WritingNothing()
    {
        var account = Run(Streaky, Login("l1", At(2026, 1, 2, 0)));

        var again = Streaky.TryApply(account, Login("l2", At(2026, 1, 2, 22, 59, 59)));

        Assert.Equal((LoyaltyOutcomeStatus.Rejected, "loyalty.login-already-recorded"), (again.Status, again.Reasons[0].Code));
        Assert.Equal("At: a login on 2026-01-02 is already recorded by command 'l1'.", again.Reasons[0].Message);
        Assert.Same(account, again.Record);
    }

    [Fact]
    public void APolicyWithoutAStreak_RefusesLogins_AndBadSettingsAreNamed()
    {
        Assert.Equal("Command: the policy has no login streak (LoginStreakDays is 0).", DefaultEngine.TryApply(null, Login("l1", At(2026, 1, 2))).Reasons[0].Message);
        Assert.Equal(
            ["LoginStreakDays: must be 0 (no login streak) or in [2, 365] but was 1.", "LoginStreakPoints: must be in [0, 1000000000] but was -1."],
            new LoyaltyOptionsValidator().Validate(null, new LoyaltyOptions { LoginStreakDays = 1, LoginStreakPoints = -1 }).Failures);
    }
}
