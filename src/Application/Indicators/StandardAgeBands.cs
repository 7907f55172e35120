using Commonweal.Core.Places;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators;

/// <summary>
/// How the age bands of counts behind a rate line up with the standards: the 19 five-year bands of the 2013 European
/// Standard Population (a band may span several, e.g. 75+; its weight is their sum) and the 20 bands of the abridged
/// life table (0, 1–4, 5–9, …, 85–89, 90+).
/// </summary>
public static class StandardAgeBands
{
    /// <summary>The ESP2013 weight of a band of whole five-year groups (0–4, 5–19, 75+ …), or NaN when it cuts across one.</summary>
    public static double EspWeight(AgeBand band)
    {
        if (band == AgeBand.All || band == AgeBand.WorkingAge || band.From % 5 != 0 || band.From > 90) return double.NaN;
        var first = band.From / 5;
        int last;
        if (band.To is not { } to) last = EuropeanStandardPopulation2013.BandCount - 1;
        else if (to >= 90 || (to + 1) % 5 != 0) return double.NaN;
        else last = ((to + 1) / 5) - 1;
        var weight = 0.0;
        for (var i = first; i <= last; i++) weight += EuropeanStandardPopulation2013.Weights[i];
        return weight;
    }

    /// <summary>The life-table band (0–19) an age band is, or −1 when it is not one of the 20.</summary>
    public static int LifeTableIndex(AgeBand band)
    {
        var index = LifeExpectancy.BandIndex(band.From);
        if (index < 0) return -1;
        var last = index + 1 < LifeExpectancy.BandCount ? LifeExpectancy.StartAges[index + 1] - 1 : (int?)null;
        return band.To == last ? index : -1;
    }

    /// <summary>
    /// The starting age a life expectancy is published at, from its age label: "All ages", "&lt;1 yr" or "0" → 0, "65" or
    /// "65+ yrs" → 65; −1 when the label names no age the life table starts a band at.
    /// </summary>
    public static int StartAge(string ageLabel)
    {
        var digits = new string([.. ageLabel.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit)]);
        if (digits.Length == 0 || ageLabel.StartsWith('<')) return 0;
        var age = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        return LifeExpectancy.BandIndex(age) >= 0 ? age : -1;
    }
}
