using System.Globalization;
using CustomerLifecycle.Feedback;
using NodaTime;
using Xunit.Sdk;

namespace CustomerLifecycle.Testing.Conformance;

/// <summary>Feedback records that exercise every field a store must keep, and a comparison that names the first field that differs.</summary>
/// <remarks>Records compare their lists element by element, so equality is the check; the field-by-field walk only names what differs.</remarks>
internal static class FeedbackSamples
{
    public static readonly Instant At = Instant.FromUtc(2026, 2, 2, 8, 30, 15).PlusTicks(1_234_567);

    /// <summary>A bare item, and one with every optional field and a history of every value shape.</summary>
    public static IEnumerable<FeedbackRecord> Records()
    {
        yield return new FeedbackRecord(new FeedbackItem("bare", CustomerId.From("c-1"), "email", At, string.Empty), FeedbackState.Collected);

        var item = new FeedbackItem("完整-ü \"quoted\" 'x';--", CustomerId.From("客户-2"), "community", At, "无法导出 — export is blocked!\nSecond line\ttab")
        {
            Category = "service-issue",
            Tags = ["export", "发票", "a,b"],
            Urgency = "Critical",
            AffectedCustomers = int.MaxValue,
            TotalCustomers = 5000,
            AffectsCoreCustomerOperation = true,
            CustomerValue = 1234.5678901234567,
            Supporters = [new FeedbackSupporter(CustomerId.From("s-1"), 0.1), new FeedbackSupporter(CustomerId.From("s-1"), double.MaxValue), new FeedbackSupporter(CustomerId.From("s-2"), 0)],
        };
        yield return new FeedbackRecord(item, FeedbackState.Reopened)
        {
            Category = "service-issue",
            Priority = "High",
            Team = "Support — 2nd level",
            IsPaused = true,
            History =
            [
                new FeedbackEvent(FeedbackEventKind.Classify, At, "service-issue"),
                new FeedbackEvent(FeedbackEventKind.Prioritise, At, "High"),
                new FeedbackEvent(FeedbackEventKind.Assign, At + Duration.FromMinutes(1), "Support — 2nd level"),
                new FeedbackEvent(FeedbackEventKind.Acknowledge, At + Duration.FromMinutes(2)),
                new FeedbackEvent(FeedbackEventKind.Respond, At + Duration.FromMinutes(3), string.Empty),
                new FeedbackEvent(FeedbackEventKind.Resolve, At + Duration.FromDays(1)),
                new FeedbackEvent(FeedbackEventKind.Reopen, At + Duration.FromDays(2), "not fixed for 'me'"),
                new FeedbackEvent(FeedbackEventKind.Pause, At + Duration.FromDays(2) + Duration.FromTicks(1), "waiting on the customer"),
            ],
        };
    }

    /// <summary>An item submitted at <see cref="At"/>, for the tests that go through the service.</summary>
    public static FeedbackItem Item(string id) => new(id, CustomerId.From("c-" + id), "email", At, "The export is broken, please fix");

    /// <summary>Distinct successive records of one item, for tests that save several versions.</summary>
    public static IReadOnlyList<FeedbackRecord> Versions(string id, int count)
    {
        var item = Item(id);
        var list = new List<FeedbackRecord>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(new FeedbackRecord(item, FeedbackState.Collected)
            {
                History = [.. Enumerable.Range(0, i).Select(n => new FeedbackEvent(FeedbackEventKind.Acknowledge, At, string.Create(CultureInfo.InvariantCulture, $"note {n}")))],
            });
        }

        return list;
    }

    /// <summary>Asserts two records are equal, naming the first field that differs.</summary>
    public static void AssertSame(FeedbackRecord expected, FeedbackRecord actual)
    {
        if (expected != actual)
        {
            throw new XunitException($"The stored feedback record '{expected.Item.Id}' differs in {FirstDifference(expected, actual)}.");
        }
    }

    private static string FirstDifference(FeedbackRecord e, FeedbackRecord a)
    {
        if (FirstDifference(e.Item, a.Item) is { } item)
        {
            return "Item." + item;
        }

        for (var i = 0; i < Math.Min(e.History.Count, a.History.Count); i++)
        {
            if (e.History[i] != a.History[i])
            {
                return $"History[{i}]: expected {e.History[i]} but loaded {a.History[i]}";
            }
        }

        return Compare("History.Count", e.History.Count, a.History.Count)
            ?? Compare("State", e.State, a.State)
            ?? Compare("SchemaVersion", e.SchemaVersion, a.SchemaVersion)
            ?? Compare("Category", e.Category, a.Category)
            ?? Compare("Priority", e.Priority, a.Priority)
            ?? Compare("Team", e.Team, a.Team)
            ?? Compare("IsPaused", e.IsPaused, a.IsPaused)
            ?? "a field";
    }

    private static string? FirstDifference(FeedbackItem e, FeedbackItem a) =>
        Compare("Id", e.Id, a.Id)
        ?? Compare("Customer", e.Customer, a.Customer)
        ?? Compare("Channel", e.Channel, a.Channel)
        ?? Compare("Submitted", e.Submitted, a.Submitted)
        ?? Compare("Text", e.Text, a.Text)
        ?? Compare("Category", e.Category, a.Category)
        ?? Compare("Tags", string.Join(" | ", e.Tags), string.Join(" | ", a.Tags))
        ?? Compare("Urgency", e.Urgency, a.Urgency)
        ?? Compare("AffectedCustomers", e.AffectedCustomers, a.AffectedCustomers)
        ?? Compare("TotalCustomers", e.TotalCustomers, a.TotalCustomers)
        ?? Compare("AffectsCoreCustomerOperation", e.AffectsCoreCustomerOperation, a.AffectsCoreCustomerOperation)
        ?? Compare("CustomerValue", e.CustomerValue, a.CustomerValue)
        ?? Compare("Supporters", string.Join(" | ", e.Supporters), string.Join(" | ", a.Supporters));

    private static string? Compare<T>(string name, T expected, T actual)
        => EqualityComparer<T>.Default.Equals(expected, actual) ? null : string.Create(CultureInfo.InvariantCulture, $"{name}: expected {expected} but loaded {actual}");
}
