using System.Runtime.CompilerServices;
using NodaTime;

namespace CustomerLifecycle.Health;

/// <summary>One customer's raw factor values, held inline by factor slot so that a batch is one flat array.</summary>
/// <remarks>
/// <para>A slot is the position of a factor in the health policy (the engine's <c>SlotOf(id)</c> and <c>FactorIds</c>). At most
/// <see cref="MaxFactors"/> factors are supported. <c>default(HealthInput)</c> has no value in any slot: every factor is missing.</para>
/// <para>A value may carry the instant it was observed; the engine consults it only for factors whose missing-data policy is
/// carry-forward. NaN or infinite values are stored as given and treated by the engine as missing (the factor's missing-data
/// policy applies); they never reach the score.</para>
/// <para>This is a mutable struct so that a host can fill a large array of inputs in place without copying.</para>
/// </remarks>
public struct HealthInput
{
    /// <summary>The largest number of factors (slots) a health policy and an input can have: 16.</summary>
    public const int MaxFactors = 16;

    // Masks and values first, observation instants last: the scoring loop reads the first 136 bytes and touches the
    // instants only for carry-forward factors.
    private int _present;
    private int _observed;
    private FactorValues _values;
    private FactorTicks _observedAt;

    /// <summary>Gets a value indicating whether no slot has a value.</summary>
    public readonly bool IsEmpty => _present == 0;

    /// <summary>Sets the value of a slot, taken as current.</summary>
    /// <param name="slot">The factor slot, within [0, <see cref="MaxFactors"/>).</param>
    /// <param name="value">The raw value.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is outside [0, <see cref="MaxFactors"/>).</exception>
    public void Set(int slot, double value)
    {
        CheckSlot(slot);
        _values[slot] = value;
        _present |= 1 << slot;
        _observed &= ~(1 << slot);
    }

    /// <summary>Sets the value of a slot with the instant it was observed.</summary>
    /// <param name="slot">The factor slot, within [0, <see cref="MaxFactors"/>).</param>
    /// <param name="value">The raw value.</param>
    /// <param name="observedAt">When the value was observed.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is outside [0, <see cref="MaxFactors"/>).</exception>
    public void Set(int slot, double value, Instant observedAt)
    {
        CheckSlot(slot);
        _values[slot] = value;
        _observedAt[slot] = observedAt.ToUnixTimeTicks();
        _present |= 1 << slot;
        _observed |= 1 << slot;
    }

    /// <summary>Removes the value of a slot, so the factor is missing.</summary>
    /// <param name="slot">The factor slot, within [0, <see cref="MaxFactors"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is outside [0, <see cref="MaxFactors"/>).</exception>
    public void Clear(int slot)
    {
        CheckSlot(slot);
        _values[slot] = 0;
        _present &= ~(1 << slot);
        _observed &= ~(1 << slot);
    }

    /// <summary>Gets a value indicating whether a slot has a value (possibly NaN).</summary>
    /// <param name="slot">The factor slot, within [0, <see cref="MaxFactors"/>).</param>
    /// <returns><see langword="true"/> when a value was set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is outside [0, <see cref="MaxFactors"/>).</exception>
    public readonly bool HasValue(int slot)
    {
        CheckSlot(slot);
        return (_present & (1 << slot)) != 0;
    }

    /// <summary>Gets the value of a slot, or NaN when it has none.</summary>
    /// <param name="slot">The factor slot, within [0, <see cref="MaxFactors"/>).</param>
    /// <returns>The raw value, or NaN.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is outside [0, <see cref="MaxFactors"/>).</exception>
    public readonly double GetValue(int slot)
    {
        CheckSlot(slot);
        return (_present & (1 << slot)) != 0 ? _values[slot] : double.NaN;
    }

    /// <summary>Gets when the value of a slot was observed, or <see langword="null"/> when not stated.</summary>
    /// <param name="slot">The factor slot, within [0, <see cref="MaxFactors"/>).</param>
    /// <returns>The instant, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is outside [0, <see cref="MaxFactors"/>).</exception>
    public readonly Instant? GetObservedAt(int slot)
    {
        CheckSlot(slot);
        return (_observed & (1 << slot)) != 0 ? Instant.FromUnixTimeTicks(_observedAt[slot]) : null;
    }

    private static void CheckSlot(int slot)
    {
        if ((uint)slot >= MaxFactors)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), slot, $"A factor slot should be in range [0-{MaxFactors - 1}] but was {slot}.");
        }
    }

    /// <summary>Gets the bit mask of slots that have a value (bit i = slot i).</summary>
    public readonly int PresentMask => _present;

    /// <summary>Gets the bit mask of slots whose value carries an observation instant (bit i = slot i).</summary>
    public readonly int ObservedAtMask => _observed;

    /// <summary>Gets the raw value stored in a slot without checking that one was set; for engines' hot loops.</summary>
    /// <param name="slot">The factor slot, within [0, <see cref="MaxFactors"/>).</param>
    /// <returns>The stored value; 0 when none was set.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="slot"/> is outside [0, <see cref="MaxFactors"/>).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly double RawValueAt(int slot) => _values[slot];

    /// <summary>Gets the observation instant stored in a slot as Unix ticks without checking that one was set; for engines' hot loops.</summary>
    /// <param name="slot">The factor slot, within [0, <see cref="MaxFactors"/>).</param>
    /// <returns>The stored ticks; 0 when none was set.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="slot"/> is outside [0, <see cref="MaxFactors"/>).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly long ObservedAtTicksAt(int slot) => _observedAt[slot];

    [InlineArray(MaxFactors)]
    private struct FactorValues
    {
        private double _element0;
    }

    [InlineArray(MaxFactors)]
    private struct FactorTicks
    {
        private long _element0;
    }
}
