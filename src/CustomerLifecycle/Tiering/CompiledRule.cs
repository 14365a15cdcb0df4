using System.Collections.Immutable;
using NodaTime;

namespace CustomerLifecycle.Tiering;

/// <summary>An immutable copy of a <see cref="TierRule"/> with its tier as an index.</summary>
internal sealed record CompiledRule(int Tier, bool Any, ImmutableArray<CompiledCriterion> Criteria)
{
    public bool Matches(in TierInput input, int valueTier, Instant asOf)
    {
        foreach (var criterion in Criteria)
        {
            var passed = criterion.Passes(criterion.Actual(input, valueTier, asOf));
            if (passed == Any)
            {
                // All: the first failure decides; Any: the first success decides.
                return Any;
            }
        }

        return !Any;
    }
}
