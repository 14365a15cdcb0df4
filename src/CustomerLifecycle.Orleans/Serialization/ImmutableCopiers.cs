using CustomerLifecycle.Lifecycle;
using Orleans.Serialization.Cloning;

namespace CustomerLifecycle.Orleans.Serialization;

// The SDK's records, events and outcomes are immutable: a call between grains of one silo (or a client in the silo) may
// pass the instance itself. Without these, Orleans would copy them through their surrogates, and an outcome's copy would
// work out the rules that did not fire on every apply.

/// <summary>Passes a <see cref="LifecycleRecord"/> as it is.</summary>
[RegisterCopier]
internal sealed class LifecycleRecordCopier : ShallowCopier<LifecycleRecord>;

/// <summary>Passes a <see cref="LifecycleEvent"/> as it is.</summary>
[RegisterCopier]
internal sealed class LifecycleEventCopier : ShallowCopier<LifecycleEvent>;

/// <summary>Passes a <see cref="LifecycleOutcome"/> as it is, its explanation still worked out only when read.</summary>
[RegisterCopier]
internal sealed class LifecycleOutcomeCopier : ShallowCopier<LifecycleOutcome>;

/// <summary>Passes a lifecycle <see cref="Explanation{TResult}"/> as it is.</summary>
[RegisterCopier]
internal sealed class LifecycleExplanationCopier : ShallowCopier<Explanation<LifecycleOutcome>>;

/// <summary>Passes a <see cref="Profile.ProfileRecord"/> as it is.</summary>
[RegisterCopier]
internal sealed class ProfileRecordCopier : ShallowCopier<Profile.ProfileRecord>;

/// <summary>Passes a <see cref="Profile.CustomerFact"/> as it is.</summary>
[RegisterCopier]
internal sealed class CustomerFactCopier : ShallowCopier<Profile.CustomerFact>;

/// <summary>Passes a <see cref="Profile.ProfileOutcome"/> as it is.</summary>
[RegisterCopier]
internal sealed class ProfileOutcomeCopier : ShallowCopier<Profile.ProfileOutcome>;

/// <summary>Passes a <see cref="Profile.CustomerViewSummary"/> as it is (its parts are immutable).</summary>
[RegisterCopier]
internal sealed class CustomerViewSummaryCopier : ShallowCopier<Profile.CustomerViewSummary>;

/// <summary>Passes a profile <see cref="Explanation{TResult}"/> as it is.</summary>
[RegisterCopier]
internal sealed class ProfileExplanationCopier : ShallowCopier<Explanation<Profile.CustomerViewSummary>>;

/// <summary>Passes a <see cref="Loyalty.LoyaltyRecord"/> as it is.</summary>
[RegisterCopier]
internal sealed class LoyaltyRecordCopier : ShallowCopier<Loyalty.LoyaltyRecord>;

/// <summary>Passes a <see cref="Loyalty.LoyaltyOutcome"/> as it is.</summary>
[RegisterCopier]
internal sealed class LoyaltyOutcomeCopier : ShallowCopier<Loyalty.LoyaltyOutcome>;

/// <summary>Passes a <see cref="Loyalty.LoyaltyStatement"/> as it is.</summary>
[RegisterCopier]
internal sealed class LoyaltyStatementCopier : ShallowCopier<Loyalty.LoyaltyStatement>;
