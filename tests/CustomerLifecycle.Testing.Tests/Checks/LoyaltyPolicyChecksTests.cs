using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Testing.Checks;
using CustomerLifecycle.Testing.Generators;
using FsCheck;

namespace CustomerLifecycle.Testing.Tests.Checks;

/// <summary>Each loyalty check holds for the default policy and a tiered, capped one, and reports a deliberately broken fold.</summary>
public sealed class LoyaltyPolicyChecksTests
{
    public static TheoryData<string> Policies => ["default", "tiers, caps and debt"];

    [Theory]
    [MemberData(nameof(Policies))]
    public void TheLedger_IsConsistent(string policy) => LoyaltyPolicyChecks.LedgerIsConsistent(Policy(policy)).QuickCheckThrowOnFailure();

    [Theory]
    [MemberData(nameof(Policies))]
    public void Caps_AreNeverExceeded(string policy) => LoyaltyPolicyChecks.CapsAreNeverExceeded(Policy(policy)).QuickCheckThrowOnFailure();

    [Theory]
    [MemberData(nameof(Policies))]
    public void ReversingARedemption_RestoresTheLots(string policy) => LoyaltyPolicyChecks.RedemptionReversalRestoresTheLots(Policy(policy)).QuickCheckThrowOnFailure();

    [Theory]
    [MemberData(nameof(Policies))]
    public void Replay_IsOrderIndependent(string policy) => LoyaltyPolicyChecks.ReplayIsOrderIndependent(Policy(policy)).QuickCheckThrowOnFailure();

    [Fact]
    public void AFoldThatAppliesCommandsAsTheyArrive_IsReported()
    {
        var failure = Assert.ThrowsAny<Exception>(() => LoyaltyPolicyChecks.ReplayIsOrderIndependent(new LoyaltyOptions(), LoyaltyGenerators.Apply).QuickCheckThrowOnFailure());

        Assert.Contains("Falsifiable", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Folding the commands in the order [", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFoldThatDropsExpiryEntries_IsReportedAsInconsistent()
    {
        var failure = Assert.ThrowsAny<Exception>(() => LoyaltyPolicyChecks.LedgerIsConsistent(new LoyaltyOptions(), (engine, commands) =>
        {
            var record = LoyaltyGenerators.Apply(engine, commands);
            return record with { Entries = [.. record.Entries.Where(e => e.Kind != LoyaltyEntryKind.Expire)] };
        }).QuickCheckThrowOnFailure());

        Assert.Contains("Falsifiable", failure.Message, StringComparison.Ordinal);
        Assert.Contains("is not the sum of the entries", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFoldThatRewritesARedemptionsLots_IsReportedAsOverdrawingALot()
    {
        // A host that "repairs" every redemption to take all its points from the first lot overdraws that lot.
        var failure = Assert.ThrowsAny<Exception>(() => LoyaltyPolicyChecks.LedgerIsConsistent(new LoyaltyOptions(), (engine, commands) =>
        {
            var record = LoyaltyGenerators.Apply(engine, commands);
            var first = record.Entries.FirstOrDefault(e => e.OpensLot)?.Key;
            return record with
            {
                Entries = [.. record.Entries.Select(e => e.Kind == LoyaltyEntryKind.Redeem ? e with { Allocations = [new LoyaltyAllocation(first!, -e.Points)] } : e)],
            };
        }).QuickCheckThrowOnFailure());

        Assert.Contains("holding -", failure.Message, StringComparison.Ordinal);
    }

    private static LoyaltyOptions Policy(string name)
    {
        if (name == "default")
        {
            return new LoyaltyOptions();
        }

        var policy = LoyaltyGenerators.PolicyOf(allowNegativeBalance: true, withTiers: true);
        policy.DailyCap = 900;
        policy.YearlyCap = 20_000;
        return policy;
    }
}
