using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Internal;

/// <summary>What every options validator implements: the one place its rules are written.</summary>
/// <typeparam name="TOptions">The options it validates.</typeparam>
internal interface IPolicyValidator<TOptions>
    where TOptions : class
{
    /// <summary>Adds every problem with <paramref name="options"/> to <paramref name="failures"/> as <c>Property: message</c>, in a stable order.</summary>
    static abstract void Collect(TOptions options, List<string> failures);
}

/// <summary>The one way a policy is validated: by <see cref="IValidateOptions{TOptions}"/> at host start, and by every engine constructor.</summary>
internal static class PolicyValidation
{
    /// <summary>Every problem with <paramref name="options"/>, in a stable order; empty when it is valid.</summary>
    public static List<string> Failures<TOptions, TValidator>(TOptions options)
        where TOptions : class
        where TValidator : IPolicyValidator<TOptions>
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        TValidator.Collect(options, failures);
        return failures;
    }

    /// <summary>The <see cref="IValidateOptions{TOptions}.Validate"/> answer: success, or a failure listing every problem.</summary>
    public static ValidateOptionsResult Validate<TOptions, TValidator>(TOptions options)
        where TOptions : class
        where TValidator : IPolicyValidator<TOptions>
    {
        var failures = Failures<TOptions, TValidator>(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Returns <paramref name="options"/>, or throws an <see cref="OptionsValidationException"/> listing every problem.</summary>
    public static TOptions ThrowIfInvalid<TOptions, TValidator>(TOptions options)
        where TOptions : class
        where TValidator : IPolicyValidator<TOptions>
    {
        var failures = Failures<TOptions, TValidator>(options);
        return failures.Count == 0 ? options : throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), failures);
    }
}
