using CustomerLifecycle.Internal;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Value;

/// <summary>Validates <see cref="FittingOptions"/>, returning every failure as <c>Property: message</c>.</summary>
/// <remarks>Inside a <see cref="ValueOptions"/> policy the same rules run through <see cref="ValueOptionsValidator"/>, each property prefixed with <c>Fitting.</c>.</remarks>
public sealed class FittingOptionsValidator : IValidateOptions<FittingOptions>, IPolicyValidator<FittingOptions>
{
    /// <summary>Validates fitting settings.</summary>
    /// <param name="name">The options name (unused: every named instance is validated the same way).</param>
    /// <param name="options">The settings.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ValidateOptionsResult Validate(string? name, FittingOptions options) => PolicyValidation.Validate<FittingOptions, FittingOptionsValidator>(options);

    /// <inheritdoc cref="IPolicyValidator{TOptions}.Collect"/>
    static void IPolicyValidator<FittingOptions>.Collect(FittingOptions options, List<string> failures) => Collect(options, string.Empty, failures);

    /// <summary>Adds every problem of <paramref name="options"/> to <paramref name="failures"/>, each property prefixed.</summary>
    internal static void Collect(FittingOptions options, string prefix, List<string> failures)
    {
        if (options.MaxIterations is < 1 or > 100_000)
        {
            failures.Add($"{prefix}MaxIterations: must be in [1, 100000] but was {options.MaxIterations}.");
        }

        RangeRule.Check(failures, prefix + "GradientTolerance", options.GradientTolerance, 1e-15, 1);
        RangeRule.Check(failures, prefix + "L2Penalty", options.L2Penalty, 0, 1e6);
    }
}
