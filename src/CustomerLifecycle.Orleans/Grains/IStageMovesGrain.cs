namespace CustomerLifecycle.Orleans.Grains;

/// <summary>
/// A silo's gathering of its customers' stage moves for one stage-counts grain (the same key), sent to it as one batch of
/// changes every <see cref="CustomerGrainOptions.StageCountsBatchInterval"/>: the customer grains of a silo call the
/// activation on their own silo (a stateless worker), so the stage counts receive one call per silo per interval instead
/// of one per move.
/// </summary>
internal interface IStageMovesGrain : IGrainWithStringKey
{
    /// <summary>Gathers a customer's move from one stage to another.</summary>
    /// <param name="from">The stage left; null for a customer seen for the first time.</param>
    /// <param name="to">The stage entered.</param>
    /// <returns>A task that completes when the move is gathered.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is null or blank.</exception>
    Task MoveAsync(string? from, string to);
}
