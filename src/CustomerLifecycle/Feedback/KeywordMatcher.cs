using System.Buffers;

namespace CustomerLifecycle.Feedback;

/// <summary>Finds which groups of keywords (categories, urgency levels) a text mentions, in one pass and without allocating.</summary>
/// <remarks>
/// Matching is ordinal on the lower-cased text, so it needs no word breaks and works on Chinese and Japanese. A keyword that
/// starts with a Latin letter or digit must start a word, so "bug" does not match "debug" while "crash" still matches "crashes".
/// Keywords are bucketed by their first character, so each position of the text is compared only with the keywords that can
/// start there.
/// </remarks>
internal sealed class KeywordMatcher
{
    private const int StackLimit = 512;

    private readonly string[] _keywords;
    private readonly int[] _group;
    private readonly bool[] _wordStart;
    private readonly int[]?[] _asciiBuckets = new int[]?[128];
    private readonly Dictionary<char, int[]> _otherBuckets;

    public KeywordMatcher(IReadOnlyList<IReadOnlyList<string>> groups)
    {
        var keywords = new List<string>();
        var group = new List<int>();
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var keyword in groups[g].Select(k => k.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal))
            {
                keywords.Add(keyword);
                group.Add(g);
            }
        }

        _keywords = [.. keywords];
        _group = [.. group];
        _wordStart = _keywords.Select(k => IsWordChar(k[0])).ToArray();
        var buckets = Enumerable.Range(0, _keywords.Length).GroupBy(k => _keywords[k][0]).ToDictionary(b => b.Key, b => b.ToArray());
        _otherBuckets = buckets.Where(b => b.Key >= 128).ToDictionary(b => b.Key, b => b.Value);
        foreach (var (first, indices) in buckets.Where(b => b.Key < 128))
        {
            _asciiBuckets[first] = indices;
        }

        GroupCount = groups.Count;
    }

    public int GroupCount { get; }

    /// <summary>Counts the distinct keywords of each group found in <paramref name="text"/> into <paramref name="counts"/>.</summary>
    public void Count(ReadOnlySpan<char> text, Span<int> counts)
    {
        counts.Clear();
        bool[]? rentedSeen = null;
        var seen = _keywords.Length <= StackLimit ? stackalloc bool[_keywords.Length] : (rentedSeen = ArrayPool<bool>.Shared.Rent(_keywords.Length)).AsSpan(0, _keywords.Length);
        seen.Clear();
        Scan(text, seen);
        for (var k = 0; k < seen.Length; k++)
        {
            if (seen[k])
            {
                counts[_group[k]]++;
            }
        }

        if (rentedSeen is not null)
        {
            ArrayPool<bool>.Shared.Return(rentedSeen);
        }
    }

    /// <summary>The keywords of <paramref name="group"/> found in <paramref name="text"/>, in the order they were configured.</summary>
    public List<string> Matches(string text, int group)
    {
        var seen = new bool[_keywords.Length];
        Scan(text, seen);
        var found = new List<string>();
        for (var k = 0; k < _keywords.Length; k++)
        {
            if (seen[k] && _group[k] == group)
            {
                found.Add(_keywords[k]);
            }
        }

        return found;
    }

    /// <summary>Picks the group with the most distinct matches (the first listed on a tie), or -1 when nothing matched.</summary>
    public static int Best(ReadOnlySpan<int> counts)
    {
        var best = -1;
        var bestCount = 0;
        for (var g = 0; g < counts.Length; g++)
        {
            if (counts[g] > bestCount)
            {
                best = g;
                bestCount = counts[g];
            }
        }

        return best;
    }

    /// <summary>The last group (the most urgent, when groups are listed from least to most) with any match, or -1.</summary>
    public static int Last(ReadOnlySpan<int> counts)
    {
        for (var g = counts.Length - 1; g >= 0; g--)
        {
            if (counts[g] > 0)
            {
                return g;
            }
        }

        return -1;
    }

    /// <summary>Marks in <paramref name="seen"/> every keyword that occurs in <paramref name="text"/>.</summary>
    private void Scan(ReadOnlySpan<char> text, Span<bool> seen)
    {
        char[]? rented = null;
        var lowered = text.Length <= StackLimit ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length)).AsSpan(0, text.Length);
        text.ToLowerInvariant(lowered);
        for (var i = 0; i < lowered.Length; i++)
        {
            var c = lowered[i];
            var bucket = c < 128 ? _asciiBuckets[c] : _otherBuckets.GetValueOrDefault(c);
            if (bucket is null)
            {
                continue;
            }

            var atWordStart = i == 0 || !IsWordChar(lowered[i - 1]);
            var rest = lowered[i..];
            foreach (var k in bucket)
            {
                if (!seen[k] && (atWordStart || !_wordStart[k]) && rest.StartsWith(_keywords[k], StringComparison.Ordinal))
                {
                    seen[k] = true;
                }
            }
        }

        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    // Latin letters and digits form words; CJK text has no spaces, so its characters never block a match.
    private static bool IsWordChar(char c) => c < '\u2E80' && char.IsLetterOrDigit(c);
}
