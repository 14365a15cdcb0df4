namespace CustomerLifecycle.Value;

/// <summary>The result of <see cref="ValueEngine.Fit"/>: the model, when both fits produced parameters, and both fit reports.</summary>
/// <param name="Model">The model; <see langword="null"/> when a fit had insufficient data or the spend model has q ≤ 1 (see <see cref="Reasons"/>).</param>
/// <param name="PurchaseLogLikelihood">The purchase model's log-likelihood; NaN when it was not fitted.</param>
/// <param name="PurchaseStandardErrors">The purchase model's standard errors (r, α, then a, b or s, β); empty when it was not fitted.</param>
/// <param name="PurchaseReport">How the purchase model's fit ended.</param>
/// <param name="SpendLogLikelihood">The spend model's log-likelihood; NaN when it was not fitted.</param>
/// <param name="SpendReport">How the spend model's fit ended.</param>
/// <param name="Reasons">
/// Codes <c>value.purchase-fit-failed</c>, <c>value.spend-fit-failed</c> (insufficient data), <c>value.purchase-fit-not-converged</c>,
/// <c>value.spend-fit-not-converged</c> (parameters are the last iterate) and <c>value.spend-mean-infinite</c> (q ≤ 1); empty when both converged.
/// </param>
public sealed record ValueFit(
    ValueModel? Model,
    double PurchaseLogLikelihood,
    IReadOnlyList<double> PurchaseStandardErrors,
    FitReport PurchaseReport,
    double SpendLogLikelihood,
    FitReport SpendReport,
    IReadOnlyList<Reason> Reasons);
