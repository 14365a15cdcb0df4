using CustomerLifecycle.Feedback;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerLifecycle.Testing.Generators;

/// <summary>FsCheck arbitraries for feedback types, to register with <c>[Property(Arbitrary = new[] { typeof(FeedbackArbitraries) })]</c>.</summary>
public static class FeedbackArbitraries
{
    /// <summary>Items (see <see cref="FeedbackGenerators.Item"/>).</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<FeedbackItem> Items() => FeedbackGenerators.Item.ToArbitrary();

    /// <summary>Valid feedback policies (see <see cref="FeedbackGenerators.Policy"/>).</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<FeedbackOptions> Policies() => FeedbackGenerators.Policy.ToArbitrary();
}
