namespace CustomerLifecycle.Tiering;

/// <summary>How the criteria of a tier rule combine.</summary>
public enum RuleMatch
{
    /// <summary>Every criterion must hold.</summary>
    All,

    /// <summary>At least one criterion must hold.</summary>
    Any,
}
