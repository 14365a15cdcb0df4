namespace CustomerLifecycle.Feedback;

/// <summary>How a feedback command through <c>FeedbackService</c> ended.</summary>
public enum FeedbackCommandStatus
{
    /// <summary>Applied and saved.</summary>
    Applied,

    /// <summary>No record with that id exists.</summary>
    NotFound,

    /// <summary>Refused: the move is not allowed, the item exists already, or the input is bad; nothing was saved.</summary>
    Rejected,

    /// <summary>Other writers changed the record on every attempt; nothing was saved.</summary>
    Conflict,
}
