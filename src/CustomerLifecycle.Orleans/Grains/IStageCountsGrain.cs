namespace CustomerLifecycle.Orleans.Grains;

/// <summary>
/// How many customers are in each lifecycle stage, kept up to date by the customer grains as their stages change, so that a
/// population query reads one grain instead of scanning every customer. One per cluster, keyed <see cref="ClusterKey"/>,
/// and one per tenant when customer ids carry one (<see cref="CustomerGrainOptions.TenantSeparator"/>); reach them
/// through <see cref="CustomerLifecycleClient.GetStageCountsAsync"/>.
/// </summary>
/// <remarks>The counts are exact while no silo fails: a customer grain reports its move after saving its record and
/// before its call returns (a report that fails is logged and lost from the counts; the call still returns its outcome).
/// The counts are saved every <see cref="CustomerGrainOptions.StageCountsSaveInterval"/> and as the grain deactivates; a
/// silo lost between a move and the next save loses that move from the counts, not from the customer's record.</remarks>
internal interface IStageCountsGrain : IGrainWithStringKey
{
    /// <summary>The key of the stage counts of the customers without a tenant.</summary>
    const string ClusterKey = "cluster";

    /// <summary>Records that a customer moved from one stage to another (called by the customer grains).</summary>
    /// <param name="from">The stage left; null for a customer seen for the first time.</param>
    /// <param name="to">The stage entered.</param>
    /// <returns>A task that completes when the move is counted.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is null or blank.</exception>
    Task MoveAsync(string? from, string to);

    /// <summary>Records a batch of moves gathered by a silo (<see cref="CustomerGrainOptions.StageCountsBatchInterval"/>).</summary>
    /// <param name="changes">The change of each stage's count: customers entered less customers left.</param>
    /// <returns>A task that completes when the changes are counted.</returns>
    Task ChangeAsync(Dictionary<string, long> changes);

    /// <summary>Gets the number of customers in each stage that has any.</summary>
    /// <returns>The counts by stage name, ordinal.</returns>
    Task<IReadOnlyDictionary<string, long>> GetCountsAsync();
}
