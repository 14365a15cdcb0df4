using System.Collections;
using System.Globalization;
using CustomerLifecycle.Lifecycle;
using NodaTime;
using Xunit.Sdk;

namespace CustomerLifecycle.Testing.Conformance;

/// <summary>Records that exercise every field a store must keep, and a comparison that names the first field that differs.</summary>
/// <remarks>Instants carry sub-second ticks: a store must keep at least tick (100 ns) precision, as NodaTime's Unix ticks do.</remarks>
internal static class LifecycleSamples
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 14, 15, 9, 26).PlusTicks(5_358_979);

    /// <summary>A minimal record, one with every optional field set, and one at the edges of the accepted ranges.</summary>
    public static IEnumerable<LifecycleRecord> Records()
    {
        yield return new LifecycleRecord
        {
            Customer = CustomerId.From("minimal"),
            Stage = LifecycleDefaults.Prospect,
            StageEnteredAt = At,
            FirstSeenAt = At,
            LastEventAt = At,
            NextCheckAt = Instant.MaxValue,
        };

        yield return new LifecycleRecord
        {
            Customer = CustomerId.From("客户-Ünïcødé 'quoted' \"double\"; DROP TABLE x;--"),
            Stage = "Mature — ständig",
            PreviousStage = LifecycleDefaults.Growing,
            StageEnteredAt = At + Duration.FromDays(400),
            FirstSeenAt = At,
            LastEventAt = At + Duration.FromDays(401),
            FirstPurchaseAt = At + Duration.FromHours(1),
            LastPurchaseAt = At + Duration.FromDays(399),
            LastActivityAt = At + Duration.FromDays(401),
            LastContactAt = At + Duration.FromMinutes(3),
            LastReferralAt = At + Duration.FromDays(100),
            ReactivatedAt = At + Duration.FromDays(200),
            LatestNps = 0,
            HealthBand = "AtRisk",
            DeclineBaseline = 0,
            ActivityMonth = (2027 * 12) + 3,
            MonthlyActivity = [0, 1, 2, 0, int.MaxValue, 7, 0],
            RecentPurchases = [At + Duration.FromHours(1), At + Duration.FromDays(50), At + Duration.FromDays(399)],
            StageTimes =
            [
                new StageTime(LifecycleDefaults.Prospect, At, At, At + Duration.FromHours(1), Duration.FromHours(1), 1, IsOpen: false),
                new StageTime("Mature — ständig", At + Duration.FromDays(400), At + Duration.FromDays(400), null, Duration.Zero, 1, IsOpen: true),
                new StageTime(LifecycleDefaults.Onboarding, At + Duration.FromHours(1), At + Duration.FromDays(300), At + Duration.FromDays(350), Duration.FromNanoseconds(1), 2, IsOpen: false),
            ],
            RecentEventIds = ["e-0", "e\"quoted\"", "e-1", "ë-2 ünïcødé", "e,3", string.Concat(Enumerable.Repeat("long-", 200))],
            NextCheckAt = At + Duration.FromDays(430),
            PolicyFingerprint = int.MinValue,
            EventCount = long.MaxValue,
            TransitionCount = 3,
        };

        yield return new LifecycleRecord
        {
            Customer = CustomerId.From(new string('x', 500)),
            Stage = LifecycleDefaults.Churned,
            PreviousStage = LifecycleDefaults.Declining,
            StageEnteredAt = LifecycleLimits.MaxInstant,
            FirstSeenAt = LifecycleLimits.MinInstant,
            LastEventAt = LifecycleLimits.MaxInstant,
            FirstPurchaseAt = LifecycleLimits.MinInstant,
            LastPurchaseAt = LifecycleLimits.MaxInstant,
            LastActivityAt = LifecycleLimits.MinInstant,
            LatestNps = 10,
            HealthBand = string.Empty,
            DeclineBaseline = int.MaxValue,
            ActivityMonth = int.MinValue,
            MonthlyActivity = [int.MaxValue],
            RecentPurchases = [LifecycleLimits.MinInstant, LifecycleLimits.MaxInstant],
            NextCheckAt = LifecycleLimits.MinInstant,
            PolicyFingerprint = int.MaxValue,
            EventCount = 0,
            TransitionCount = long.MaxValue,
        };
    }

    /// <summary>Distinct successive records of one customer, for tests that save several versions.</summary>
    public static IReadOnlyList<LifecycleRecord> Versions(CustomerId customer, int count)
    {
        var list = new List<LifecycleRecord>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(new LifecycleRecord
            {
                Customer = customer,
                Stage = i == 0 ? LifecycleDefaults.Prospect : LifecycleDefaults.Onboarding,
                PreviousStage = i == 0 ? null : LifecycleDefaults.Prospect,
                StageEnteredAt = At,
                FirstSeenAt = At,
                LastEventAt = At + Duration.FromHours(i),
                LastActivityAt = At + Duration.FromHours(i),
                RecentEventIds = [.. Enumerable.Range(0, i + 1).Select(n => string.Create(CultureInfo.InvariantCulture, $"v-{n}"))],
                NextCheckAt = At + Duration.FromDays(30 + i),
                EventCount = i + 1,
                TransitionCount = i == 0 ? 0 : 1,
            });
        }

        return list;
    }

    /// <summary>Asserts two records are equal, naming the first property that differs.</summary>
    public static void AssertSame(LifecycleRecord expected, LifecycleRecord actual)
    {
        if (expected.Equals(actual))
        {
            return;
        }

        foreach (var property in typeof(LifecycleRecord).GetProperties())
        {
            var a = property.GetValue(expected);
            var b = property.GetValue(actual);
            if (!ValuesEqual(a, b))
            {
                throw new XunitException($"The stored lifecycle record of customer '{expected.Customer}' differs in {property.Name}: expected {Show(a)} but loaded {Show(b)}.");
            }
        }

        throw new XunitException($"The stored lifecycle record of customer '{expected.Customer}' differs from the one saved.");
    }

    private static bool ValuesEqual(object? a, object? b) => (a, b) switch
    {
        (IEnumerable x, IEnumerable y) when a is not string => x.Cast<object?>().SequenceEqual(y.Cast<object?>()),
        _ => Equals(a, b),
    };

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(Show))}]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
