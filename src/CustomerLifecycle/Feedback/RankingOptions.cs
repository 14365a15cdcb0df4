namespace CustomerLifecycle.Feedback;

/// <summary>How the customers behind an item weigh in its ranking score within a priority.</summary>
/// <remarks>Each counted customer contributes <c>PerCustomer + ValueWeight × scale(value)</c>; the score is the sum.</remarks>
public sealed class RankingOptions
{
    /// <summary>Gets or sets the points each counted customer adds, whatever their value.</summary>
    /// <value>The default value is 1.</value>
    public double PerCustomer { get; set; } = FeedbackDefaults.PerCustomer;

    /// <summary>Gets or sets the weight of the customer's value.</summary>
    /// <value>The default value is 1.</value>
    public double ValueWeight { get; set; } = FeedbackDefaults.ValueWeight;

    /// <summary>Gets or sets how a customer's value is scaled before weighting.</summary>
    /// <value>The default value is <see cref="ValueScale.Log10"/>, so one very large account does not drown many small ones.</value>
    public ValueScale ValueScale { get; set; } = ValueScale.Log10;
}
