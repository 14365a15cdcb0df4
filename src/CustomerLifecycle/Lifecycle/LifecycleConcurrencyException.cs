namespace CustomerLifecycle.Lifecycle;

/// <summary>Thrown by <see cref="LifecycleService"/> when every attempt to save a customer's record lost a version race.</summary>
public sealed class LifecycleConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="currentVersion">The version stored after the last attempt.</param>
    public LifecycleConcurrencyException(CustomerId customer, int attempts, long currentVersion)
        : base($"Could not save the lifecycle record of customer '{customer}': {attempts} attempts lost a version race (the store is now at version {currentVersion}). Remedy: retry later, or raise LifecycleServiceOptions.MaxAttempts.")
    {
        Customer = customer;
        Attempts = attempts;
        CurrentVersion = currentVersion;
    }

    /// <summary>Gets the customer.</summary>
    public CustomerId Customer { get; }

    /// <summary>Gets how many attempts were made.</summary>
    public int Attempts { get; }

    /// <summary>Gets the version stored after the last attempt.</summary>
    public long CurrentVersion { get; }
}
