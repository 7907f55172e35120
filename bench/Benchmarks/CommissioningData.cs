using System.Globalization;
using System.Text;
using Commonweal.Application.Commissioning;
using Commonweal.Application.Places;
using Commonweal.Application.Places.Ics;
using Commonweal.Core.Commissioning;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Commonweal.Persistence.Bulk;
using Commonweal.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Benchmarks;

/// <summary>
/// A reproducible contract register the size of the commissioning issue's targets (#14), on the real places (the
/// reference folder imported, Mid and South Essex): 5,000 contracts of 300 providers, each with one to three service lines
/// in the ICS's places (the ICS, alliances, districts, wards, PCNs), 10 monthly KPIs of the contract measures and 36 monthly
/// returns of each (1.8 M return rows in 180,000 return batches), a variation on one in five and an open remedial plan on
/// one in ten; and a contract of 250 KPIs (<see cref="ImportContract"/>) with no returns, for 10,000-row return files
/// (<see cref="ReturnFile"/>). Seeded; built once into <c>/tmp/commonweal-bench/</c> with the bulk writer and kept there,
/// rebuilt when missing or when <see cref="Version"/> changes. Benchmarks work on a copy (<see cref="CopyAsync"/>).
/// Needs COMMONWEAL_REFERENCE_DATA.
/// </summary>
public static class CommissioningData
{
    /// <summary>Bump when the generator changes: the cached store is rebuilt.</summary>
    public const int Version = 1;

    public const int Contracts = 5_000;
    public const int KpisPerContract = 10;
    public const int Months = 36;
    public const int ImportKpis = 250;
    public const int ImportMonths = 40;

    /// <summary>A contract of the register with 10 KPIs × 36 returns, in force on <see cref="AsAt"/>.</summary>
    public const string PageContract = "BENCH-00001";

    /// <summary>The contract the 10,000-row return files are for (250 monthly KPIs from April 2022).</summary>
    public const string ImportContract = "BENCH-IMPORT";

    public static readonly DateOnly AsAt = new(2026, 10, 1);

    public static readonly string Folder = Path.Combine(Path.GetTempPath(), "commonweal-bench");

    private const int Seed = 20261214;
    private const int Providers = 300;
    private const string Actor = "bench";

    private static readonly IndicatorId[] Measures =
        [ContractMeasures.PeopleSupported, ContractMeasures.FourWeekQuits, ContractMeasures.ContactedPromptly, ContractMeasures.WeightLoss, ContractMeasures.ActivitySessions];

    private static readonly ProcurementRoute[] Routes =
        [ProcurementRoute.PsrDirectAwardC, ProcurementRoute.PsrMostSuitableProvider, ProcurementRoute.PsrCompetitive, ProcurementRoute.OpenProcedure, ProcurementRoute.DirectAward];

    public static string StorePath => Path.Combine(Folder, $"commissioning-v{Version}.db");

    /// <summary>The cached store's path, built first if it is missing (a few minutes: most of it the reference folder's import).</summary>
    public static async Task<string> StoreAsync()
    {
        if (File.Exists(StorePath)) return StorePath;
        Directory.CreateDirectory(Folder);
        foreach (var old in Directory.EnumerateFiles(Folder, "commissioning-v*.db*")) File.Delete(old);
        var building = StorePath + ".building";
        var started = System.Diagnostics.Stopwatch.StartNew();
        await BuildAsync(building);
        File.Move(building, StorePath);
        Console.WriteLine($"// commissioning store built in {started.Elapsed.TotalSeconds:0} s: {StorePath}");
        return StorePath;
    }

    /// <summary>A working copy of the cached store in a new temporary folder (a benchmark may change it).</summary>
    public static async Task<TestDatabase> CopyAsync()
    {
        var store = await StoreAsync();
        var folder = Directory.CreateTempSubdirectory("commonweal-bench-commissioning-").FullName;
        var copy = Path.Combine(folder, "store.db");
        File.Copy(store, copy);
        return TestDatabase.Existing(copy);
    }

    /// <summary>
    /// A 10,000-row return for <see cref="ImportContract"/> (every KPI, April 2022 to July 2025) as CSV; <paramref name="variant"/>
    /// changes every value, so a file of another variant replaces every row.
    /// </summary>
    public static string ReturnFile(string folder, int variant)
    {
        var random = new Random(Seed + variant);
        var csv = new StringBuilder("kpi_id,period,numerator,denominator,value,note\n");
        for (var k = 0; k < ImportKpis; k++)
        {
            var measure = Measures[k % Measures.Length];
            for (var m = 0; m < ImportMonths; m++)
            {
                var period = IndicatorPeriod.Month(2022 + ((3 + m) / 12), ((3 + m) % 12) + 1);
                var (count, denominator) = Returned(random, measure, (double)m / ImportMonths);
                csv.Append(CultureInfo.InvariantCulture, $"{KpiCode(k, ImportKpis)},{period.Start:yyyy-MM},{count},{denominator},,{(m % 12 == 0 ? "quarter-end check" : "")}\n");
            }
        }

        var path = Path.Combine(folder, $"return-{variant}.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    private static async Task BuildAsync(string path)
    {
        var folder = ReferenceData.Folder ?? throw new InvalidOperationException($"set {ReferenceData.Variable} to the folder of official files");
        if (File.Exists(path)) File.Delete(path);
        var database = TestDatabase.Existing(path);
        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            var places = await Importing.For(db).ImportFolderAsync(folder, Actor);
            if (!places.Succeeded) throw new InvalidOperationException("the reference folder did not import");
        }

        PlaceGraph graph;
        await using (var scope = new ApplicationScope(database))
        {
            var timeline = await scope.Get<PlaceGraphCache>().GetAsync(scope.Get<IDbContextFactory<CommonwealDbContext>>(), CancellationToken.None);
            graph = timeline.At(AsAt, PlaceTimeline.LsoaReleaseOn(AsAt));
        }

        await using (var db = database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await WriteRegisterAsync(db, graph, IcsConfiguration.Default());
            await transaction.CommitAsync();
        }

        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE; ANALYZE;";
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
    }

    private static async Task WriteRegisterAsync(CommonwealDbContext db, PlaceGraph graph, IcsDefinition ics)
    {
        var random = new Random(Seed);
        var created = new DateTimeOffset(2022, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var icsArea = ics.Code;
        AreaCode[] alliances = [.. graph.Within(icsArea, AreaType.Alliance).Select(a => a.Code)];
        AreaCode[] districts = [.. graph.Within(icsArea, AreaType.District).Select(a => a.Code)];
        AreaCode[] wards = [.. graph.Within(icsArea, AreaType.Ward).Select(a => a.Code)];
        AreaCode[] pcns = [.. graph.Within(icsArea, AreaType.Pcn).Select(a => a.Code)];
        if (districts.Length == 0 || wards.Length == 0) throw new InvalidOperationException("the reference folder has no districts or wards of the ICS");
        AreaCode Place() => random.Next(20) switch
        {
            0 => icsArea,
            < 3 when alliances.Length > 0 => alliances[random.Next(alliances.Length)],
            < 9 => districts[random.Next(districts.Length)],
            < 15 when pcns.Length > 0 => pcns[random.Next(pcns.Length)],
            _ => wards[random.Next(wards.Length)],
        };

        // Partners: the ICB and the councils commission; providers are NHS trusts, VCSE organisations and others.
        var partners = new List<Partner> { new(1, "NHS Mid and South Essex ICB (bench)") { Type = PartnerType.NhsBody, Role = PartnerRole.Commissioner, OdsCode = "QH8" } };
        for (var d = 0; d < districts.Length; d++)
            partners.Add(new Partner(partners.Count + 1, $"Council of {graph.Find(districts[d])?.Name ?? districts[d].Value} (bench)") { Type = PartnerType.Council, Role = PartnerRole.Commissioner, GssCode = districts[d] });
        var commissioners = partners.Count;
        for (var p = 0; p < Providers; p++)
        {
            var id = partners.Count + 1;
            partners.Add((p % 3) switch
            {
                0 => new Partner(id, $"Bench community charity {p:000}") { Type = PartnerType.Vcse, Role = PartnerRole.Provider, CharityNumber = (1_100_000 + p).ToString(CultureInfo.InvariantCulture) },
                1 => new Partner(id, $"Bench NHS trust {p:000}") { Type = PartnerType.NhsBody, Role = PartnerRole.Provider, OdsCode = $"R{p:000}" },
                _ => new Partner(id, $"Bench provider company {p:000}") { Type = PartnerType.Other, Role = PartnerRole.Provider, CompanyNumber = (20_000_000 + p).ToString(CultureInfo.InvariantCulture) },
            });
        }

        await BulkWriter.InsertMissingAsync(db, partners);

        var contracts = new List<Contract>(Contracts + 1);
        var variations = new List<ContractVariation>();
        var lines = new List<ServiceLine>();
        var kpis = new List<ContractKpi>();
        var plans = new List<RemedialPlan>();
        var batches = new List<ReturnBatch>();
        var returns = new List<KpiReturn>();
        var ids = new Ids();
        for (var c = 1; c <= Contracts; c++)
        {
            // Starts April 2022 to September 2023 (the page's contract: April 2023), terms of 3 to 5 years: 36 monthly returns
            // have ended in each by the benchmarks' day; most are in force on it, some have ended.
            var start = c == 1 ? new DateOnly(2023, 4, 1) : new DateOnly(2022, 4, 1).AddMonths(random.Next(18));
            var end = start.AddYears(c == 1 ? 4 : 3 + random.Next(3)).AddDays(-1);
            var pence = (long)random.Next(50_000, 2_000_000) * 100;
            var reference = $"BENCH-{c:00000}";
            contracts.Add(new Contract(c, reference, $"Bench service {c}", commissioners + 1 + random.Next(Providers), 1 + random.Next(commissioners),
                Routes[random.Next(Routes.Length)], start, end, pence, null, null, "A contract of the generated register.", created, Actor));
            if (c % 5 == 0)
                variations.Add(new ContractVariation(++ids.Variation, c, 1, start.AddYears(2), "Uplift and extension by a year", pence * 21 / 20, end.AddYears(1), created, Actor));
            var lineCount = 1 + random.Next(3);
            var linePlaces = new AreaCode[lineCount];
            for (var l = 0; l < lineCount; l++)
            {
                linePlaces[l] = Place();
                lines.Add(new ServiceLine(++ids.Line, c, $"L{l + 1}", $"Service line {l + 1}", (FocusArea)random.Next(13), linePlaces[l], pence / lineCount, start, null));
            }

            Kpis(kpis, ids, c, start, KpisPerContract, Months, k => linePlaces[k % lineCount], random);
            if (c % 10 == 0)
                plans.Add(new RemedialPlan(++ids.Plan, c, KpiCode(c % KpisPerContract, KpisPerContract), PeriodOf(start, Months - 1).Label, "Off track: bench", created.AddYears(3), Actor, null, null, ""));

            var mine = kpis[^KpisPerContract..];
            for (var m = 0; m < Months; m++)
            {
                var period = PeriodOf(start, m);
                var batch = new ReturnBatch(++ids.Batch, c, $"return-{period.Start:yyyy-MM}.csv", KpisPerContract, new DateTimeOffset(period.End.AddDays(10).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), Actor);
                batches.Add(batch);
                foreach (var kpi in mine)
                {
                    var (count, denominator) = Returned(random, kpi.Indicator, (double)m / Months);
                    returns.Add(new KpiReturn(++ids.Return, c, kpi.Code, period.Label, period.Start, period.End, count, denominator, null, "", batch.Id));
                }
            }

            if (c % 250 == 0) await FlushAsync();
        }

        // The contract of the 10,000-row return files: 250 KPIs from April 2022, no returns yet.
        var importStart = new DateOnly(2022, 4, 1);
        contracts.Add(new Contract(Contracts + 1, ImportContract, "Bench county-wide service (10,000-row returns)", commissioners + 1, 1, ProcurementRoute.OpenProcedure,
            importStart, new DateOnly(2027, 3, 31), 500_000_000, null, null, "A contract measured in many places.", created, Actor));
        lines.Add(new ServiceLine(++ids.Line, Contracts + 1, "ALL", "Whole service", FocusArea.DietAndExercise, icsArea, 500_000_000, importStart, null));
        Kpis(kpis, ids, Contracts + 1, importStart, ImportKpis, ImportMonths + 20, _ => icsArea, random);
        await FlushAsync();

        async Task FlushAsync()
        {
            await BulkWriter.InsertMissingAsync(db, contracts);
            await BulkWriter.InsertMissingAsync(db, variations);
            await BulkWriter.InsertMissingAsync(db, lines);
            await BulkWriter.InsertMissingAsync(db, kpis);
            await BulkWriter.InsertMissingAsync(db, plans);
            await BulkWriter.InsertMissingAsync(db, batches);
            await BulkWriter.InsertMissingAsync(db, returns);
            foreach (var list in new System.Collections.IList[] { contracts, variations, lines, kpis, plans, batches, returns }) list.Clear();
        }
    }

    /// <summary>The contract's KPIs K01… (or K001…): the monthly contract measures in turn, baseline the month before the start, target at the end of the run.</summary>
    private static void Kpis(List<ContractKpi> kpis, Ids ids, int contract, DateOnly start, int count, int months, Func<int, AreaCode> area, Random random)
    {
        for (var k = 0; k < count; k++)
        {
            var measure = Measures[k % Measures.Length];
            var (baseline, target) = Trajectory(measure);
            kpis.Add(new ContractKpi(++ids.Kpi, contract, KpiCode(k, count), measure, area(k),
                measure == ContractMeasures.PeopleSupported || measure == ContractMeasures.ActivitySessions ? KpiRole.Activity : k % 2 == 0 ? KpiRole.Outcome : KpiRole.Quality,
                PeriodOf(start, -1).Label, baseline, target + (random.NextDouble() * 2), PeriodOf(start, months - 1).Label, "linear", "Service manager", start, null));
        }
    }

    /// <summary>The code of a contract's k-th KPI: K01… for up to 99 KPIs, K001… for more.</summary>
    private static string KpiCode(int k, int count) => count > 99 ? $"K{k + 1:000}" : $"K{k + 1:00}";

    private static IndicatorPeriod PeriodOf(DateOnly start, int month)
    {
        var first = start.AddMonths(month);
        return IndicatorPeriod.Month(first.Year, first.Month);
    }

    private static (double Baseline, double Target) Trajectory(IndicatorId measure) =>
        measure == ContractMeasures.PeopleSupported ? (100, 130)
        : measure == ContractMeasures.ActivitySessions ? (400, 500)
        : measure == ContractMeasures.FourWeekQuits ? (45, 55)
        : measure == ContractMeasures.ContactedPromptly ? (80, 90)
        : (25, 32);

    /// <summary>A month's return near the trajectory (<paramref name="progress"/> of the way from baseline to target), with noise: a count, or a numerator of a denominator.</summary>
    private static (double Count, double? Denominator) Returned(Random random, IndicatorId measure, double progress)
    {
        var (baseline, target) = Trajectory(measure);
        var expected = baseline + ((target - baseline) * progress);
        if (measure == ContractMeasures.PeopleSupported || measure == ContractMeasures.ActivitySessions)
            return (Math.Max(0, Math.Round(expected * (0.9 + (random.NextDouble() * 0.25)))), null);
        var denominator = 60 + random.Next(140);
        var share = Math.Clamp((expected + ((random.NextDouble() - 0.4) * 12)) / 100, 0, 1);
        return (Math.Round(denominator * share), denominator);
    }

    /// <summary>The last id given in each table (the rows are written in chunks).</summary>
    private sealed class Ids
    {
        public int Variation { get; set; }

        public int Line { get; set; }

        public int Kpi { get; set; }

        public int Plan { get; set; }

        public int Batch { get; set; }

        public long Return { get; set; }
    }
}
