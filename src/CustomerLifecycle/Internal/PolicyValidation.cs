using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Internal;

/// <summary>How every engine constructor refuses an invalid policy: one exception listing every problem.</summary>
internal static class PolicyValidation
{
    /// <summary>Throws an <see cref="OptionsValidationException"/> listing <paramref name="failures"/> when there is any.</summary>
    public static void ThrowIfAny<TOptions>(IEnumerable<string>? failures)
    {
        var list = failures?.ToList();
        if (list is { Count: > 0 })
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), list);
        }
    }
}
