using Commonweal.Application.Access;
using Commonweal.Application.Places;
using Commonweal.Application.Files;
using Commonweal.Application.Indicators;
using Commonweal.Core.Commissioning;
using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Persistence;
using Commonweal.Persistence.Bulk;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Commissioning;

/// <summary>A KPI's status after a return, and whether the return opened a remedial plan for it.</summary>
public sealed record KpiStatusLine(string Kpi, string Period, TargetStatus Status, string Why, bool Exception, RemedialPlan? Opened);

/// <summary>What submitting a return did: rows stored (new) and replaced, each KPI's status after it, or every problem (then nothing was saved).</summary>
public sealed record ReturnOutcome(int Stored, int Replaced, IReadOnlyList<KpiStatusLine> Statuses, IReadOnlyList<FileProblem> Problems, RefusalKind? Refused = null)
{
    public bool Succeeded => Problems.Count == 0 && Refused is null;

    public static ReturnOutcome Refusal(RefusalKind kind, string why) => new(0, 0, [], [new FileProblem("(return)", null, 0, null, null, why)], kind);
}

/// <summary>
/// A provider's periodic KPI return (<c>returns import</c>, the upload page, the API), validated all or nothing
/// (docs/commissioning-formats.md): each row names a KPI of the contract, a period of the KPI's frequency that has ended, lies in
/// the contract's term and in a time the KPI was in force, once; its numbers are numbers (a numerator and a denominator
/// where the measure is worked out from them, else a value) that the measure's method can work with. Every problem is given
/// with its line and column. A provider submits only for its own contracts. Stored returns replace earlier ones of the
/// same KPI and period (each replacement audited with what it replaced); then each KPI is read again, and one that is off
/// track or shows special-cause concern gets a remedial plan opened if it has none open and the contract is in force.
/// </summary>
public sealed class ReturnsImport(CommonwealDbContext db, AuditLog audit, TimeProvider clock, ContractPerformance performance, RemedialPlanning plans)
{
    public async Task<ReturnOutcome> ImportFileAsync(string contractRef, string path, CommissioningViewer viewer, CancellationToken cancellationToken = default)
    {
        string fileName;
        IReadOnlyList<string> header;
        IReadOnlyList<ReturnRow> rows;
        try
        {
            (fileName, header, rows) = ReturnRows.Read(path);
        }
        catch (FileProblemException e)
        {
            return new ReturnOutcome(0, 0, [], [e.Problem]);
        }

        return await ImportAsync(contractRef, fileName, header, rows, viewer, cancellationToken);
    }

    /// <param name="header">The columns as the file named them (problems name the column's position in it); the API passes <see cref="ReturnRows.Columns"/>.</param>
    public async Task<ReturnOutcome> ImportAsync(
        string contractRef, string fileName, IReadOnlyList<string> header, IReadOnlyList<ReturnRow> rows, CommissioningViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(viewer);
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Ref == contractRef, cancellationToken);
        if (contract is null) return ReturnOutcome.Refusal(RefusalKind.NotFound, $"No contract {contractRef} is in the register.");
        if (!viewer.MaySee(contract))
        {
            audit.Record(viewer.Name, "return.refused", "contract", contract.Ref, "not the user's organisation's contract");
            await db.SaveChangesAsync(cancellationToken);
            return ReturnOutcome.Refusal(RefusalKind.Forbidden, $"{viewer.Name} may not submit returns for {contract.Ref}: it is not their organisation's contract.");
        }

        var kpis = await db.ContractKpis.AsNoTracking().Where(k => k.Contract == contract.Id).ToListAsync(cancellationToken);
        var versionsOf = kpis.ToLookup(k => k.Code, StringComparer.OrdinalIgnoreCase); // each code's versions, in the order read
        var indicatorIds = kpis.Select(k => k.Indicator).Distinct().ToList();
        var indicators = await ContractMeasures.LoadAsync(db, indicatorIds, cancellationToken);
        var variations = await db.ContractVariations.AsNoTracking().Where(v => v.Contract == contract.Id).ToListAsync(cancellationToken);
        var termEnd = ContractTimeline.FinalEnd(contract, variations);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var columns = ReturnRows.Columns.ToDictionary(c => c, c => Math.Max(0, header.ToList().FindIndex(h => string.Equals(h.Trim(), c, StringComparison.OrdinalIgnoreCase))) + 1);
        var problems = new FileProblems();
        void Problem(ReturnRow row, string column, string rule) => problems.Add(new FileProblem(fileName, null, row.Line, columns[column], header.ElementAtOrDefault(columns[column] - 1) ?? column, rule));

        var accepted = new List<(ReturnRow Row, ContractKpi Kpi, IndicatorPeriod Period, double? Count, double? Denominator, double? Value)>();
        var seen = new Dictionary<(string, string), int>();
        if (rows.Count == 0) problems.Add(new FileProblem(fileName, null, 1, null, null, "the return has a header but no rows"));
        foreach (var row in rows)
        {
            if (problems.Full) break;
            var before = problems.All.Count;
            var versions = versionsOf[row.Kpi].ToList();
            if (versions.Count == 0)
            {
                Problem(row, "kpi_id", row.Kpi.Length == 0 ? "a KPI id is required" : $"{contract.Ref} has no KPI '{row.Kpi}' (its KPIs: {string.Join(", ", kpis.Select(k => k.Code).Distinct().Order())})");
                continue;
            }

            var indicator = indicators[versions[0].Indicator];
            if (!ReturnRows.TryPeriod(row.Period, out var period))
            {
                Problem(row, "period", $"'{row.Period}' is not a period: write {ReturnRows.Example(indicator.Frequency)}");
                continue;
            }

            var kpi = versions.FirstOrDefault(k => k.EffectiveFrom <= period!.End && (k.EffectiveTo is not { } to || to >= period.Start));
            if (ReturnRows.MonthsOf(indicator.Frequency) is { } months && period!.MonthsSpanned != months)
                Problem(row, "period", $"{row.Kpi} is reported {indicator.Frequency.ToString().ToLowerInvariant()}: '{row.Period}' is not {ReturnRows.Example(indicator.Frequency)}");
            else if (period!.End >= today)
                Problem(row, "period", $"{period.Label} has not ended (it ends {period.End:yyyy-MM-dd}): a return is made after its period");
            else if (period.End < contract.Start || period.Start > termEnd)
                Problem(row, "period", $"{period.Label} is outside {contract.Ref}'s term ({contract.Start:yyyy-MM-dd} to {termEnd:yyyy-MM-dd})");
            else if (kpi is null)
                Problem(row, "period", $"{row.Kpi} was not in force in {period.Label} (from {versions.Min(k => k.EffectiveFrom):yyyy-MM-dd})");
            else if (seen.TryGetValue((kpi.Code.ToUpperInvariant(), period.Label), out var first))
                Problem(row, "period", $"{kpi.Code} {period.Label} is on line {first} too: one row per KPI and period");
            if (kpi is null || problems.All.Count > before) continue;
            seen[(kpi.Code.ToUpperInvariant(), period.Label)] = row.Line;

            double? count = null, denominator = null, value = null;
            string? why;
            var fromCounts = indicator.ValueType is not (IndicatorValueType.Mean or IndicatorValueType.Score) && !ValueMethods.NeedsAgeBands(indicator.ValueType);
            if (row.Numerator.Length > 0 && (count = ReturnRows.Number(row.Numerator, true, out why)) is null) Problem(row, "numerator", why!);
            if (row.Denominator.Length > 0 && (denominator = ReturnRows.Number(row.Denominator, true, out why)) is null) Problem(row, "denominator", why!);
            if (row.Value.Length > 0 && (value = ReturnRows.Number(row.Value, false, out why)) is null) Problem(row, "value", why!);
            if (problems.All.Count > before) continue;
            if (fromCounts)
            {
                if (count is null) Problem(row, "numerator", $"{kpi.Code} is a {indicator.ValueType.Label()}: its numerator is required");
                else if (ValueMethods.NeedsDenominator(indicator.ValueType) && denominator is null) Problem(row, "denominator", $"{kpi.Code} is a {indicator.ValueType.Label()}: its denominator is required");
                else if (ValueMethods.FromCounts(indicator.ValueType, indicator.Multiplier, count.Value, denominator ?? double.NaN) is { IsCalculated: false } bad)
                    Problem(row, "numerator", $"the numerator and denominator cannot give a {indicator.ValueType.Label()}: {bad.Note}");
            }
            else if (value is null) Problem(row, "value", $"{kpi.Code} is a {indicator.ValueType.Label()}: its value is required");

            if (problems.All.Count == before) accepted.Add((row, kpi, period, count, denominator, fromCounts ? null : value));
        }

        if (problems.Any) return new ReturnOutcome(0, 0, [], problems.All);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var batch = new ReturnBatch(0, contract.Id, fileName, accepted.Count, now, viewer.Name);
        db.ReturnBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        // Written with the bulk writer, in this transaction (a file of 10,000 rows is not tracked row by row): new rows
        // inserted, replaced rows updated in place under their ids, and each replacement audited with what it replaced.
        var existing = await db.KpiReturns.AsNoTracking().Where(r => r.Contract == contract.Id).Select(r => new { r.Id, r.Kpi, r.Period, r.Count, r.Denominator, r.Value })
            .ToDictionaryAsync(r => (r.Kpi.ToUpper(), r.Period), cancellationToken);
        var added = new List<KpiReturn>();
        var replacements = new List<KpiReturn>();
        var replacedWhat = new List<string>();
        foreach (var (row, kpi, period, count, denominator, value) in accepted)
        {
            var fresh = new KpiReturn(0, contract.Id, kpi.Code, period.Label, period.Start, period.End, count, denominator, value, row.Note.Length > 2000 ? row.Note[..2000] : row.Note, batch.Id);
            if (existing.TryGetValue((kpi.Code.ToUpperInvariant(), period.Label), out var old))
            {
                replacements.Add(fresh with { Id = old.Id });
                replacedWhat.Add($"{kpi.Code} {period.Label}: was {Shown(old.Count, old.Denominator, old.Value)}, now {Shown(count, denominator, value)}");
            }
            else
            {
                added.Add(fresh);
            }
        }

        int stored = added.Count, replaced = replacements.Count;
        await BulkWriter.InsertNewAsync(db, added, cancellationToken);
        await BulkWriter.UpsertAsync(db, replacements, cancellationToken: cancellationToken);
        await audit.RecordAllAsync(viewer.Name, "return.replace", "contract", contract.Ref, replacedWhat, cancellationToken);
        audit.Record(viewer.Name, "return.submit", "contract", contract.Ref, $"{fileName}: {accepted.Count} rows ({stored} new, {replaced} replaced)");
        await db.SaveChangesAsync(cancellationToken);

        // Each KPI read again with the return in — the version in force in its latest period. Under-performance (off track,
        // or special-cause concern) opens a remedial plan, unless one is open or the contract has ended.
        var returns = await db.KpiReturns.AsNoTracking().Where(r => r.Contract == contract.Id).ToListAsync(cancellationToken);
        var latestOf = returns.GroupBy(r => r.Kpi, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Max(r => r.PeriodEnd), StringComparer.OrdinalIgnoreCase);
        var touched = accepted.Select(a => a.Kpi.Code).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(code =>
            {
                var latest = latestOf[code];
                var versions = versionsOf[code].ToList();
                return versions.Where(k => k.EffectiveFrom <= latest).MaxBy(k => k.EffectiveFrom) ?? versions.MinBy(k => k.EffectiveFrom)!;
            })
            .ToList();
        var reports = await performance.ReportsAsync(contract, touched, returns, cancellationToken);
        var running = ContractTimeline.AsAt(contract, variations, [], [], today).InForce;
        var statuses = new List<KpiStatusLine>();
        foreach (var report in reports)
        {
            var opened = running && RemedialPlanning.Opens(report.Report) ? await plans.OpenAsync(contract, report, viewer.Name, cancellationToken) : null;
            statuses.Add(new KpiStatusLine(report.Kpi.Code, report.Report.Latest?.Period.Label ?? "", report.Report.Status, report.Report.Why, report.Report.IsException, opened));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ReturnOutcome(stored, replaced, statuses, []);
    }

    private static string Shown(double? count, double? denominator, double? value) =>
        value is { } v ? v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)
        : $"{count?.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}/{denominator?.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}";
}
