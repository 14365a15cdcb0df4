namespace CustomerLifecycle.Orleans.Grains;

/// <summary>What grain storage keeps for a customer: the lifecycle record in the SDK's own wire form (its Orleans
/// surrogate, written with Orleans' serializer), so that whichever serializer the host's storage provider uses stores an
/// opaque, versioned payload and never the record's internals.</summary>
[GenerateSerializer]
internal sealed class CustomerGrainState
{
    /// <summary>Gets or sets the serialised <see cref="Lifecycle.LifecycleRecord"/>; null before the customer's first event.</summary>
    [Id(0)]
    public byte[]? Lifecycle { get; set; }
}
