using CustomerLifecycle.Internal;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle;

/// <summary>Validates <see cref="RetryOptions"/>, reporting every failure as <c>Property: message</c>.</summary>
public sealed class RetryOptionsValidator : IValidateOptions<RetryOptions>, IPolicyValidator<RetryOptions>
{
    /// <summary>Validates the retry settings.</summary>
    /// <param name="name">The options name (unused: every named instance is validated the same way).</param>
    /// <param name="options">The settings.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ValidateOptionsResult Validate(string? name, RetryOptions options) => PolicyValidation.Validate<RetryOptions, RetryOptionsValidator>(options);

    /// <inheritdoc cref="IPolicyValidator{TOptions}.Collect"/>
    static void IPolicyValidator<RetryOptions>.Collect(RetryOptions options, List<string> failures)
    {
        if (options.MaxAttempts is < 1 or > RetryDefaults.MaxAttemptsLimit)
        {
            failures.Add($"MaxAttempts: must be in [1, {RetryDefaults.MaxAttemptsLimit}] but was {options.MaxAttempts}.");
        }
    }
}
