namespace CustomerLifecycle.Feedback;

/// <summary>The state of one feedback item that lives between calls; the host stores it through <see cref="IFeedbackStore"/>.</summary>
/// <remarks>
/// <para>The record is the domain's state only; the store keeps its version beside it (<see cref="StoredRecord{TRecord}"/>).</para>
/// <para>Two records are equal when every property is equal, <see cref="History"/> (and the item's lists) compared element by
/// element.</para>
/// <para>A store that serialises records should keep <see cref="SchemaVersion"/> with them: it names the shape a stored
/// record has, so that a later release can migrate what an earlier one wrote. A stored record without one is of schema 1.</para>
/// </remarks>
/// <param name="Item">The item as collected.</param>
/// <param name="State">Where it stands in the workflow.</param>
public sealed record FeedbackRecord(FeedbackItem Item, FeedbackState State)
{
    /// <summary>The shape of records this release writes.</summary>
    /// <remarks>1: the item, the workflow state, the category, priority and team set by events, the pause flag and the history.</remarks>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Gets the shape this record has; <see cref="CurrentSchemaVersion"/> for records of this release.</summary>
    /// <value>The default value is <see cref="CurrentSchemaVersion"/>.</value>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Gets the category set by the last <see cref="FeedbackEventKind.Classify"/> event, if any.</summary>
    public string? Category { get; init; }

    /// <summary>Gets the priority set by the last <see cref="FeedbackEventKind.Prioritise"/> event, if any.</summary>
    public string? Priority { get; init; }

    /// <summary>Gets the team set by the last <see cref="FeedbackEventKind.Assign"/> event, if any.</summary>
    public string? Team { get; init; }

    /// <summary>Gets a value indicating whether the clocks are paused.</summary>
    public bool IsPaused { get; init; }

    /// <summary>Gets every event applied so far, oldest first; the SLA clocks are derived from it.</summary>
    public IReadOnlyList<FeedbackEvent> History { get; init; } = [];

    /// <inheritdoc/>
    public bool Equals(FeedbackRecord? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Item == other.Item
                && State == other.State
                && SchemaVersion == other.SchemaVersion
                && Category == other.Category
                && Priority == other.Priority
                && Team == other.Team
                && IsPaused == other.IsPaused
                && History.SequenceEqual(other.History)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Item, State, History.Count);
}
