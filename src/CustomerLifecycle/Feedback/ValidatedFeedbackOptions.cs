using CustomerLifecycle.Internal;
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
        PolicyValidation.ThrowIfAny<FeedbackOptions>(FeedbackOptionsValidator.Collect(options));
        return new ValidatedFeedbackOptions(options);
    }
}
