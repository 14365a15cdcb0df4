namespace CustomerLifecycle.Orleans.Grains;

/// <summary>What grain storage keeps for a customer: each record the customer has, in the SDK's own wire form (its Orleans
/// surrogate, written with Orleans' serializer), so that whichever serializer the host's storage provider uses stores
/// opaque, versioned payloads and never the records' internals. One state, one ETag: the records are saved together.</summary>
/// <remarks>At most one of <see cref="Lifecycle"/> and <see cref="Profile"/> is set: with the profile facet on, the
/// lifecycle record lives in the profile.</remarks>
[GenerateSerializer]
internal sealed class CustomerGrainState
{
    /// <summary>Gets or sets the serialised <see cref="CustomerLifecycle.Lifecycle.LifecycleRecord"/> of a customer without a
    /// profile; null before the customer's first event.</summary>
    [Id(0)]
    public byte[]? Lifecycle { get; set; }

    /// <summary>Gets or sets the serialised <see cref="CustomerLifecycle.Profile.ProfileRecord"/>; null before the customer's first fact.</summary>
    [Id(1)]
    public byte[]? Profile { get; set; }

    /// <summary>Gets or sets the serialised <see cref="CustomerLifecycle.Loyalty.LoyaltyRecord"/>; null before the member's first command.</summary>
    [Id(2)]
    public byte[]? Loyalty { get; set; }
}
