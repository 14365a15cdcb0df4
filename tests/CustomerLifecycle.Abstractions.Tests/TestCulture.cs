using System.Globalization;
using System.Runtime.CompilerServices;

namespace CustomerLifecycle.Abstractions.Tests;

/// <summary>
/// Runs the tests under the invariant culture, whatever the machine's: .NET itself appends culture-formatted values to some
/// exception messages ("Actual value was 1,2."), and the tests pin exact messages.
/// </summary>
internal static class TestCulture
{
#pragma warning disable CA2255 // A module initializer is the way to set the culture before any test runs.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void UseInvariantCulture()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }
}
