namespace CustomerLifecycle.Orleans.Serialization;

/// <summary>An <see cref="Explanation{TResult}"/> on the wire.</summary>
/// <typeparam name="TResult">The explained result.</typeparam>
[GenerateSerializer]
[Immutable]
internal struct ExplanationSurrogate<TResult>
{
    [Id(0)] public string Subject;
    [Id(1)] public string Decision;
    [Id(2)] public TResult Result;
    [Id(3)] public Reason[] Reasons;
}

/// <summary>Converts an <see cref="Explanation{TResult}"/> to and from its surrogate.</summary>
/// <typeparam name="TResult">The explained result.</typeparam>
[RegisterConverter]
internal sealed class ExplanationConverter<TResult> : IConverter<Explanation<TResult>, ExplanationSurrogate<TResult>>
{
    public Explanation<TResult> ConvertFromSurrogate(in ExplanationSurrogate<TResult> surrogate)
        => new(surrogate.Subject, surrogate.Decision, surrogate.Result, surrogate.Reasons);

    public ExplanationSurrogate<TResult> ConvertToSurrogate(in Explanation<TResult> value)
        => new() { Subject = value.Subject, Decision = value.Decision, Result = value.Result, Reasons = [.. value.Reasons] };
}
