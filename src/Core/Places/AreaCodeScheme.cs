namespace Commonweal.Core.Places;

/// <summary>The authority that issued an area code, recognised from the code's shape.</summary>
public enum AreaCodeScheme
{
    /// <summary>ONS Government Statistical Service code: a nation letter and 8 digits, e.g. E01021237.</summary>
    Gss,
    /// <summary>NHS ODS code of a GP practice: a letter (not U) and 5 digits, e.g. F81001.</summary>
    OdsPractice,
    /// <summary>NHS ODS code of a primary care network: U and 5 digits, e.g. U12345.</summary>
    OdsPcn,
    /// <summary>NHS ODS code of an ICB/STP: Q and two letters or digits, e.g. QH8.</summary>
    OdsIcb,
    /// <summary>NHS ODS code of a sub-ICB location (former CCG): two digits and a letter or digit, e.g. 06Q.</summary>
    OdsSubIcb,
    /// <summary>
    /// NHS ODS code of the newer five-character form (letter, digit, letter, digit, letter) that NHS England gives both
    /// to ICBs (D7T5G, NHS Essex ICB from April 2026) and to sub-ICB locations (A3A8R): the shape does not say which.
    /// </summary>
    OdsCommissioner,
    /// <summary>A group of the ONS area classification as Fingertips codes it: Cl_ then letters, digits and underscores, e.g. Cl_L2_1a.</summary>
    OnsClassification,
    /// <summary>A grouping defined by the ICS itself (alliance, neighbourhood): lower-case words joined by hyphens, e.g. alliance-mid-essex.</summary>
    Local,
}
