namespace CustomerLifecycle.Profile;

/// <summary>Which value of a customer the profile ranks into the revenue-share value tiers.</summary>
public enum ProfileTierValue
{
    /// <summary>The total spend, net of refunds: what the customer has been worth.</summary>
    NetSpend,

    /// <summary>The predicted customer lifetime value: what the customer is expected to be worth (the net spend when the
    /// population has no fitted CLV model).</summary>
    Clv,
}
