using Microsoft.Extensions.Logging;

namespace CustomerLifecycle.Orleans.Grains;

/// <summary>What the silo logs when stage moves are lost from the counts (never from the customers' records).</summary>
internal static partial class StageCountsLog
{
    [LoggerMessage(Message = "The stage counts '{Key}' were not saved as they deactivated ({Reason}): the moves counted since their last save are lost from the counts, which stood at {Counts}.")]
    public static partial void CountsNotSaved(ILogger logger, LogLevel level, string key, DeactivationReasonCode reason, string counts, Exception exception);

    [LoggerMessage(Message = "A silo's gathered stage moves for the counts '{Key}' were not sent as it deactivated ({Reason}): these changes are lost from the counts: {Changes}.")]
    public static partial void ChangesNotSent(ILogger logger, LogLevel level, string key, DeactivationReasonCode reason, string changes, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Customer '{Customer}' moved from {From} to {To} and was saved, but telling the stage counts '{Key}' failed: the move is lost from the counts, unless a call that timed out was taken.")]
    public static partial void MoveNotCounted(ILogger logger, string customer, string from, string to, string key, Exception exception);

    /// <summary>The level of a loss at deactivation: expected while the silo shuts down (its storage or the counts grain
    /// may already be gone, as Orleans' memory storage is), an error otherwise (storage is meant to be up).</summary>
    public static LogLevel LevelOf(DeactivationReason reason) => reason.ReasonCode == DeactivationReasonCode.ShuttingDown ? LogLevel.Warning : LogLevel.Error;

    /// <summary>Stage counts or changes as <c>Stage=count</c> pairs in stage order, for a log line an operator can read (after a time-out, the call may have been taken).</summary>
    public static string Format(IEnumerable<KeyValuePair<string, long>> counts)
        => string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
}
