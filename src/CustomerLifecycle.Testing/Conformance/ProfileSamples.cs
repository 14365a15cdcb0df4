using System.Collections;
using System.Globalization;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Tiering;
using NodaTime;
using Xunit.Sdk;

namespace CustomerLifecycle.Testing.Conformance;

/// <summary>Profiles that exercise every field a store must keep, and a comparison that names the first field that differs.</summary>
/// <remarks>Instants carry sub-second ticks: a store must keep at least tick (100 ns) precision.</remarks>
internal static class ProfileSamples
{
    public static readonly Instant At = Instant.FromUtc(2026, 4, 1, 11, 22, 33).PlusTicks(4_444_444);

    /// <summary>A minimal profile, and one with every optional field and list set around the richest lifecycle sample.</summary>
    public static IEnumerable<ProfileRecord> Records()
    {
        var lifecycles = LifecycleSamples.Records().ToList();
        yield return Minimal(lifecycles[0].Customer, lifecycles[0]);

        var rich = lifecycles[1];
        yield return new ProfileRecord
        {
            Customer = rich.Customer,
            Lifecycle = rich,
            Attributes = new CustomerAttributes("Logistik — Süd", "50-200", "EU \"west\"", MatchesIdealProfile: true, HasGrowthPotential: true, IsBenchmarkCustomer: true),
            FirstFactAt = At,
            LastFactAt = At + Duration.FromDays(401),
            FactCount = long.MaxValue,
            PurchaseCount = int.MaxValue,
            PaidPurchaseCount = int.MaxValue - 1,
            LastPaidPurchaseAt = At + Duration.FromDays(398),
            NetSpend = 1234.5678901234,
            PurchaseDays = 17,
            RepeatSpend = 0.1 + 0.2,
            RecentOrders = [new ProfileOrder("订单-1", At + Duration.FromDays(380), 99.99, 0.01), new ProfileOrder("o,2", At + Duration.FromDays(399), 0, 0)],
            DailyPurchases = [new ProfileDayCount(20_500, 2), new ProfileDayCount(20_899, int.MaxValue)],
            LastLoginAt = At + Duration.FromDays(401),
            DailyLogins = [new ProfileDayCount(20_910, 1), new ProfileDayCount(20_911, int.MaxValue)],
            MonthlyUsage = [new ProfileMonthUsage((2027 * 12) + 2, long.MaxValue), new ProfileMonthUsage((2027 * 12) + 3, 1)],
            FeaturesUsed = ["api", "reports — ü"],
            OpenTickets = [new ProfileOpenItem("t-1", At + Duration.FromDays(390))],
            OpenComplaints = [new ProfileOpenItem("c-'1'", At + Duration.FromDays(391))],
            TicketOpenings = [new ProfileDayCount(20_900, 3)],
            LatestCsat = 1,
            LatestCsatAt = At + Duration.FromDays(12),
            LatestNpsAt = At + Duration.FromDays(13),
            InvoiceCount = 9,
            OpenInvoices = [new ProfileOpenItem("inv-9", LifecycleLimits.MaxInstant)],
            ReferralCount = 2,
            CancelledAt = At + Duration.FromDays(401),
            Tier = new ProfileTierState(new TierState(2, 1), new TierState(2, 0), At + Duration.FromDays(402)),
            RecentFactIds = ["f-0", "f\"quoted\"", "ë-2 ünïcødé", string.Concat(Enumerable.Repeat("long-", 200))],
        };
    }

    /// <summary>Distinct successive profiles of one customer, for tests that save several versions.</summary>
    public static IReadOnlyList<ProfileRecord> Versions(CustomerId customer, int count)
    {
        var lifecycles = LifecycleSamples.Versions(customer, count);
        return [.. lifecycles.Select((lifecycle, i) => Minimal(customer, lifecycle) with
        {
            LastFactAt = lifecycle.LastEventAt,
            FactCount = i + 1,
            RecentFactIds = [.. lifecycle.RecentEventIds],
        })];
    }

    /// <summary>Asserts two profiles are equal, naming the first property that differs.</summary>
    public static void AssertSame(ProfileRecord expected, ProfileRecord actual)
    {
        if (expected.Equals(actual))
        {
            return;
        }

        LifecycleSamples.AssertSame(expected.Lifecycle, actual.Lifecycle);
        foreach (var property in typeof(ProfileRecord).GetProperties())
        {
            var a = property.GetValue(expected);
            var b = property.GetValue(actual);
            if (!ValuesEqual(a, b))
            {
                throw new XunitException($"The stored profile of customer '{expected.Customer}' differs in {property.Name}: expected {Show(a)} but loaded {Show(b)}.");
            }
        }

        throw new XunitException($"The stored profile of customer '{expected.Customer}' differs from the one saved.");
    }

    private static ProfileRecord Minimal(CustomerId customer, LifecycleRecord lifecycle) => new()
    {
        Customer = customer,
        Lifecycle = lifecycle,
        FirstFactAt = lifecycle.FirstSeenAt,
        LastFactAt = lifecycle.FirstSeenAt,
    };

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
