using NodaTime;

namespace CustomerLifecycle.Feedback;

/// <summary>One piece of feedback as the host collected it: who said what, where and when, and what the host knows about its reach.</summary>
/// <remarks>The engine validates items when it evaluates them and names the offending field; the record itself accepts any values.
/// Two items are equal when every property is equal, <see cref="Tags"/> and <see cref="Supporters"/> compared element by element.</remarks>
/// <param name="Id">The host's id of the item; not empty.</param>
/// <param name="Customer">The customer who submitted it.</param>
/// <param name="Channel">Where it came from, e.g. <c>"survey"</c>, <c>"email"</c>, <c>"community"</c>.</param>
/// <param name="Submitted">When it was submitted; the SLA clocks start here.</param>
/// <param name="Text">What the customer said.</param>
public sealed record FeedbackItem(string Id, CustomerId Customer, string Channel, Instant Submitted, string Text)
{
    /// <summary>Gets the category the host already knows (e.g. <c>"complaint"</c>), or <see langword="null"/> to let the classifier decide.</summary>
    public string? Category { get; init; }

    /// <summary>Gets the host's tags, used as themes in the weekly review.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Gets the urgency level the host already knows (e.g. <c>"Critical"</c>), or <see langword="null"/> to let the keywords decide.</summary>
    public string? Urgency { get; init; }

    /// <summary>Gets the number of customers affected, or <see langword="null"/> to count the distinct customers behind the item.</summary>
    public int? AffectedCustomers { get; init; }

    /// <summary>Gets the host's total number of customers (for the share affected), or 0 when unknown.</summary>
    public int TotalCustomers { get; init; }

    /// <summary>Gets a value indicating whether a core customer's whole operation is affected, which is the widest impact by default.</summary>
    public bool AffectsCoreCustomerOperation { get; init; }

    /// <summary>Gets the submitter's value (a tier weight or the CLV, as the host chooses); 0 when unknown.</summary>
    public double CustomerValue { get; init; }

    /// <summary>Gets the other customers behind the item (votes, duplicates merged into it), with their values; a customer may appear more than once.</summary>
    public IReadOnlyList<FeedbackSupporter> Supporters { get; init; } = [];

    /// <inheritdoc/>
    public bool Equals(FeedbackItem? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Id == other.Id
                && Customer == other.Customer
                && Channel == other.Channel
                && Submitted == other.Submitted
                && Text == other.Text
                && Category == other.Category
                && Urgency == other.Urgency
                && AffectedCustomers == other.AffectedCustomers
                && TotalCustomers == other.TotalCustomers
                && AffectsCoreCustomerOperation == other.AffectsCoreCustomerOperation
                && CustomerValue.Equals(other.CustomerValue)
                && Tags.SequenceEqual(other.Tags)
                && Supporters.SequenceEqual(other.Supporters)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Customer, Submitted, Text);
}
