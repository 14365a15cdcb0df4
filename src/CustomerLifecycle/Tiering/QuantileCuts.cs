namespace CustomerLifecycle.Tiering;

/// <summary>Turns a sorted population into score cut points, so each customer's score is a few comparisons.</summary>
/// <remarks>
/// A value's position is the middle of its run of equal values, <c>(below + equal / 2) / N</c> (the Hazen plotting
/// position), and its score is <c>1 + floor(scoreCount × position)</c>. Equal values share a run, so they always get the
/// same score; a larger value's run lies strictly further up, so it never gets a lower one; an all-equal population sits in
/// the middle score.
/// </remarks>
internal static class QuantileCuts
{
    /// <summary>Writes the ascending cut points: a key of at least <c>cuts[i]</c> scores at least <c>i + 2</c>.</summary>
    public static void FromSorted(ReadOnlySpan<double> sorted, int scoreCount, Span<double> cuts)
    {
        cuts.Fill(double.PositiveInfinity);
        var n = sorted.Length;
        var reached = 1;
        var i = 0;
        while (i < n)
        {
            var value = sorted[i];
            var j = i + 1;
            while (j < n && sorted[j] == value)
            {
                j++;
            }

            var score = 1 + (int)(scoreCount * (i + ((j - i) / 2.0)) / n);
            if (score > scoreCount)
            {
                score = scoreCount;
            }

            for (var s = reached + 1; s <= score; s++)
            {
                cuts[s - 2] = value;
            }

            if (score > reached)
            {
                reached = score;
            }

            i = j;
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
}
