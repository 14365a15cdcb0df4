namespace CustomerLifecycle.Feedback;

/// <summary>A customer behind a feedback item besides its submitter, with the value the host gives them.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Value">The customer's value (a tier weight or the CLV); must be finite and not negative.</param>
public readonly record struct FeedbackSupporter(CustomerId Customer, double Value);
