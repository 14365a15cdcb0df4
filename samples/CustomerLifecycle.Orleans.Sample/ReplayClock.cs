using NodaTime;

namespace CustomerLifecycle.Orleans.Sample;

/// <summary>The silo's clock while a historic file is replayed: set by the sample, so that the grains' reminders wake for
/// the file's own time and not for today.</summary>
internal sealed class ReplayClock(Instant now) : IClock
{
    private Instant _now = now;

    public Instant Now
    {
        get => _now;
        set => _now = value;
    }

    public Instant GetCurrentInstant() => _now;
}
