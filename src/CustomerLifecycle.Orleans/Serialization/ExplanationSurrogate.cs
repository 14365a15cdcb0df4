using CustomerLifecycle.Lifecycle;

namespace CustomerLifecycle.Orleans.Serialization;

/// <summary>A lifecycle <see cref="Explanation{TResult}"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
internal struct LifecycleExplanationSurrogate
{
    [Id(0)] public string Subject;
    [Id(1)] public string Decision;
    [Id(2)] public LifecycleOutcome Result;
    [Id(3)] public Reason[] Reasons;
}

/// <summary>Converts a lifecycle <see cref="Explanation{TResult}"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class LifecycleExplanationConverter : IConverter<Explanation<LifecycleOutcome>, LifecycleExplanationSurrogate>
{
    public Explanation<LifecycleOutcome> ConvertFromSurrogate(in LifecycleExplanationSurrogate surrogate)
        => new(surrogate.Subject, surrogate.Decision, surrogate.Result, surrogate.Reasons);

    public LifecycleExplanationSurrogate ConvertToSurrogate(in Explanation<LifecycleOutcome> value)
        => new() { Subject = value.Subject, Decision = value.Decision, Result = value.Result, Reasons = [.. value.Reasons] };
}
