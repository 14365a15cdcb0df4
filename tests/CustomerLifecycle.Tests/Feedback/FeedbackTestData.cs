using CustomerLifecycle.Feedback;
using NodaTime;

namespace CustomerLifecycle.Tests.Feedback;

/// <summary>Items and instants shared by the feedback tests; the default calendar is UTC, Monday to Friday 09:00–17:00.</summary>
internal static class FeedbackTestData
{
    public static readonly FeedbackEngine DefaultEngine = new(new FeedbackOptions());

    public static readonly CustomerId Acme = CustomerId.From("acme");
    public static readonly CustomerId Globex = CustomerId.From("globex");

    /// <summary>Friday 28 March 2025, 15:00 UTC.</summary>
    public static readonly Instant Friday15 = Instant.FromUtc(2025, 3, 28, 15, 0);

    public static Instant Utc(int month, int day, int hour, int minute = 0) => Instant.FromUtc(2025, month, day, hour, minute);

    public static FeedbackItem Item(string text, Instant? submitted = null, string id = "F-1") => new(id, Acme, "email", submitted ?? Friday15, text);

    /// <summary>A service issue that blocks a core function for 15% of customers: Extensive × Critical → High.</summary>
    public static FeedbackItem HighServiceIssue(Instant? submitted = null, string id = "F-1")
        => Item("Checkout is down, customers cannot pay", submitted, id) with { AffectedCustomers = 150, TotalCustomers = 1000 };
}
