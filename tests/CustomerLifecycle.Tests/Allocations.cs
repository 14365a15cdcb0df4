namespace CustomerLifecycle.Tests;

/// <summary>Measures what a batch allocates on the calling thread, for the tests that require nothing per customer.</summary>
internal static class Allocations
{
    /// <summary>The fewest bytes <paramref name="batch"/> allocated on this thread over up to three runs (stopping at the
    /// first that allocates nothing).</summary>
    /// <remarks>Other tests run beside these ones: a gen-2 collection under their memory pressure may drop pooled arrays, or
    /// the runtime may do one-off work of its own on this thread, and the next run then allocates once. A per-customer
    /// allocation shows in every run; those at most in one. Pass only a batch whose every run takes the same path.</remarks>
    public static long Fewest(Action batch)
    {
        var fewest = long.MaxValue;
        for (var attempt = 0; attempt < 3 && fewest != 0; attempt++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            batch();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }
}
