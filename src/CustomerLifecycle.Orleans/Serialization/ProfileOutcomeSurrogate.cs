using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Profile;

namespace CustomerLifecycle.Orleans.Serialization;

/// <summary>A <see cref="ProfileOutcome"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
internal struct ProfileOutcomeSurrogate
{
    [Id(0)] public ProfileOutcomeStatus Status;
    [Id(1)] public ProfileRecord? Profile;
    [Id(2)] public LifecycleOutcome? Lifecycle;
    [Id(3)] public Reason[] Reasons;
    [Id(4)] public LoyaltyOutcome? Loyalty;
}

/// <summary>Converts <see cref="ProfileOutcome"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class ProfileOutcomeConverter : IConverter<ProfileOutcome, ProfileOutcomeSurrogate>
{
    public ProfileOutcome ConvertFromSurrogate(in ProfileOutcomeSurrogate surrogate)
        => new(surrogate.Status, surrogate.Profile, surrogate.Lifecycle, surrogate.Reasons ?? []) { Loyalty = surrogate.Loyalty };

    public ProfileOutcomeSurrogate ConvertToSurrogate(in ProfileOutcome value)
        => new() { Status = value.Status, Profile = value.Profile, Lifecycle = value.Lifecycle, Reasons = [.. value.Reasons], Loyalty = value.Loyalty };
}
