using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerLifecycle.Testing.Tests.Generators;

/// <summary>The loyalty generators produce what their documentation promises, and the arbitraries register with FsCheck.Xunit.</summary>
public sealed class LoyaltyGeneratorsProperties
{
    private static readonly LoyaltyEngine Strict = new(LoyaltyGenerators.PolicyOf(allowNegativeBalance: false, withTiers: true));

    [Property(Arbitrary = [typeof(LoyaltyArbitraries)])]
    public bool Loyalty_ScriptsHaveUniqueKeysOfOneMemberInTimeOrder(IReadOnlyList<LoyaltyCommand> script) =>
        script.Count <= 50
        && script.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count() == script.Count
        && script.All(c => c.Member == LoyaltyGenerators.Member && c.At >= LoyaltyGenerators.Start)
        && script.Zip(script.Skip(1)).All(p => p.First.At <= p.Second.At);

    [Property(Arbitrary = [typeof(LoyaltyArbitraries)], MaxTest = 30)]
    public bool Loyalty_PoliciesAreValidAndKnowTheScriptsNames(LoyaltyOptions policy) =>
        new LoyaltyOptionsValidator().Validate(null, policy).Succeeded
        && policy.Rewards.Any(r => r.Id == LoyaltyGenerators.MugRewardId)
        && policy.ExcludedCategories.Contains(LoyaltyGenerators.ExcludedCategory)
        && policy.CategoryMultipliers.ContainsKey(LoyaltyGenerators.MultipliedCategory);

    [Property(MaxTest = 50)]
    public Property Loyalty_EarningsArePurchasesAndActivitiesWithin60Days() => Prop.ForAll(LoyaltyGenerators.Earnings.ToArbitrary(), earnings =>
        earnings.Count <= 40
        && earnings.All(c => c is LoyaltyPurchase or LoyaltyActivity)
        && earnings.All(c => c.At >= LoyaltyGenerators.Start && c.At < LoyaltyGenerators.Start + Duration.FromDays(60)));

    [Fact]
    public void Loyalty_Scripts_ExerciseEveryCommandKindAndSomeRefusals()
    {
        var scripts = LoyaltyGenerators.Script.Sample(100, 40);
        var commands = scripts.SelectMany(s => s).ToList();
        var outcomes = scripts.SelectMany(Outcomes).ToList();

        Assert.All(
            new[]
            {
                typeof(LoyaltyPurchase), typeof(LoyaltyRefund), typeof(LoyaltyActivity), typeof(LoyaltyRedemption), typeof(LoyaltyRedemptionReversal),
                typeof(LoyaltyAdjustment), typeof(LoyaltyStatusMatch), typeof(LoyaltyTransferOut), typeof(LoyaltyTransferIn), typeof(LoyaltyLogin),
            },
            kind => Assert.Contains(commands, c => c.GetType() == kind));
        Assert.Contains(outcomes, o => o.Status == LoyaltyOutcomeStatus.Rejected);
        Assert.Contains(outcomes, o => o.Entries.Any(e => e.Kind == LoyaltyEntryKind.Expire));
        Assert.Contains(outcomes, o => o.Entries.Any(e => e.Kind == LoyaltyEntryKind.Reverse && e.Points > 0));
        Assert.Contains(outcomes, o => o.Entries.Any(e => e.Kind == LoyaltyEntryKind.Earn && e.Multiplier == 1.5m));
        Assert.Contains(outcomes, o => o.Entries.Any(e => e.Kind == LoyaltyEntryKind.TransferOut));
        Assert.Contains(outcomes, o => o.Entries.Any(e => e.Kind == LoyaltyEntryKind.TransferIn));
        Assert.Contains(outcomes, o => o.Entries.Any(e => e.RuleId == "loyalty.login-streak"));
        Assert.Contains(outcomes, o => o.Entries.Any(e => e.Kind == LoyaltyEntryKind.Login));
        Assert.Contains(outcomes, o => o.Entries.Any(e => e.Reason.Contains("(campaign books-month)", StringComparison.Ordinal)));
        Assert.Contains(outcomes, o => o.Entries.Any(e => e.Reason.Contains("(campaign survey-spring)", StringComparison.Ordinal)));
        Assert.Contains(outcomes, o => o.Entries.Any(e => e.RewardId == LoyaltyGenerators.PosterRewardId));
        Assert.Contains(outcomes, o => o.Reasons.Any(r => r.Code == "loyalty.out-of-stock"));
    }

    [Property(Arbitrary = [typeof(LoyaltyArbitraries)])]
    public bool Loyalty_RecordsAreOfTheMemberWithUniqueOpeningKeys(LoyaltyRecord record) =>
        record.Member == LoyaltyGenerators.Member
        && record.Entries.Where(e => e.OpensLot).Select(e => e.Key).Distinct(StringComparer.Ordinal).Count() == record.Entries.Count(e => e.OpensLot);

    private static IEnumerable<LoyaltyOutcome> Outcomes(IReadOnlyList<LoyaltyCommand> script)
    {
        LoyaltyRecord? record = null;
        foreach (var command in script)
        {
            var outcome = Strict.TryApply(record, command);
            record = outcome.Record;
            yield return outcome;
        }
    }
}
