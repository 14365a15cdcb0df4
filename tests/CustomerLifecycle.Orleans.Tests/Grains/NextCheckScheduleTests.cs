using CustomerLifecycle.Orleans.Grains;
using NodaTime;

namespace CustomerLifecycle.Orleans.Tests.Grains;

public sealed class NextCheckScheduleTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 1, 12, 0);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public void NoNextCheck_NeedsNoReminder() => Assert.Null(NextCheckSchedule.DueIn(Instant.MaxValue, Now, Day));

    [Fact]
    public void CheckSoonerThanTheLongestWait_IsWokenForAtItsInstant()
        => Assert.Equal(TimeSpan.FromHours(5), NextCheckSchedule.DueIn(Now + Duration.FromHours(5), Now, Day));

    [Fact]
    public void CheckLaterThanTheLongestWait_IsLookedAtAgainAfterIt()
        => Assert.Equal(Day, NextCheckSchedule.DueIn(Now + Duration.FromDays(90), Now, Day));

    [Fact]
    public void CheckAlreadyDue_IsLookedAtStraightAway()
        => Assert.Equal(TimeSpan.FromMilliseconds(1), NextCheckSchedule.DueIn(Now - Duration.FromDays(3), Now, Day));
}
