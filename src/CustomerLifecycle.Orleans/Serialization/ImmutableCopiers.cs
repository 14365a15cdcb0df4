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
