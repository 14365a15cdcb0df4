namespace CustomerLifecycle;

/// <summary>The result of an optimistic save to a store port.</summary>
/// <param name="Succeeded">True when the record was saved; false on a version conflict.</param>
/// <param name="Version">The new version when saved; the version now stored on a conflict (0 when nothing is stored).</param>
public readonly record struct SaveResult(bool Succeeded, long Version)
{
    /// <summary>A successful save.</summary>
    /// <param name="version">The new version.</param>
    /// <returns>The result.</returns>
    public static SaveResult Saved(long version) => new(true, version);

    /// <summary>A version conflict.</summary>
    /// <param name="currentVersion">The version now stored.</param>
    /// <returns>The result.</returns>
    public static SaveResult Conflict(long currentVersion) => new(false, currentVersion);
}
