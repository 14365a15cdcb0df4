namespace CustomerLifecycle.Value;

/// <summary>The model of the purchase process.</summary>
public enum PurchaseModelKind
{
    /// <summary>BG/NBD (Fader, Hardie and Lee 2005): a customer may drop out right after each purchase.</summary>
    BgNbd,

    /// <summary>Modified BG/NBD (Batislam, Denizel and Filiztekin 2007): as BG/NBD, and a customer may also drop out right after the first purchase.</summary>
    ModifiedBgNbd,

    /// <summary>Pareto/NBD (Schmittlein, Morrison and Colombo 1987): a customer may drop out at any time.</summary>
    ParetoNbd,
}
