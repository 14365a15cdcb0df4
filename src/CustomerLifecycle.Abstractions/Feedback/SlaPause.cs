using NodaTime;

namespace CustomerLifecycle.Feedback;

/// <summary>A span during which an SLA clock does not run (e.g. waiting on the customer).</summary>
/// <param name="From">When the pause began.</param>
/// <param name="Until">When it ended, or <see langword="null"/> while it lasts.</param>
public readonly record struct SlaPause(Instant From, Instant? Until);
