using System.Diagnostics.CodeAnalysis;
using CustomerLifecycle.Lifecycle;
using NodaTime;
using NodaTime.Text;

namespace CustomerLifecycle.Profile;

/// <summary>
/// Feeds the health band an evaluation computes back to the lifecycle, whose <see cref="LifecycleEventKind.HealthBandChanged"/>
/// rules (say, to Declining on AtRisk) would otherwise never see it. The band last fed is the lifecycle record's own
/// <see cref="LifecycleRecord.HealthBand"/>: no fact sets it, so only these events do. The event's id is the band and the
/// as-of instant, so evaluating the same profile again at that instant applies the same event to the same record (the same
/// result, never a second transition), and a record that has it is a duplicate.
/// </summary>
internal static class ProfileHealthBand
{
    /// <summary>The event feeding <paramref name="band"/> at <paramref name="asOf"/>, or null when there is no band (health
    /// not scored) or it is the band last fed.</summary>
    public static LifecycleEvent? Event(LifecycleRecord record, string? band, Instant asOf)
        => IsNew(record, band) ? LifecycleEvent.HealthBandChanged(EventId(band, asOf), record.Customer, asOf, band) : null;

    /// <summary>Whether <paramref name="band"/> is a band to feed: there is one, and it is not the band last fed.</summary>
    public static bool IsNew(LifecycleRecord record, [NotNullWhen(true)] string? band)
        => band is not null && !string.Equals(band, record.HealthBand, StringComparison.Ordinal);

    public static string EventId(string band, Instant asOf) => $"profile:health-band:{band}:{InstantPattern.ExtendedIso.Format(asOf)}";
}
