using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Serialization;
using NodaTime;
using static CustomerLifecycle.Tests.Lifecycle.LifecycleTestKit;

namespace CustomerLifecycle.Tests.Lifecycle;

/// <summary>Playbook business days skip the policy's holidays in its time zone; calendar days and hours do not.</summary>
public sealed class LifecycleHolidayTests
{
    private static readonly LifecycleEngine Christmas = new(new LifecycleOptions { Holidays = ["2026-12-24", "2026-12-25"] });

    [Fact]
    public void FirstPurchase_TheDayBeforeAHoliday_IsContactedOnTheNextWorkingDayThatIsNoHoliday()
    {
        // Wednesday 23 December (the example in docs/lifecycle.md): Thursday 24 and Friday 25 are holidays, 26 and 27 the
        // weekend, so one business day later is Monday 28. The value check counts 7 calendar days, holidays included.
        var outcome = Christmas.Apply(null, Purchase(At(2026, 12, 23, 10)));

        Assert.Equal(
            [
                ("first-personal-contact", At(2026, 12, 28, 10)),
                ("value-check", At(2026, 12, 30, 10)),
            ],
            outcome.Actions.Select(a => (a.Kind, a.DueAt)));
    }

    [Fact]
    public void WithoutTheHolidays_TheSamePurchaseIsContactedTheNextDay()
    {
        var outcome = DefaultEngine.Apply(null, Purchase(At(2026, 12, 23, 10)));

        Assert.Equal(At(2026, 12, 24, 10), outcome.Actions[0].DueAt);
    }

    [Fact]
    public void AHolidayOnAWeekend_ChangesNothing()
    {
        // Friday 2 January 2026: one business day later is Monday 5 January, whether or not Saturday 3 January is a holiday.
        var engine = new LifecycleEngine(new LifecycleOptions { Holidays = ["2026-01-03"] });

        var outcome = engine.Apply(null, Purchase(At(2026, 1, 2, 10)));

        Assert.Equal(
            [
                ("first-personal-contact", At(2026, 1, 5, 10)),
                ("value-check", At(2026, 1, 9, 10)),
            ],
            outcome.Actions.Select(a => (a.Kind, a.DueAt)));
    }

    [Fact]
    public void Holidays_AreLocalDatesInThePolicysTimeZone()
    {
        // 22 December 23:30Z is Wednesday 23 December 00:30 in Berlin. The 24th and 25th are holidays there, so the contact
        // is due on Monday 28 December 00:30 CET, which is 27 December 23:30Z.
        var engine = new LifecycleEngine(new LifecycleOptions { TimeZoneId = "Europe/Berlin", Holidays = ["2026-12-24", "2026-12-25"] });

        var outcome = engine.Apply(null, Purchase(Instant.FromUtc(2026, 12, 22, 23, 30)));

        Assert.Equal(Instant.FromUtc(2026, 12, 27, 23, 30), outcome.Actions[0].DueAt);
    }

    [Fact]
    public void NullHolidays_MeanNone()
    {
        var options = new LifecycleOptions { Holidays = null! };

        Assert.True(new LifecycleOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(At(2026, 12, 24, 10), new LifecycleEngine(options).Apply(null, Purchase(At(2026, 12, 23, 10))).Actions[0].DueAt);
    }

    [Fact]
    public void APolicyReadBackFromJson_SkipsTheSameHolidays()
    {
        var options = new LifecycleOptions { Holidays = ["2026-12-24", "2026-12-25", "2026-12-26"] };

        var back = PolicyJson.Deserialize<LifecycleOptions>(PolicyJson.Serialize(options));

        Assert.Equal(["2026-12-24", "2026-12-25", "2026-12-26"], back.Holidays);
        Assert.Equal(At(2026, 12, 28, 10), new LifecycleEngine(back).Apply(null, Purchase(At(2026, 12, 23, 10))).Actions[0].DueAt);
    }

    [Fact]
    public void ThePolicyFingerprint_ChangesWithTheHolidays()
    {
        static int FingerprintWith(params string[] holidays)
            => new LifecycleEngine(new LifecycleOptions { Holidays = [.. holidays] }).Create(Customer, At(2026, 1, 1)).PolicyFingerprint;

        Assert.Equal(FingerprintWith("2026-12-24"), FingerprintWith("2026-12-24"));
        Assert.NotEqual(FingerprintWith(), FingerprintWith("2026-12-24"));
        Assert.NotEqual(FingerprintWith("2026-12-24"), FingerprintWith("2026-12-25"));
        Assert.NotEqual(FingerprintWith("2026-12-24"), FingerprintWith("2026-12-24", "2026-12-25"));
    }
}
