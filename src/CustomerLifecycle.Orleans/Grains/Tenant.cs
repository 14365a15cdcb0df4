namespace CustomerLifecycle.Orleans.Grains;

/// <summary>The tenant a customer grain's key names, and the key of that tenant's stage counts.</summary>
internal static class Tenant
{
    /// <summary>The tenant before the first <paramref name="separator"/> of <paramref name="key"/>; null when customer ids
    /// carry no tenant or this one names none.</summary>
    public static string? Of(string key, string? separator)
        => separator is not null && key.IndexOf(separator, StringComparison.Ordinal) is > 0 and var end ? key[..end] : null;

    /// <summary>The key of the stage counts of <paramref name="tenant"/>, or of the customers without a tenant.</summary>
    public static string StageCountsKey(string? tenant) => tenant is null ? IStageCountsGrain.ClusterKey : $"tenant/{tenant}";
}
