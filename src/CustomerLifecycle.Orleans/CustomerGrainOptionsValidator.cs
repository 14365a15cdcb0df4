using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Orleans;

/// <summary>Validates <see cref="CustomerGrainOptions"/>, listing every problem as <c>Property: message</c>.</summary>
public sealed class CustomerGrainOptionsValidator : IValidateOptions<CustomerGrainOptions>
{
    /// <summary>Validates the options.</summary>
    /// <param name="name">The options' name (unused: every name is validated the same way).</param>
    /// <param name="options">The options.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ValidateOptionsResult Validate(string? name, CustomerGrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxReminderWait < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{nameof(CustomerGrainOptions.MaxReminderWait)}: must be at least 1 second but was {options.MaxReminderWait}.");
        }

        if (options.StageCountsSaveInterval < TimeSpan.FromMilliseconds(1))
        {
            failures.Add($"{nameof(CustomerGrainOptions.StageCountsSaveInterval)}: must be at least 1 millisecond but was {options.StageCountsSaveInterval}.");
        }

        if (options.StageCountsBatchInterval < TimeSpan.Zero)
        {
            failures.Add($"{nameof(CustomerGrainOptions.StageCountsBatchInterval)}: must not be negative but was {options.StageCountsBatchInterval}.");
        }

        if (options.TenantSeparator is { } separator && string.IsNullOrWhiteSpace(separator))
        {
            failures.Add($"{nameof(CustomerGrainOptions.TenantSeparator)}: must be null or text that is not blank.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
