using CustomerLifecycle.Internal;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Feedback;

/// <summary>Rule-based classification of feedback text into a category and an urgency level by configurable keywords.</summary>
/// <remarks>
/// The category with the most distinct matching keywords wins; on a tie the one listed first. Matching needs no spaces between
/// words, so it works on Chinese and Japanese as well as on English (see <see cref="FeedbackCategoryOptions.Keywords"/>).
/// Instances are immutable and thread-safe.
/// </remarks>
public sealed class FeedbackClassifier
{
    private const int StackLimit = 128;

    private readonly string[] _categories;
    private readonly KeywordMatcher _categoryKeywords;
    private readonly int _defaultCategory;
    private readonly string[] _urgencies;
    private readonly KeywordMatcher _urgencyKeywords;
    private readonly int _defaultUrgency;

    /// <summary>Creates a classifier from a policy.</summary>
    /// <param name="options">The policy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="OptionsValidationException">The policy is invalid; the exception lists every failure.</exception>
    public FeedbackClassifier(FeedbackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PolicyValidation.ThrowIfInvalid<FeedbackOptions, FeedbackOptionsValidator>(options);
        _categories = options.Categories.Select(c => c.Name).ToArray();
        _categoryKeywords = new KeywordMatcher(options.Categories.Select(c => (IReadOnlyList<string>)c.Keywords).ToList());
        _defaultCategory = Array.IndexOf(_categories, options.DefaultCategory);
        _urgencies = options.UrgencyLevels.Select(u => u.Name).ToArray();
        _urgencyKeywords = new KeywordMatcher(options.UrgencyLevels.Select(u => (IReadOnlyList<string>)u.Keywords).ToList());
        _defaultUrgency = Array.IndexOf(_urgencies, options.DefaultUrgency);
    }

    internal int DefaultCategoryIndex => _defaultCategory;

    internal IReadOnlyList<string> Urgencies => _urgencies;

    /// <summary>Classifies a text: the category, the keywords that decided it and a reason.</summary>
    /// <param name="text">The feedback text.</param>
    /// <param name="category">A category the host already knows, which is then taken as given; or <see langword="null"/>.</param>
    /// <returns>The classification.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="category"/> is not one of the policy's categories.</exception>
    public FeedbackClassification Classify(string text, string? category = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (category is not null)
        {
            var given = Array.IndexOf(_categories, category);
            if (given < 0)
            {
                throw new ArgumentException($"Category '{category}' is not one of the Categories ({string.Join(", ", _categories)}).", nameof(category));
            }

            return Describe(text, given, ClassificationSource.Host);
        }

        var index = MatchCategory(text);
        return index < 0 ? Describe(text, _defaultCategory, ClassificationSource.Default) : Describe(text, index, ClassificationSource.Keywords);
    }

    /// <summary>Returns the category of a text without explaining it; allocates nothing.</summary>
    /// <param name="text">The feedback text.</param>
    /// <returns>The category name: the best keyword match, or the default category.</returns>
    public string ClassifyCategory(ReadOnlySpan<char> text)
    {
        var index = MatchCategory(text);
        return _categories[index < 0 ? _defaultCategory : index];
    }

    /// <summary>Returns the urgency a text points to: the most urgent level with a matching keyword, or the default urgency.</summary>
    /// <param name="text">The feedback text.</param>
    /// <returns>The urgency level name.</returns>
    public string ClassifyUrgency(ReadOnlySpan<char> text) => _urgencies[UrgencyIndex(text, out _)];

    /// <summary>The category index of the best keyword match, or -1.</summary>
    internal int MatchCategory(ReadOnlySpan<char> text)
    {
        var n = _categoryKeywords.GroupCount;
        var counts = n <= StackLimit ? stackalloc int[n] : new int[n];
        _categoryKeywords.Count(text, counts);
        return KeywordMatcher.Best(counts);
    }

    internal int UrgencyIndex(ReadOnlySpan<char> text, out bool matched)
    {
        var n = _urgencyKeywords.GroupCount;
        var counts = n <= StackLimit ? stackalloc int[n] : new int[n];
        _urgencyKeywords.Count(text, counts);
        var index = KeywordMatcher.Last(counts);
        matched = index >= 0;
        return matched ? index : _defaultUrgency;
    }

    internal IReadOnlyList<string> UrgencyKeywords(string text, int urgency) => _urgencyKeywords.Matches(text, urgency);

    internal IReadOnlyList<string> CategoryKeywords(string text, int category) => _categoryKeywords.Matches(text, category);

    internal FeedbackClassification Describe(string text, int index, ClassificationSource source)
    {
        var name = _categories[index];
        var keywords = _categoryKeywords.Matches(text, index);
        var reason = source switch
        {
            ClassificationSource.Host => new Reason("feedback.category-given", $"Category '{name}' was given by the host.", new Dictionary<string, object?> { ["category"] = name }),
            ClassificationSource.Keywords => new Reason(
                "feedback.category-keywords",
                $"Category '{name}': the text mentions {string.Join(", ", keywords.Select(k => $"'{k}'"))}.",
                new Dictionary<string, object?> { ["category"] = name, ["keywords"] = string.Join(",", keywords) }),
            _ => new Reason("feedback.category-default", $"Category '{name}' is the default: no category keyword matched.", new Dictionary<string, object?> { ["category"] = name }),
        };
        return new FeedbackClassification(name, source, keywords, reason);
    }
}
