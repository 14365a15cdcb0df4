using CustomerLifecycle.Profile;
using CustomerLifecycle.Testing.Conformance;

namespace CustomerLifecycle.Testing.Tests.Conformance;

/// <summary>The SDK's own in-memory profile store passes the conformance suite.</summary>
public sealed class InMemoryProfileStoreConformance : ProfileStoreConformanceTests
{
    /// <inheritdoc/>
    protected override IProfileStore CreateStore() => new InMemoryProfileStore();
}
