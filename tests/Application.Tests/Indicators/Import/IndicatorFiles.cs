using Commonweal.Application.Files;
using Commonweal.Application.Indicators.Import;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Tests.Indicators.Import;

/// <summary>Small indicator files made to match the publishers' layouts, and what the store holds of indicators.</summary>
internal static class IndicatorFiles
{
    /// <summary>The Fingertips download/API export's 26 columns ("Area Name", "Compared to Region …").</summary>
    public const string DownloadHeader =
        "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,"
        + "Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,"
        + "Compared to England value or percentiles,Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal";

    /// <summary>The UI tab export's 27 columns, every one quoted ("AreaName", "Compared to parent …", "Time period range").</summary>
    public const string TabHeader =
        "\"Indicator ID\",\"Indicator Name\",\"Parent Code\",\"Parent Name\",\"Area Code\",\"AreaName\",\"Area Type\",\"Sex\",\"Age\",\"Category Type\",\"Category\","
        + "\"Time period\",\"Value\",\"Lower CI 95.0 limit\",\"Upper CI 95.0 limit\",\"Lower CI 99.8 limit\",\"Upper CI 99.8 limit\",\"Count\",\"Denominator\","
        + "\"Value note\",\"Recent Trend\",\"Compared to England value or percentiles\",\"Compared to parent value or percentiles\",\"Time period Sortable\","
        + "\"New data\",\"Compared to goal\",\"Time period range\"";

    /// <summary>A download-export row of indicator 91547 (a proportion) with its Wilson limits: count 8935216 of 46608551.5.</summary>
    public const string England201314 =
        "91547,Smoking prevalence in adults (15+) - current smokers (QOF),,,E92000001,England,England,Persons,15+ yrs,,,2013/14,19.17076526,19.15946674,19.18206886,,,8935216,46608551.5,,,Not compared,Not compared,20130000,,";

    /// <summary>A district row of 91547 (Basildon), worse than England, with Wilson limits at both levels and a count with a thousands separator.</summary>
    public const string Basildon201314 =
        "91547,Smoking prevalence in adults (15+) - current smokers (QOF),E92000001,England,E07000066,Basildon,District,Persons,15+ yrs,,,2013/14,21.75000544,21.53307848,21.9685059,21.4087005,22.09522184,\"30,000\",137931,,,Worse,Worse,20130000,,";

    /// <summary>Writes a download-layout export (LF line ends, no byte-order mark) of the given rows.</summary>
    public static string Download(string fileName, params string[] rows) =>
        Importing.TempFile(fileName, DownloadHeader + "\n" + string.Concat(rows.Select(r => r + "\n")));

    public static IndicatorBatch Read(string path)
    {
        var (reader, reason) = IndicatorReaders.Recognise(FileSniffer.Sniff(path));
        Assert.True(reader is not null, reason);
        return reader!.Read(path);
    }

    public static FileProblem Refused(string path) =>
        Assert.IsType<FileProblemException>(Record.Exception(() => Read(path))).Problem;

    /// <summary>Row counts and a digest of the indicator tables, imports and audit, to show a refused import changed nothing.</summary>
    public static async Task<string> FingerprintAsync(CommonwealDbContext db)
    {
        var indicators = (await db.Indicators.AsNoTracking().ToListAsync()).OrderBy(i => i.Id).Select(i => $"{i.Id}{i.Name}{i.ValueType}{i.Multiplier}{i.Unit}{i.Polarity}");
        var values = (await db.IndicatorValues.AsNoTracking().Select(v => new { v.Indicator, v.Area, v.Period, v.Value, v.Source }).ToListAsync())
            .Select(v => $"{v.Indicator}{v.Area}{v.Period}{v.Value}{v.Source}").Order(StringComparer.Ordinal);
        return $"indicators={string.Join('|', indicators).GetHashCode(StringComparison.Ordinal)} values={string.Join('|', values).GetHashCode(StringComparison.Ordinal)} "
            + $"bands={await db.IndicatorAgeCounts.CountAsync()} imports={await db.Imports.CountAsync()} audit={await db.Audit.CountAsync()}";
    }
}
