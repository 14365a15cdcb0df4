namespace CustomerLifecycle;

/// <summary>The defaults and limits of <see cref="RetryOptions"/>.</summary>
internal static class RetryDefaults
{
    /// <summary>Enough for a handful of writers racing on one record; a conflict beyond it points at a hot key, not bad luck.</summary>
    public const int MaxAttempts = 10;

    /// <summary>The most attempts allowed: more would hide a writer that never yields behind ever more reloads.</summary>
    public const int MaxAttemptsLimit = 100;
}
