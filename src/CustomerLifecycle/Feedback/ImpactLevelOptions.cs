namespace CustomerLifecycle.Feedback;

/// <summary>An impact level: an item reaches it when enough customers, or a large enough share of them, are affected.</summary>
public sealed class ImpactLevelOptions
{
    /// <summary>Gets or sets the level name, e.g. <c>"Extensive"</c>.</summary>
    /// <value>The default value is an empty string (a name is required).</value>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the number of affected customers that reaches this level, or 0 for no count rule.</summary>
    /// <value>The default value is 0.</value>
    public int MinCustomers { get; set; }

    /// <summary>Gets or sets the share of all customers, in [0, 1], that reaches this level, or 0 for no share rule.</summary>
    /// <value>The default value is 0.</value>
    public double MinShare { get; set; }
}
