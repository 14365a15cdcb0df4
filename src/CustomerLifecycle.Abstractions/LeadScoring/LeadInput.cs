namespace CustomerLifecycle.LeadScoring;

/// <summary>What the lead-scoring engine knows about one prospect: its attributes and its interactions.</summary>
/// <remarks>
/// <para>Every attribute is optional: a rule about an attribute the host did not supply does not match. Strings (industry,
/// region, e-mail domain, flags, interaction kinds) are compared with the policy's ordinally, ignoring case.</para>
/// <para>The engine checks the values when it scores: <see cref="Employees"/> must be a finite number &gt;= 0, the lists
/// must not be null nor hold null or blank entries, and every interaction needs a kind and an instant other than
/// <c>default(Instant)</c>. Interactions of a kind the policy does not know, and interactions after the instant of the
/// evaluation, are not errors: they are ignored, and the result says so.</para>
/// </remarks>
public sealed record LeadInput
{
    /// <summary>Creates the input of a prospect with no attributes and no interactions.</summary>
    /// <param name="prospect">The prospect's id.</param>
    /// <exception cref="ArgumentException"><paramref name="prospect"/> is <c>default(CustomerId)</c>.</exception>
    public LeadInput(CustomerId prospect)
    {
        CustomerId.ThrowIfDefault(prospect);
        Prospect = prospect;
    }

    /// <summary>Gets the prospect's id.</summary>
    public CustomerId Prospect { get; }

    /// <summary>Gets the prospect's industry, e.g. <c>"software"</c>, or <see langword="null"/> when unknown.</summary>
    public string? Industry { get; init; }

    /// <summary>Gets the company's size in employees (a finite number &gt;= 0), or <see langword="null"/> when unknown.</summary>
    public double? Employees { get; init; }

    /// <summary>Gets the prospect's region, e.g. <c>"europe"</c>, or <see langword="null"/> when unknown.</summary>
    public string? Region { get; init; }

    /// <summary>Gets the domain of the prospect's e-mail address, e.g. <c>"example.com"</c>, or <see langword="null"/> when unknown.</summary>
    public string? EmailDomain { get; init; }

    /// <summary>Gets the host-defined flags that hold for the prospect, e.g. <c>"uses-erp"</c>, <c>"unsubscribed"</c>, <c>"spam"</c>.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>Gets the prospect's interactions, in any order.</summary>
    public IReadOnlyList<LeadInteraction> Interactions { get; init; } = [];
}
