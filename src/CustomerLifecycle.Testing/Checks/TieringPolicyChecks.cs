using CustomerLifecycle.Testing.Generators;
using CustomerLifecycle.Tiering;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerLifecycle.Testing.Checks;

/// <summary>Ready property checks for a host's own tiering policy.</summary>
/// <remarks>
/// Each check returns an FsCheck <see cref="Property"/>: return it from an FsCheck.Xunit <c>[Property]</c> test, or assert it
/// in one line with <c>.QuickCheckThrowOnFailure()</c>.
/// </remarks>
public static class TieringPolicyChecks
{
    /// <summary>
    /// Checks that tiers depend on neither order: shuffling the population changes no customer's tier, and the order of the
    /// tier rules decides nothing, because the first rule that matches always gives the best tier of all the rules that match.
    /// </summary>
    /// <remarks>
    /// Rules are tried in order and the first match wins; a policy that lists a rule for a lower tier before a rule for a higher
    /// one silently hides the higher tier from every customer both match. This check finds such a customer.
    /// </remarks>
    /// <param name="policy">The policy to check.</param>
    /// <returns>The property; populations are drawn with <see cref="TieringGenerators.Population"/>, evaluated at <see cref="TieringGenerators.AsOf"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="policy"/> is invalid.</exception>
    public static Property TiersAreOrderIndependent(TieringOptions policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var engine = new TieringEngine(policy);
        var single = policy.Rules.Select(rule => (Engine: new TieringEngine(WithRules(policy, [rule])), Tier: engine.TierNames.IndexOf(rule.Tier))).ToArray();
        var fallback = engine.TierNames.IndexOf(policy.FallbackTier);
        var cases = from population in TieringGenerators.Population
                    from order in Gen.Shuffle(Enumerable.Range(0, population.Length).ToArray())
                    select new TieringCase(population, order);
        return Prop.ForAll(cases.ToArbitrary(), c => Check(engine, single, fallback, c));
    }

    private static Property Check(TieringEngine engine, (TieringEngine Engine, int Tier)[] single, int fallback, TieringCase c)
    {
        var population = c.Population;
        var tiers = Evaluate(engine, population);
        var shuffled = Evaluate(engine, [.. c.Order.Select(i => population[i])]);
        for (var i = 0; i < shuffled.Length; i++)
        {
            if (shuffled[i].Tier != tiers[c.Order[i]].Tier)
            {
                return false.Label($"Customer {c.Order[i]} ({population[c.Order[i]]}) is {tiers[c.Order[i]].TierName} but {shuffled[i].TierName} when the population is shuffled.");
            }
        }

        var best = Enumerable.Repeat(fallback, population.Length).ToArray();
        var bestRule = Enumerable.Repeat(-1, population.Length).ToArray();
        for (var r = 0; r < single.Length; r++)
        {
            var matched = Evaluate(single[r].Engine, population);
            for (var i = 0; i < population.Length; i++)
            {
                if (matched[i].RuleIndex == 0 && (bestRule[i] < 0 || single[r].Tier < best[i]))
                {
                    best[i] = single[r].Tier;
                    bestRule[i] = r;
                }
            }
        }

        for (var i = 0; i < population.Length; i++)
        {
            if (tiers[i].CandidateTier != best[i])
            {
                return false.Label($"Customer {i} ({population[i]}) gets {engine.TierNames[tiers[i].CandidateTier]} from Rules[{tiers[i].RuleIndex}] although Rules[{bestRule[i]}] also matches and gives {engine.TierNames[best[i]]}: the rule order decides the tier.");
            }
        }

        return true.ToProperty();
    }

    private static TierAssignment[] Evaluate(TieringEngine engine, TierInput[] population)
    {
        var outputs = new TierAssignment[population.Length];
        engine.Evaluate(population, TieringGenerators.AsOf, outputs);
        return outputs;
    }

    private static TieringOptions WithRules(TieringOptions policy, List<TierRule> rules) => new()
    {
        Rfm = policy.Rfm,
        Tiers = policy.Tiers,
        Rules = rules,
        FallbackTier = policy.FallbackTier,
        Hysteresis = policy.Hysteresis,
        Cadence = policy.Cadence,
    };

    /// <summary>A population and a permutation of it: <c>shuffled[i] = Population[Order[i]]</c>.</summary>
    private sealed record TieringCase(TierInput[] Population, int[] Order)
    {
        public override string ToString() => $"population [{string.Join(", ", Population)}], order [{string.Join(", ", Order)}]";
    }
}
