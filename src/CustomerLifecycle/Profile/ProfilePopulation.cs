using CustomerLifecycle.Tiering;
using CustomerLifecycle.Value;
using NodaTime;

namespace CustomerLifecycle.Profile;

/// <summary>What <see cref="ProfileEngine.Prepare"/> works out once for a population, so that each customer can be
/// evaluated against it: the RFM cuts, the revenue-share tier cuts and the fitted CLV model.</summary>
public sealed class ProfilePopulation
{
    internal ProfilePopulation(Instant asOf, int count, RfmCuts rfm, ValueTierCuts valueTiers, ValueFit fit, long policyFingerprint)
    {
        AsOf = asOf;
        PolicyFingerprint = policyFingerprint;
        Count = count;
        Rfm = rfm;
        ValueTiers = valueTiers;
        Fit = fit;
    }

    /// <summary>Gets the instant the population was prepared at.</summary>
    public Instant AsOf { get; }

    /// <summary>Gets how many profiles the population had.</summary>
    public int Count { get; }

    /// <summary>Gets the RFM cut points (recency in days, so they stay meaningful at a later instant).</summary>
    public RfmCuts Rfm { get; }

    /// <summary>Gets the revenue-share tier cut points of the customers' net spend.</summary>
    public ValueTierCuts ValueTiers { get; }

    /// <summary>Gets the CLV models' fit over the customers who bought, with its reasons.</summary>
    public ValueFit Fit { get; }

    /// <summary>Gets what the population was prepared under (see <see cref="ProfilePopulationFingerprint"/>); an engine of
    /// other RFM scoring, tier definitions, CLV settings or tier value refuses it.</summary>
    internal long PolicyFingerprint { get; }

    /// <summary>Gets the fitted CLV model, or <see langword="null"/> when the fit gave none (too few buyers, see <see cref="ValueFit.Reasons"/>).</summary>
    public ValueModel? Model => Fit.Model;
}
