namespace CustomerLifecycle.Orleans.Grains;

/// <summary>The tenants that have a lifecycle policy of their own in this silo (named <c>LifecycleOptions</c>).</summary>
internal sealed class LifecycleTenants
{
    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
}
