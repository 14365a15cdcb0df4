using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerLifecycle.Testing.Checks;

/// <summary>Ready property checks for a host's own lifecycle policy and for the way the host feeds it events.</summary>
/// <remarks>
/// Each check returns an FsCheck <see cref="Property"/>: return it from an FsCheck.Xunit <c>[Property]</c> test, or assert it
/// in one line with <c>.QuickCheckThrowOnFailure()</c>.
/// </remarks>
public static class LifecyclePolicyChecks
{
    /// <summary>
    /// Checks that a customer's record does not depend on the order their events arrive in: folding a history gives the same
    /// record as folding any permutation of it, as folding it with every event delivered twice, and as applying its events one
    /// by one in time order with <see cref="LifecycleEngine.TryApply"/>.
    /// </summary>
    /// <remarks>The fold checked is <see cref="LifecycleEngine.Replay"/>, which sorts the events first; use the other overload to
    /// check the host's own ingestion path.</remarks>
    /// <param name="policy">The policy to check.</param>
    /// <returns>The property; histories are drawn with <see cref="LifecycleGenerators.History"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="policy"/> is invalid.</exception>
    public static Property ReplayIsOrderIndependent(LifecycleOptions policy)
        => ReplayIsOrderIndependent(policy, (engine, customer, events) => engine.Replay(customer, events).Record);

    /// <summary>
    /// Checks that the host's own way of folding a customer's events into a record (<paramref name="fold"/>) does not depend on
    /// the order the events arrive in: any permutation, and every event delivered twice, give the record that applying the
    /// events one by one in time order with <see cref="LifecycleEngine.TryApply"/> gives.
    /// </summary>
    /// <remarks>
    /// A fold that applies events as they arrive (load, <c>TryApply</c>, save) refuses the ones older than what the record has
    /// seen as late, so its result depends on the arrival order; this check finds such a history.
    /// </remarks>
    /// <param name="policy">The policy to check.</param>
    /// <param name="fold">Builds a customer's record from their events, in the order given; null when it builds none.</param>
    /// <returns>The property; histories are drawn with <see cref="LifecycleGenerators.History"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> or <paramref name="fold"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="policy"/> is invalid.</exception>
    public static Property ReplayIsOrderIndependent(LifecycleOptions policy, Func<LifecycleEngine, CustomerId, IReadOnlyList<LifecycleEvent>, LifecycleRecord?> fold)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(fold);
        var engine = new LifecycleEngine(policy);
        var customer = LifecycleGenerators.Customer;
        var cases = from history in LifecycleGenerators.History
                    from shuffled in Gen.Shuffle(history.ToArray())
                    select new LifecycleCase(history, shuffled);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var expected = InTimeOrder(engine, c.History);
            var arrived = fold(engine, customer, c.History);
            var permuted = fold(engine, customer, c.Shuffled);
            var twice = fold(engine, customer, [.. c.History, .. c.History]);
            return Same(expected, arrived).Label("Folding the events as they arrived differs from applying them in time order.")
                .And(Same(expected, permuted).Label($"Folding the events in the order [{string.Join(", ", c.Shuffled.Select(e => e.Id))}] differs from applying them in time order."))
                .And(Same(expected, twice).Label("Folding every event twice differs from applying each once in time order."));
        });
    }

    private static LifecycleRecord? InTimeOrder(LifecycleEngine engine, IReadOnlyList<LifecycleEvent> events)
    {
        LifecycleRecord? record = null;
        foreach (var @event in events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            var outcome = engine.TryApply(record, @event);
            record = outcome.Record ?? record;
        }

        return record;
    }

    private static bool Same(LifecycleRecord? a, LifecycleRecord? b) => a is null ? b is null : a.Equals(b);

    /// <summary>A history in arrival order and the same events shuffled.</summary>
    private sealed record LifecycleCase(IReadOnlyList<LifecycleEvent> History, LifecycleEvent[] Shuffled)
    {
        public override string ToString() => $"[{string.Join(", ", History)}]";
    }
}
