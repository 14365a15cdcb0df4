using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace CustomerLifecycle.Orleans.Serialization;

/// <summary>The arrays behind the records' immutable arrays, for surrogates.</summary>
internal static class Arrays
{
    /// <summary>The array behind <paramref name="values"/>, not copied: the records' arrays are immutable and a surrogate
    /// only reads them.</summary>
    public static T[] Shared<T>(ImmutableArray<T> values) => ImmutableCollectionsMarshal.AsArray(values) ?? [];
}
