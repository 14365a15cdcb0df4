namespace CustomerLifecycle.Feedback;

/// <summary>The state of one feedback item that lives between calls; the host stores it through <see cref="IFeedbackStore"/>.</summary>
/// <remarks>The record is the domain's state only; the store keeps its version beside it (<see cref="StoredRecord{TRecord}"/>).</remarks>
/// <param name="Item">The item as collected.</param>
/// <param name="State">Where it stands in the workflow.</param>
public sealed record FeedbackRecord(FeedbackItem Item, FeedbackState State)
{
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
}
