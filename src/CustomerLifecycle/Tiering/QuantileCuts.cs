using System.Numerics;

namespace CustomerLifecycle.Tiering;

/// <summary>Turns a population into score cut points, so each customer's score is a few comparisons.</summary>
/// <remarks>
/// A value's position is the middle of its run of equal values, <c>(below + equal / 2) / N</c> (the Hazen plotting
/// position), and its score is <c>1 + floor(scoreCount × position)</c>, at most <c>scoreCount</c>. Equal values share a
/// run, so they always get the same score; a larger value's run lies strictly further up, so it never gets a lower one; an
/// all-equal population sits in the middle score. Only the cut points are needed, not a full order: each is found by
/// selection (expected linear time) and one counting pass, instead of sorting the population.
/// </remarks>
internal static class QuantileCuts
{
    /// <summary>Writes the ascending cut points (<paramref name="cuts"/> has <c>scoreCount − 1</c> entries): a key of at
    /// least <c>cuts[i]</c> scores at least <c>i + 2</c>; a score nobody reaches has an infinite cut. Reorders
    /// <paramref name="keys"/>, the caller's scratch copy.</summary>
    public static void FromKeys(Span<double> keys, int scoreCount, Span<double> cuts)
    {
        cuts.Fill(double.PositiveInfinity);
        long n = keys.Length;
        if (n == 0)
        {
            return;
        }

        // The cut for score s + 1 is the smallest value whose run midpoint reaches s·N/scoreCount. The value at sorted index
        // floor(s·N/scoreCount) is that value when its own midpoint reaches the target; otherwise (every earlier run ends
        // before the target) it is the next larger value.
        Span<double> candidates = stackalloc double[cuts.Length];
        var from = 0;
        for (var s = 1; s < scoreCount; s++)
        {
            var k = (int)(s * n / scoreCount);
            Select(keys[from..], k - from);
            candidates[s - 1] = keys[k];
            from = k;
        }

        Span<long> below = stackalloc long[cuts.Length];
        Span<long> equal = stackalloc long[cuts.Length];
        Span<double> next = stackalloc double[cuts.Length];
        below.Clear();
        equal.Clear();
        next.Fill(double.PositiveInfinity);
        foreach (var key in keys)
        {
            for (var c = 0; c < candidates.Length; c++)
            {
                var candidate = candidates[c];
                if (key < candidate)
                {
                    below[c]++;
                }
                else if (key == candidate)
                {
                    equal[c]++;
                }
                else if (key < next[c])
                {
                    next[c] = key;
                }
            }
        }

        for (var s = 1; s < scoreCount; s++)
        {
            // midpoint ≥ s·N/scoreCount, in exact integers: scoreCount·(2·below + equal) ≥ 2·s·N
            var reaches = scoreCount * ((2 * below[s - 1]) + equal[s - 1]) >= 2 * s * n;
            cuts[s - 1] = reaches ? candidates[s - 1] : next[s - 1];
        }
    }

    /// <summary>The score of <paramref name="key"/> given ascending cut points.</summary>
    public static int Score(double key, ReadOnlySpan<double> cuts)
    {
        var score = 1;
        for (var i = 0; i < cuts.Length; i++)
        {
            if (key >= cuts[i])
            {
                score++;
            }
        }

        return score;
    }

    /// <summary>Rearranges <paramref name="span"/> so that <c>span[k]</c> is its k-th smallest value, with nothing larger
    /// before it and nothing smaller after it (Hoare's selection, falling back to a sort on bad pivots).</summary>
    private static void Select(Span<double> span, int k)
    {
        var lo = 0;
        var hi = span.Length - 1;
        var budget = (2 * BitOperations.Log2((uint)span.Length)) + 4;
        while (hi > lo)
        {
            if (hi - lo < 16 || budget-- == 0)
            {
                span[lo..(hi + 1)].Sort();
                return;
            }

            var mid = lo + ((hi - lo) / 2);
            if (span[mid] < span[lo])
            {
                (span[mid], span[lo]) = (span[lo], span[mid]);
            }

            if (span[hi] < span[lo])
            {
                (span[hi], span[lo]) = (span[lo], span[hi]);
            }

            if (span[hi] < span[mid])
            {
                (span[hi], span[mid]) = (span[mid], span[hi]);
            }

            var pivot = span[mid];
            var i = lo;
            var j = hi;
            while (i <= j)
            {
                while (span[i] < pivot)
                {
                    i++;
                }

                while (span[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (span[i], span[j]) = (span[j], span[i]);
                    i++;
                    j--;
                }
            }

            // Now span[lo..j] <= pivot, span[i..hi] >= pivot and everything in between equals the pivot.
            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }
}
