namespace CustomerLifecycle.Value;

/// <summary>One customer's predicted value with the reasons behind each figure, for the few customers a person looks at.</summary>
/// <param name="Customer">The customer's summary.</param>
/// <param name="Prediction">The figures.</param>
/// <param name="Reasons">
/// One reason per figure (codes <c>value.probability-alive</c>, <c>value.expected-purchases</c>, <c>value.expected-spend</c>,
/// <c>value.clv</c>) with the inputs and parameters in its data.
/// </param>
public sealed record ValueExplanation(CustomerSummary Customer, ValuePrediction Prediction, IReadOnlyList<Reason> Reasons);
