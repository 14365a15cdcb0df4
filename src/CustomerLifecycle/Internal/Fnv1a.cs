namespace CustomerLifecycle.Internal;

/// <summary>FNV-1a (64 bits) over texts: stable across processes and machines, unlike <see cref="string.GetHashCode()"/>,
/// for the fingerprints that records and results carry between processes.</summary>
internal static class Fnv1a
{
    /// <summary>The hash of the texts one after another, as of their concatenation: give texts that delimit themselves (JSON
    /// objects, fixed names), since ("ab", "c") and ("a", "bc") hash alike.</summary>
    public static long Hash(ReadOnlySpan<string> texts)
    {
        var hash = 14695981039346656037ul;
        foreach (var text in texts)
        {
            foreach (var c in text)
            {
                hash = (hash ^ c) * 1099511628211ul;
            }
        }

        return unchecked((long)hash);
    }
}
