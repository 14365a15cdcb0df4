namespace CustomerLifecycle.LeadScoring;

/// <summary>What a fit or negative rule looks at.</summary>
public enum LeadRuleKind
{
    /// <summary>The industry is one of <see cref="LeadRuleOptions.Values"/>.</summary>
    IndustryIn,

    /// <summary>The employees are within [<see cref="LeadRuleOptions.MinEmployees"/>, <see cref="LeadRuleOptions.MaxEmployees"/>].</summary>
    EmployeesBetween,

    /// <summary>The region is one of <see cref="LeadRuleOptions.Values"/>.</summary>
    RegionIn,

    /// <summary>The e-mail domain is one of <see cref="LeadRuleOptions.Values"/>.</summary>
    EmailDomainIn,

    /// <summary>The prospect has one of the flags in <see cref="LeadRuleOptions.Values"/>.</summary>
    HasFlag,

    /// <summary>No counted interaction in the last <see cref="LeadRuleOptions.Days"/> days (or none at all); negative rules only.</summary>
    NoActivityForDays,
}
