using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Testing.Conformance;

namespace CustomerLifecycle.Testing.Tests.Conformance;

/// <summary>The SDK's own in-memory lifecycle store passes the conformance suite.</summary>
public sealed class InMemoryLifecycleStoreConformance : LifecycleStoreConformanceTests
{
    /// <inheritdoc/>
    protected override ILifecycleStore CreateStore() => new InMemoryLifecycleStore();
}
