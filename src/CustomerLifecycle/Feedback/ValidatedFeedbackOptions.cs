using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Feedback;

/// <summary>A <see cref="FeedbackOptions"/> that has passed validation, so the engine's parts validate a policy only once.</summary>
internal readonly struct ValidatedFeedbackOptions
{
    private ValidatedFeedbackOptions(FeedbackOptions options) => Options = options;

    public FeedbackOptions Options { get; }

    /// <summary>Validates <paramref name="options"/>, throwing <see cref="OptionsValidationException"/> with every failure.</summary>
    public static ValidatedFeedbackOptions From(FeedbackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = FeedbackOptionsValidator.Collect(options);
        return failures.Count == 0
            ? new ValidatedFeedbackOptions(options)
            : throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(FeedbackOptions), failures);
    }
}
