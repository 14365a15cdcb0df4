namespace CustomerLifecycle.Value;

/// <summary>The model of the purchase process.</summary>
public enum PurchaseModelKind
{
    /// <summary>BG/NBD (Fader, Hardie and Lee 2005): a customer may drop out right after each purchase.</summary>
    BgNbd,

    /// <summary>Pareto/NBD (Schmittlein, Morrison and Colombo 1987): a customer may drop out at any time.</summary>
    ParetoNbd,
}
