using CustomerLifecycle.Feedback;
using CustomerLifecycle.Testing.Conformance;

namespace CustomerLifecycle.Testing.Tests.Conformance;

/// <summary>The SDK's own in-memory feedback store passes the conformance suite.</summary>
public sealed class InMemoryFeedbackStoreConformance : FeedbackStoreConformanceTests
{
    /// <inheritdoc/>
    protected override IFeedbackStore CreateStore() => new InMemoryFeedbackStore();
}
