namespace CustomerLifecycle.Value;

/// <summary>A fitted purchase model (BG/NBD or Pareto/NBD) and a fitted Gamma-Gamma spend model: what predictions need.</summary>
/// <remarks>Create it with <see cref="FromBgNbd"/>, <see cref="FromModifiedBgNbd"/>, <see cref="FromParetoNbd"/> or <see cref="ValueEngine.Fit"/>. Immutable and thread-safe.</remarks>
public sealed class ValueModel
{
    private ValueModel(PurchaseModelKind kind, BgNbdParameters bgNbd, ParetoNbdParameters paretoNbd, GammaGammaParameters spend)
    {
        Kind = kind;
        BgNbdValue = bgNbd;
        ParetoNbdValue = paretoNbd;
        Spend = spend;
    }

    /// <summary>Gets the purchase model.</summary>
    public PurchaseModelKind Kind { get; }

    /// <summary>Gets the BG/NBD parameters; <see langword="null"/> unless <see cref="Kind"/> is <see cref="PurchaseModelKind.BgNbd"/> or <see cref="PurchaseModelKind.ModifiedBgNbd"/>.</summary>
    public BgNbdParameters? BgNbd => Kind is PurchaseModelKind.BgNbd or PurchaseModelKind.ModifiedBgNbd ? BgNbdValue : null;

    /// <summary>Gets the Pareto/NBD parameters; <see langword="null"/> unless <see cref="Kind"/> is <see cref="PurchaseModelKind.ParetoNbd"/>.</summary>
    public ParetoNbdParameters? ParetoNbd => Kind == PurchaseModelKind.ParetoNbd ? ParetoNbdValue : null;

    /// <summary>Gets the Gamma-Gamma spend parameters.</summary>
    public GammaGammaParameters Spend { get; }

    internal BgNbdParameters BgNbdValue { get; }

    internal ParetoNbdParameters ParetoNbdValue { get; }

    /// <summary>Combines BG/NBD and Gamma-Gamma parameters.</summary>
    /// <param name="purchases">The BG/NBD parameters.</param>
    /// <param name="spend">The Gamma-Gamma parameters, with q &gt; 1 so that the expected spend exists.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">A parameter set is <c>default</c>, or q ≤ 1.</exception>
    public static ValueModel FromBgNbd(BgNbdParameters purchases, GammaGammaParameters spend)
    {
        BgNbdModel.ThrowIfDefault(purchases);
        GammaGammaModel.ThrowIfDefault(spend);
        GammaGammaModel.ThrowIfNoMean(spend);
        return new ValueModel(PurchaseModelKind.BgNbd, purchases, default, spend);
    }

    /// <summary>Combines modified BG/NBD (MBG/NBD) and Gamma-Gamma parameters.</summary>
    /// <param name="purchases">The MBG/NBD parameters.</param>
    /// <param name="spend">The Gamma-Gamma parameters, with q &gt; 1 so that the expected spend exists.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">A parameter set is <c>default</c>, or q ≤ 1.</exception>
    public static ValueModel FromModifiedBgNbd(BgNbdParameters purchases, GammaGammaParameters spend)
    {
        BgNbdModel.ThrowIfDefault(purchases);
        GammaGammaModel.ThrowIfDefault(spend);
        GammaGammaModel.ThrowIfNoMean(spend);
        return new ValueModel(PurchaseModelKind.ModifiedBgNbd, purchases, default, spend);
    }

    /// <summary>Combines Pareto/NBD and Gamma-Gamma parameters.</summary>
    /// <param name="purchases">The Pareto/NBD parameters.</param>
    /// <param name="spend">The Gamma-Gamma parameters, with q &gt; 1 so that the expected spend exists.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">A parameter set is <c>default</c>, or q ≤ 1.</exception>
    public static ValueModel FromParetoNbd(ParetoNbdParameters purchases, GammaGammaParameters spend)
    {
        ParetoNbdModel.ThrowIfDefault(purchases);
        GammaGammaModel.ThrowIfDefault(spend);
        GammaGammaModel.ThrowIfNoMean(spend);
        return new ValueModel(PurchaseModelKind.ParetoNbd, default, purchases, spend);
    }
}
