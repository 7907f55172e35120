using System.Data.Common;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Commonweal.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Commonweal.ReferralLoad;

internal sealed record VerifyOptions(string AcknowledgedPath, string? Database, Uri? Url, string? Key, int FhirSample, int Seed);

/// <summary>
/// After a run (or a crash): every acknowledged referral is in the store exactly once, under the id it was acknowledged
/// with, with its ServiceRequest resource and its case (one batch, one transaction), and no identifier is stored twice.
/// Read straight from the store with SQL (all of them), and through the FHIR API (<c>GET /fhir/ServiceRequest?identifier=</c>
/// as a client that sees every referral) for a sample, or all with <c>--fhir-sample 0</c>. Exit code 0 only when all hold.
/// </summary>
internal static class StoreCheck
{
    public static async Task<int> VerifyAsync(VerifyOptions options)
    {
        var acknowledged = await ReadAsync(options.AcknowledgedPath);
        var problems = new List<string>();
        var byValue = acknowledged.GroupBy(a => (a.System, a.Value)).ToList();
        foreach (var same in byValue.Where(g => g.Select(a => a.ServiceRequestId).Distinct().Count() > 1))
            problems.Add($"{same.Key.System}|{same.Key.Value} was acknowledged with different ids: {string.Join(", ", same.Select(a => a.ServiceRequestId).Distinct())}");
        Console.WriteLine($"verify: {acknowledged.Count} acknowledgements of {byValue.Count} referrals in {options.AcknowledgedPath}");

        if (options.Database is { } database) problems.AddRange(await SqlAsync(database, byValue.Select(g => g.First()).ToList()));
        if (options.Url is { } url && options.Key is { } key) problems.AddRange(await FhirAsync(url, key, [.. byValue.Select(g => g.First())], options));

        foreach (var problem in problems.Take(50)) Console.WriteLine("  FAILED: " + problem);
        if (problems.Count > 50) Console.WriteLine($"  … and {problems.Count - 50} more");
        Console.WriteLine(problems.Count == 0 ? "verify: OK" : $"verify: {problems.Count} problems");
        return problems.Count == 0 ? 0 : 1;
    }

    private static async Task<List<Acknowledged>> ReadAsync(string path)
    {
        var acknowledged = new List<Acknowledged>();
        foreach (var line in await File.ReadAllLinesAsync(path))
        {
            if (line.Length == 0) continue;
            var f = line.Split('\t');
            acknowledged.Add(new Acknowledged(f[0], f[1], f[2], int.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture)));
        }

        return acknowledged;
    }

    private static async Task<List<string>> SqlAsync(string database, List<Acknowledged> acknowledged)
    {
        var problems = new List<string>();
        var settings = DatabaseSettings.FromSetting(database);
        await using DbConnection connection = settings.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(settings.ConnectionString)
            : new SqliteConnection(settings.ConnectionString + ";Mode=ReadOnly");
        await connection.OpenAsync();

        var systems = acknowledged.Select(a => a.System).Distinct().ToList();
        var stored = new Dictionary<(string, string), List<Guid>>();
        foreach (var system in systems)
        {
            foreach (var row in await QueryAsync(connection, """select "IdentifierSystem", "IdentifierValue", "Id" from referrals where "IdentifierSystem" = @system""", system))
            {
                var key = ((string)row[0], (string)row[1]);
                if (!stored.TryGetValue(key, out var ids)) stored[key] = ids = [];
                ids.Add(row[2] is Guid g ? g : Guid.Parse((string)row[2]));
            }
        }

        var missing = 0;
        foreach (var a in acknowledged)
        {
            if (!stored.TryGetValue((a.System, a.Value), out var ids) || ids.Count == 0)
            {
                missing++;
                problems.Add($"acknowledged {a.System}|{a.Value} (ServiceRequest/{a.ServiceRequestId}) is not in the store");
            }
            else if (ids.Count > 1) problems.Add($"{a.System}|{a.Value} is stored {ids.Count} times");
            else if (ids[0] != Guid.Parse(a.ServiceRequestId))
                problems.Add($"{a.System}|{a.Value} was acknowledged as ServiceRequest/{a.ServiceRequestId} but is stored as {ids[0]}");
        }

        var wanted = acknowledged.Select(a => (a.System, a.Value)).ToHashSet();
        var unacknowledged = stored.Keys.Count(k => !wanted.Contains(k));
        Console.WriteLine($"  SQL: {acknowledged.Count - missing} of {acknowledged.Count} acknowledged referrals found; "
            + $"{unacknowledged} stored referrals of the same system(s) were never acknowledged (committed, but the answer was lost, or a repeat never retried: allowed)");

        foreach (var row in await QueryAsync(connection, """select "IdentifierSystem", "IdentifierValue", count(*) from referrals group by 1, 2 having count(*) > 1""", null))
            problems.Add($"{row[0]}|{row[1]} is stored {row[2]} times");

        foreach (var (what, sql) in new[]
                 {
                     ("without its ServiceRequest resource", """select count(*) from referrals r where r."IdentifierSystem" = @system and not exists (select 1 from fhir_resources f where f."Referral" = r."Id" and f."Type" = 'ServiceRequest')"""),
                     ("without its Task", """select count(*) from referrals r where r."IdentifierSystem" = @system and not exists (select 1 from fhir_resources f where f."Referral" = r."Id" and f."Type" = 'Task')"""),
                     ("without its case", """select count(*) from referrals r where r."IdentifierSystem" = @system and not exists (select 1 from referral_cases c where c."Id" = r."Id")"""),
                 })
        {
            foreach (var system in systems)
            {
                var count = Convert.ToInt64((await QueryAsync(connection, sql, system))[0][0], CultureInfo.InvariantCulture);
                if (count > 0) problems.Add($"{count} referrals of {system} are stored {what}");
            }
        }

        Console.WriteLine($"  SQL: duplicates and half-stored referrals checked ({settings.Description})");
        return problems;
    }

    private static async Task<List<object[]>> QueryAsync(DbConnection connection, string sql, string? system)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (system is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "system";
            parameter.Value = system;
            command.Parameters.Add(parameter);
        }

        var rows = new List<object[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    private static async Task<List<string>> FhirAsync(Uri url, string key, List<Acknowledged> acknowledged, VerifyOptions options)
    {
        var shuffled = acknowledged.ToArray();
        new Random(options.Seed).Shuffle(shuffled);
        var sample = options.FhirSample <= 0 ? shuffled : shuffled[..Math.Min(options.FhirSample, shuffled.Length)];
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var problems = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(sample, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (a, cancellationToken) =>
        {
            var query = Uri.EscapeDataString($"{a.System}|{a.Value}");
            using var response = await http.GetAsync($"fhir/ServiceRequest?identifier={query}", cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                problems.Add($"GET ServiceRequest?identifier={a.System}|{a.Value}: HTTP {(int)response.StatusCode}");
                return;
            }

            using var document = JsonDocument.Parse(body);
            var total = document.RootElement.GetProperty("total").GetInt32();
            var id = total == 1 ? document.RootElement.GetProperty("entry")[0].GetProperty("resource").GetProperty("id").GetString() : null;
            if (total != 1) problems.Add($"FHIR: {a.System}|{a.Value} has {total} ServiceRequests, not 1");
            else if (id != a.ServiceRequestId) problems.Add($"FHIR: {a.System}|{a.Value} is ServiceRequest/{id}, acknowledged as {a.ServiceRequestId}");
        });
        Console.WriteLine($"  FHIR: {sample.Length - problems.Count} of {sample.Length} acknowledged referrals (a seeded sample) found once each by GET /fhir/ServiceRequest?identifier=");
        return [.. problems];
    }
}
