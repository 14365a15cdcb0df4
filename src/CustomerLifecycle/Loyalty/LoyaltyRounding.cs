namespace CustomerLifecycle.Loyalty;

/// <summary>How a purchase's fractional points are rounded to whole points.</summary>
public enum LoyaltyRounding
{
    /// <summary>Down: 12.9 points earn 12.</summary>
    Floor,

    /// <summary>To the nearest, halves away from zero: 12.5 points earn 13, 12.4 earn 12.</summary>
    Nearest,

    /// <summary>Up: 12.1 points earn 13.</summary>
    Ceiling,
}
