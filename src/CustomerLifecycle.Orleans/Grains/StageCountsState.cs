namespace CustomerLifecycle.Orleans.Grains;

/// <summary>What grain storage keeps for the stage counts.</summary>
[GenerateSerializer]
internal sealed class StageCountsState
{
    /// <summary>Gets or sets the number of customers in each stage.</summary>
    [Id(0)]
    public Dictionary<string, long> Counts { get; set; } = new(StringComparer.Ordinal);
}
