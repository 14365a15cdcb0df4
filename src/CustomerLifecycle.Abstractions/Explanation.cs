using System.Text;

namespace CustomerLifecycle;

/// <summary>A decision explained for a person: whose it is, what was decided and why; the same shape for every engine.</summary>
/// <remarks>
/// Every engine's <c>Explain</c> returns an <see cref="Explanation{TResult}"/>, which adds the engine's own typed result. A
/// host can show any engine's explanation through this base type alone (as data, or as text through <see cref="ToString"/>).
/// </remarks>
public abstract record Explanation
{
    /// <summary>Creates an explanation.</summary>
    /// <param name="subject">Whose decision it is: a customer id, a feedback id.</param>
    /// <param name="decision">The decision in one line, e.g. <c>"stage Growing (was Onboarding)"</c>.</param>
    /// <param name="reasons">Why: the rules that fired and each factor with its values, in the order a person reads them.</param>
    /// <exception cref="ArgumentException"><paramref name="subject"/> or <paramref name="decision"/> is null, empty or whitespace.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reasons"/> is null.</exception>
    private protected Explanation(string subject, string decision, IReadOnlyList<Reason> reasons)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(decision);
        ArgumentNullException.ThrowIfNull(reasons);
        Subject = subject;
        Decision = decision;
        Reasons = reasons;
    }

    /// <summary>Gets whose decision it is: a customer id, a feedback id.</summary>
    public string Subject { get; }

    /// <summary>Gets the decision in one line.</summary>
    public string Decision { get; }

    /// <summary>Gets why: the rules that fired and each factor with its values, in the order a person reads them.</summary>
    public IReadOnlyList<Reason> Reasons { get; }

    /// <summary>The explanation as text: <c>"{Subject}: {Decision}"</c>, then one line <c>"- {message}"</c> per reason.</summary>
    /// <returns>The text, lines separated by <c>'\n'</c>.</returns>
    public sealed override string ToString()
    {
        var text = new StringBuilder().Append(Subject).Append(": ").Append(Decision);
        foreach (var reason in Reasons)
        {
            text.Append('\n').Append("- ").Append(reason.Message);
        }

        return text.ToString();
    }
}

/// <summary>A decision explained for a person, with the engine's typed result it explains.</summary>
/// <typeparam name="TResult">The engine's result: the same one its single-customer <c>Evaluate</c> returns.</typeparam>
public sealed record Explanation<TResult> : Explanation
{
    /// <summary>Creates an explanation.</summary>
    /// <param name="subject">Whose decision it is: a customer id, a feedback id.</param>
    /// <param name="decision">The decision in one line.</param>
    /// <param name="result">The engine's result.</param>
    /// <param name="reasons">Why, in the order a person reads them.</param>
    /// <exception cref="ArgumentException"><paramref name="subject"/> or <paramref name="decision"/> is null, empty or whitespace.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="reasons"/> is null.</exception>
    public Explanation(string subject, string decision, TResult result, IReadOnlyList<Reason> reasons)
        : base(subject, decision, reasons)
    {
        ArgumentNullException.ThrowIfNull(result);
        Result = result;
    }

    /// <summary>Gets the engine's result.</summary>
    public TResult Result { get; }
}
