using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Testing.Conformance;

namespace CustomerLifecycle.Testing.Tests.Conformance;

/// <summary>The SDK's own in-memory loyalty store passes the conformance suite.</summary>
public sealed class InMemoryLoyaltyStoreConformance : LoyaltyStoreConformanceTests
{
    /// <inheritdoc/>
    protected override ILoyaltyStore CreateStore() => new InMemoryLoyaltyStore();
}
