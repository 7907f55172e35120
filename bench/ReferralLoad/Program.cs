using System.Globalization;
using Commonweal.ReferralLoad;

// referral-load: sustained referrals to POST /fhir, and the check that every acknowledged one is stored exactly once.
// Used by bench/Benchmarks/referral-load.sh and referral-crash.sh.
const string Usage = """
    usage:
      referral-load run --url http://127.0.0.1:PORT/ --key KEY [--connections 32] [--duration 30 | --count N] [--warmup 5]
                        [--seed 1] [--prefix bench] [--max-rate 6000] [--acknowledged FILE] [--retry] [--grace 60]
                        [--timeout 30] [--progress]
      referral-load verify --acknowledged FILE [--database STORE] [--url URL --key KEY [--fhir-sample 500]] [--seed 1]
    run: --max-rate sizes the bodies made before the run (duration x max-rate); the run ends early if they run out.
    verify: STORE is what COMMONWEAL_DATABASE would be (a SQLite file or a PostgreSQL connection string); the key must
    see every referral (VolunteerCoordinator or Administrator); --fhir-sample 0 checks every referral through the API.
    """;

if (args.Length == 0 || args[0] is not ("run" or "verify"))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var named = new Dictionary<string, string>(StringComparer.Ordinal);
var flags = new HashSet<string>(StringComparer.Ordinal);
for (var i = 1; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal))
    {
        Console.Error.WriteLine($"unexpected '{args[i]}'\n{Usage}");
        return 2;
    }

    if (args[i] is "--retry" or "--progress") flags.Add(args[i][2..]);
    else if (i + 1 < args.Length) named[args[i][2..]] = args[++i];
    else
    {
        Console.Error.WriteLine($"{args[i]} needs a value\n{Usage}");
        return 2;
    }
}

string? Text(string name) => named.GetValueOrDefault(name);
int Number(string name, int otherwise) => named.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : otherwise;
Uri? Url() => Text("url") is { } u ? new Uri(u.EndsWith('/') ? u : u + "/") : null;

if (args[0] == "run")
{
    if (Url() is not { } url || Text("key") is not { } key)
    {
        Console.Error.WriteLine($"run needs --url and --key\n{Usage}");
        return 2;
    }

    var options = new RunOptions(url, key, Number("connections", 32), TimeSpan.FromSeconds(Number("duration", 30)),
        named.ContainsKey("count") ? Number("count", 0) : null, TimeSpan.FromSeconds(Number("warmup", 5)), Number("seed", 1),
        Text("prefix") ?? "bench", Number("max-rate", 6000), Text("acknowledged"), flags.Contains("retry"),
        TimeSpan.FromSeconds(Number("grace", 60)), TimeSpan.FromSeconds(Number("timeout", 30)), flags.Contains("progress"));
    return await new LoadRun(options).RunAsync();
}

if (Text("acknowledged") is not { } acknowledged)
{
    Console.Error.WriteLine($"verify needs --acknowledged\n{Usage}");
    return 2;
}

return await StoreCheck.VerifyAsync(new VerifyOptions(acknowledged, Text("database"), Url(), Text("key"), Number("fhir-sample", 500), Number("seed", 1)));
