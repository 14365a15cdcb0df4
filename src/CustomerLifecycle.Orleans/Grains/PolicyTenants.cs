namespace CustomerLifecycle.Orleans.Grains;

/// <summary>The tenants that have a policy of their own in this silo (the <typeparamref name="TOptions"/> named after them).</summary>
/// <typeparam name="TOptions">The policy.</typeparam>
internal sealed class PolicyTenants<TOptions>
{
    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
}
