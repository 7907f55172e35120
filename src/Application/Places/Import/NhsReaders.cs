using System.Globalization;
using Commonweal.Application.Files;
using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>
/// NHS Digital's "GP practice mapping" (gp-reg-pat-prac-map, CSV or the publisher's zip): every practice in England with
/// its PCN, sub-ICB location (CCG before July 2022), ICB (STP before) and commissioning region on the extract date, in
/// every column layout the publisher has used (CCG_/STP_ columns in 2022; SUB_ICB_LOCATION_/ICB_ from July 2022,
/// with SUPPLIER_NAME added later). A map lists every practice, PCN, sub-ICB location and ICB of its date, so a practice or ICB missing from a
/// later map had closed (the ICB mergers of 1 April 2026 among them). PCN code "U" means not in a PCN.
/// </summary>
public sealed class PracticeMapReader : TableFileReader
{
    public override string Kind => "nhs-practice-map";

    public override string Description => "NHS Digital: GP practice to PCN, sub-ICB location, ICB and region map";

    public override string Source => "NHS Digital, \"Patients Registered at a GP Practice\" (monthly): gp-reg-pat-prac-map.csv or .zip, digital.nhs.uk/data-and-information/publications/statistical/patients-registered-at-a-gp-practice";

    public override int Order => 50;

    protected override IReadOnlyList<TableLayout> Layouts { get; } =
    [
        new("2025", ["PUBLICATION", "EXTRACT_DATE", "PRACTICE_CODE", "PRACTICE_NAME", "PRACTICE_POSTCODE", "PCN_CODE", "PCN_NAME",
            "ONS_SUB_ICB_LOCATION_CODE|ONS_SUB_ICB_LOC_CODE", "SUB_ICB_LOCATION_CODE|SUB_ICB_LOC_CODE", "SUB_ICB_LOCATION_NAME|SUB_ICB_LOC_NAME",
            "ONS_ICB_CODE", "ICB_CODE", "ICB_NAME", "ONS_COMM_REGION_CODE", "COMM_REGION_CODE", "COMM_REGION_NAME", "SUPPLIER_NAME"])
        {
            Bom = ByteOrderMark.Absent,
        },
        new("2022-23", ["PUBLICATION", "EXTRACT_DATE", "PRACTICE_CODE", "PRACTICE_NAME", "PRACTICE_POSTCODE", "PCN_CODE", "PCN_NAME",
            "ONS_SUB_ICB_LOCATION_CODE|ONS_SUB_ICB_LOC_CODE", "SUB_ICB_LOCATION_CODE|SUB_ICB_LOC_CODE", "SUB_ICB_LOCATION_NAME|SUB_ICB_LOC_NAME",
            "ONS_ICB_CODE", "ICB_CODE", "ICB_NAME", "ONS_COMM_REGION_CODE", "COMM_REGION_CODE", "COMM_REGION_NAME"])
        {
            Bom = ByteOrderMark.Absent,
        },
        new("2022", ["PUBLICATION", "EXTRACT_DATE", "PRACTICE_CODE", "PRACTICE_NAME", "PRACTICE_POSTCODE", "PCN_CODE", "PCN_NAME",
            "ONS_CCG_CODE", "CCG_CODE", "CCG_NAME", "ONS_STP_CODE", "STP_CODE", "STP_NAME", "ONS_COMM_REGION_CODE", "COMM_REGION_CODE", "COMM_REGION_NAME"])
        {
            Bom = ByteOrderMark.Absent,
        },
    ];

    protected override void ReadRow(TableRow row, ColumnMap columns, ReaderContext context)
    {
        var c = context.Layout.Columns.Select(n => n.Split('|')[0]).ToList();
        var date = row.NhsDate(columns["EXTRACT_DATE"]);
        if (context.Date is { } first && first != date)
            throw row.Reject(columns["EXTRACT_DATE"], $"extract date {date:yyyy-MM-dd} differs from the file's first row ({first:yyyy-MM-dd}): a map is of one date");
        context.Date = date;

        var practice = row.Code(columns["PRACTICE_CODE"], p => p.Scheme == AreaCodeScheme.OdsPractice, "a GP practice's ODS code (e.g. F81001)");
        context.Unique(row, columns["PRACTICE_CODE"], practice.Value);
        var subIcb = OnsVintages.SubIcb(row, columns[c[7]], columns[c[8]], columns[c[9]], date, context);
        var icb = OnsVintages.Icb(row, columns[c[10]], columns[c[11]], columns[c[12]], date, context);
        var region = row.Code(columns["ONS_COMM_REGION_CODE"], "E40");
        context.Release(AreaType.Practice, date);
        context.Release(AreaType.Region, date);
        context.Listed(practice, AreaType.Practice, date, row.Text(columns["PRACTICE_NAME"]));
        context.Listed(region, AreaType.Region, date, row.Text(columns["COMM_REGION_NAME"]), row.Text(columns["COMM_REGION_CODE"]));
        context.Member(practice, AreaType.Practice, subIcb, AreaType.SubIcb, date);
        context.Member(subIcb, AreaType.SubIcb, icb, AreaType.Icb, date);
        context.Member(icb, AreaType.Icb, region, AreaType.Region, date);

        if (row.Text(columns["PCN_CODE"]) == "U")
        {
            context.Skipped++;
            return;
        }

        var pcn = row.Code(columns["PCN_CODE"], p => p.Scheme == AreaCodeScheme.OdsPcn, "a PCN's ODS code (e.g. U12345, or U for none)");
        context.Release(AreaType.Pcn, date);
        context.Listed(pcn, AreaType.Pcn, date, row.Text(columns["PCN_NAME"]));
        context.Member(practice, AreaType.Practice, pcn, AreaType.Pcn, date);
        context.Member(pcn, AreaType.Pcn, subIcb, AreaType.SubIcb, date);
    }

    protected override void Finish(ReaderContext context)
    {
        if (context.Skipped > 0)
            context.Batch.Notes.Add($"{context.Skipped:N0} practices are not in a PCN (PCN code U, \"Unallocated\")");
    }
}

/// <summary>
/// NHS Digital's "patients registered at each GP practice" (gp-reg-pat-prac-all, CSV or zip): the list size of every
/// practice on the extract date, with its sub-ICB location (CCG before July 2022), in every layout the publisher has
/// used. It lists every practice of each sub-ICB location in it on its date, whether the file is national or an extract
/// of some sub-ICB locations: a release of practices for each of them, so a practice of one of them that a later file
/// leaves out had closed.
/// </summary>
public sealed class PracticeListSizeReader : TableFileReader
{
    public override string Kind => "nhs-list-sizes";

    public override string Description => "NHS Digital: patients registered at each GP practice";

    public override string Source => "NHS Digital, \"Patients Registered at a GP Practice\" (monthly): gp-reg-pat-prac-all.csv or .zip";

    public override int Order => 51;

    protected override IReadOnlyList<TableLayout> Layouts { get; } =
    [
        new("NHS", ["PUBLICATION", "EXTRACT_DATE", "TYPE", "SUB_ICB_LOCATION_CODE|SUB_ICB_LOC_CODE|CCG_CODE", "ONS_SUB_ICB_LOCATION_CODE|ONS_SUB_ICB_LOC_CODE|ONS_CCG_CODE",
            "CODE", "POSTCODE", "SEX", "AGE", "NUMBER_OF_PATIENTS"])
        {
            Bom = ByteOrderMark.Absent,
        },
    ];

    protected override void ReadRow(TableRow row, ColumnMap columns, ReaderContext context)
    {
        var period = row.NhsDate(columns["EXTRACT_DATE"]);
        if (row.Text(columns["TYPE"]) != "GP") throw row.Reject(columns["TYPE"], $"'{row.Text(columns["TYPE"])}' is not a practice row (TYPE GP)");
        var practice = row.Code(columns["CODE"], p => p.Scheme == AreaCodeScheme.OdsPractice, "a GP practice's ODS code (e.g. F81001)");
        if (row.Text(columns["SEX"]) != "ALL") throw row.Reject(columns["SEX"], "only all-persons rows (SEX = ALL) are read from this file");
        if (row.Text(columns["AGE"]) != "ALL") throw row.Reject(columns["AGE"], "only all-ages rows (AGE = ALL) are read from this file");
        context.Unique(row, columns["CODE"], practice.Value);
        var subIcb = row.Code(columns["ONS_SUB_ICB_LOCATION_CODE"], "E38");
        row.SubIcbOds(columns["SUB_ICB_LOCATION_CODE"]);
        context.Release(AreaType.Practice, period, subIcb);
        context.Listed(practice, AreaType.Practice, period, null);
        context.Member(practice, AreaType.Practice, subIcb, AreaType.SubIcb, period);
        context.Batch.Populations.Add(new PopulationCount(practice, PopulationKind.Registered, period, Sex.Persons, AgeBand.All, row.People(columns["NUMBER_OF_PATIENTS"])));
    }
}

/// <summary>
/// NHS Digital's registered patients by single year of age and sex for every PCN, sub-ICB location, ICB and
/// commissioning region (gp-reg-pat-prac-sing-age-regions, CSV or zip). Kept in 5-year bands to 95+ (90–94, 95+) by sex,
/// and for persons (the sum of the sexes where the file gives persons only as a total); the single years of each area must
/// add up to its total.
/// </summary>
public sealed class RegisteredAgesReader : TableFileReader
{
    public override string Kind => "nhs-registered-ages";

    public override string Description => "NHS Digital: registered patients by single year of age for PCNs, sub-ICB locations, ICBs and regions";

    public override string Source => "NHS Digital, \"Patients Registered at a GP Practice\" (monthly): gp-reg-pat-prac-sing-age-regions.csv or .zip";

    public override int Order => 52;

    protected override IReadOnlyList<TableLayout> Layouts { get; } =
    [
        new("NHS", ["PUBLICATION", "EXTRACT_DATE", "ORG_TYPE", "ORG_CODE", "ONS_CODE", "SEX", "AGE", "NUMBER_OF_PATIENTS"]) { Bom = ByteOrderMark.Absent },
    ];

    protected override void ReadRow(TableRow row, ColumnMap columns, ReaderContext context)
    {
        var period = row.NhsDate(columns["EXTRACT_DATE"]);
        var typeText = row.Text(columns["ORG_TYPE"]);
        if (typeText == "PCN" && row.Text(columns["ORG_CODE"]) == "U")
        {
            context.Skipped++; // the national "Unallocated" PCN: practices in no PCN
            return;
        }

        var (type, code) = typeText switch
        {
            "PCN" => (AreaType.Pcn, row.Code(columns["ORG_CODE"], p => p.Scheme == AreaCodeScheme.OdsPcn, "a PCN's ODS code (e.g. U12345)")),
            "SUB_ICB_LOCATION_CODE" or "SUB_ICB_LOC_CODE" or "CCG" => (AreaType.SubIcb, row.Code(columns["ONS_CODE"], "E38")),
            "ICB" or "STP" => (AreaType.Icb, row.IcbOds(columns["ORG_CODE"])),
            "Comm Region" or "COMM_REGION" => (AreaType.Region, row.Code(columns["ONS_CODE"], "E40")),
            _ => throw row.Reject(columns["ORG_TYPE"], $"'{typeText}' is not an organisation type of this file (PCN, SUB_ICB_LOCATION_CODE, ICB, Comm Region)"),
        };
        var sexText = row.Text(columns["SEX"]);
        var sex = sexText switch
        {
            "ALL" => Sex.Persons,
            "MALE" or "MALES" => Sex.Male,
            "FEMALE" or "FEMALES" => Sex.Female,
            _ => throw row.Reject(columns["SEX"], $"'{sexText}' is not ALL, MALE or FEMALE"),
        };
        var ageText = row.Text(columns["AGE"]);
        int? age = ageText switch
        {
            "ALL" => null,
            "95+" => 95,
            _ when int.TryParse(ageText, NumberStyles.None, CultureInfo.InvariantCulture, out var a) && a < 95 => a,
            _ => throw row.Reject(columns["AGE"], $"'{ageText}' is not an age (0 to 94, 95+ or ALL)"),
        };
        context.Unique(row, columns["ORG_CODE"], $"{typeText}|{code}|{sexText}|{ageText}");
        var count = row.People(columns["NUMBER_OF_PATIENTS"]);
        context.Area(code, code.Value, type);
        context.Batch.Populations.Add(new PopulationCount(code, PopulationKind.Registered, period, sex, age is null ? AgeBand.All : Band(age.Value), count));
    }

    protected override void Finish(ReaderContext context)
    {
        // Persons by single year are kept in 5-year bands (added up here), and each area's years must make its total.
        var rows = context.Batch.Populations;
        var merged = rows.GroupBy(p => (p.Area, p.Period, p.Sex, p.AgeBand)).Select(g => g.First() with { Count = g.Sum(p => p.Count) }).ToList();
        foreach (var area in merged.GroupBy(p => (p.Area, p.Period, p.Sex)))
        {
            var total = area.FirstOrDefault(p => p.AgeBand == AgeBand.All)?.Count;
            var sum = area.Where(p => p.AgeBand != AgeBand.All).Sum(p => p.Count);
            if (total is { } t && area.Any(p => p.AgeBand != AgeBand.All) && sum != t)
                throw new FileProblemException(context.Table.Problem(0, null, $"{area.Key.Area} ({area.Key.Sex}): the ages add up to {sum:N0}, not the total {t:N0}"));
        }

        // The file gives single years by sex only (persons only as the total): persons' bands are the sum of the sexes'.
        var withPersons = merged.Where(p => p.Sex == Sex.Persons && p.AgeBand != AgeBand.All).Select(p => (p.Area, p.Period)).ToHashSet();
        var persons = merged.Where(p => p.Sex != Sex.Persons && p.AgeBand != AgeBand.All && !withPersons.Contains((p.Area, p.Period)))
            .GroupBy(p => (p.Area, p.Period, p.AgeBand))
            .Select(g => g.First() with { Sex = Sex.Persons, Count = g.Sum(p => p.Count) });
        rows.Clear();
        rows.AddRange(merged);
        rows.AddRange(persons);
    }

    private static AgeBand Band(int age) => age >= 95 ? AgeBand.Range(95, null) : age >= 90 ? AgeBand.Range(90, 94) : AgeLabels.FiveYear(age);
}
