using System.Buffers;

namespace CustomerLifecycle.Feedback;

/// <summary>Finds which groups of keywords (categories, urgency levels) a text mentions, without allocating.</summary>
/// <remarks>
/// Matching is ordinal on the lower-cased text, so it needs no word breaks and works on Chinese and Japanese. A keyword that
/// starts with a Latin letter or digit must start a word, so "bug" does not match "debug" while "crash" still matches "crashes".
/// </remarks>
internal sealed class KeywordMatcher
{
    private const int StackLimit = 512;

    private readonly string[] _keywords;
    private readonly int[] _group;
    private readonly bool[] _wordStart;

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
        GroupCount = groups.Count;
    }

    public int GroupCount { get; }

    /// <summary>Counts the distinct keywords of each group found in <paramref name="text"/> into <paramref name="counts"/>.</summary>
    public void Count(ReadOnlySpan<char> text, Span<int> counts)
    {
        counts.Clear();
        char[]? rented = null;
        var lowered = text.Length <= StackLimit ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length)).AsSpan(0, text.Length);
        text.ToLowerInvariant(lowered);
        for (var k = 0; k < _keywords.Length; k++)
        {
            if (Contains(lowered, k))
            {
                counts[_group[k]]++;
            }
        }

        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>The keywords of <paramref name="group"/> found in <paramref name="text"/>, in the order they were configured.</summary>
    public List<string> Matches(string text, int group)
    {
        var lowered = text.ToLowerInvariant();
        var found = new List<string>();
        for (var k = 0; k < _keywords.Length; k++)
        {
            if (_group[k] == group && Contains(lowered, k))
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

    private bool Contains(ReadOnlySpan<char> lowered, int k)
    {
        var keyword = _keywords[k].AsSpan();
        var from = 0;
        while (from <= lowered.Length - keyword.Length)
        {
            var at = lowered[from..].IndexOf(keyword, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            at += from;
            if (!_wordStart[k] || at == 0 || !IsWordChar(lowered[at - 1]))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }

    // Latin letters and digits form words; CJK text has no spaces, so its characters never block a match.
    private static bool IsWordChar(char c) => c < '\u2E80' && char.IsLetterOrDigit(c);
}
