using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Commonweal.ReferralLoad;

internal sealed record RunOptions(
    Uri Url, string Key, int Connections, TimeSpan Duration, int? Count, TimeSpan Warmup, int Seed, string Prefix, int MaxRate,
    string? AcknowledgedPath, bool Retry, TimeSpan Grace, TimeSpan Timeout, bool Progress);

/// <summary>A referral the server acknowledged: 200, with its ServiceRequest entry 201 Created or 200 OK (a repeat) at this id.</summary>
internal sealed record Acknowledged(string System, string Value, string ServiceRequestId, int EntryStatus, int Attempts);

/// <summary>
/// Drives <c>POST /fhir</c> from N connections (one task each, HTTP/1.1 keep-alive on one SocketsHttpHandler), each
/// sending the next pre-serialised body as soon as the last is answered — a closed loop, so latency is what a client
/// waits and the rate is what the server sustains. Every answer's time and outcome is kept; a 200 whose ServiceRequest
/// entry says 201 or 200 is an acknowledged referral. With <c>--retry</c> a request that got no answer (refused, reset,
/// timed out, 5xx — the server was down) is sent again with the same identifier until it is acknowledged, as a real
/// client would: the identifier makes the retry safe.
/// </summary>
internal sealed class LoadRun(RunOptions options)
{
    private const string MediaType = "application/fhir+json";
    private readonly MediaTypeHeaderValue contentType = new(MediaType) { CharSet = "utf-8" };

    public async Task<int> RunAsync()
    {
        var measured = options.Count ?? checked((int)Math.Ceiling(options.Duration.TotalSeconds * options.MaxRate));
        var clock = Stopwatch.StartNew();
        var warm = ReferralBodies.Make(options.Prefix + "-warm", (int)Math.Ceiling(options.Warmup.TotalSeconds * options.MaxRate), options.Seed + 1);
        var bodies = ReferralBodies.Make(options.Prefix, measured, options.Seed);
        Console.WriteLine($"made {warm.Length + bodies.Length} referral bodies (mean {bodies.Average(b => b.Json.Length):F0} bytes) in {clock.Elapsed.TotalSeconds:F1} s, before the run");

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(2),
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = options.Timeout };
        http.DefaultRequestVersion = HttpVersion.Version11;
        http.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Key);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaType));

        var acknowledged = new List<Acknowledged>();
        if (warm.Length > 0)
        {
            var warmed = await PhaseAsync(http, warm, options.Warmup, retry: false);
            Console.WriteLine($"warm-up: {warmed.Acknowledged.Count} acknowledged in {warmed.Elapsed.TotalSeconds:F1} s (not counted)");
            acknowledged.AddRange(warmed.Acknowledged);
        }

        var result = await PhaseAsync(http, bodies, options.Count is null ? options.Duration : Timeout.InfiniteTimeSpan, options.Retry);
        result.Print(options, bodies.Length);
        acknowledged.AddRange(result.Acknowledged);
        if (options.AcknowledgedPath is { } path)
        {
            await WriteAsync(path, acknowledged);
            Console.WriteLine($"  {acknowledged.Count} acknowledged referrals (warm-up included) added to {path}");
        }

        return 0;
    }

    private async Task<PhaseResult> PhaseAsync(HttpClient http, ReferralBody[] bodies, TimeSpan duration, bool retry)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        var deadline = duration == Timeout.InfiniteTimeSpan ? long.MaxValue : (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var giveUp = deadline == long.MaxValue ? long.MaxValue : deadline + (long)(options.Grace.TotalSeconds * Stopwatch.Frequency);
        var workers = new Worker[options.Connections];
        for (var w = 0; w < workers.Length; w++) workers[w] = new Worker();
        using var stop = new CancellationTokenSource();
        var progress = options.Progress ? ProgressAsync(workers, clock, stop.Token) : Task.CompletedTask;

        await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= bodies.Length || clock.ElapsedTicks >= deadline) return;
                var body = bodies[i];
                for (var attempt = 1; ; attempt++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var (outcome, ack) = await SendAsync(http, body, attempt);
                    worker.Note(outcome, Stopwatch.GetElapsedTime(started));
                    if (ack is not null)
                    {
                        worker.Acknowledged.Add(ack);
                        break;
                    }

                    if (!retry || !Retryable(outcome) || clock.ElapsedTicks >= giveUp)
                    {
                        if (retry && Retryable(outcome)) worker.GaveUp++;
                        break;
                    }

                    await Task.Delay(100);
                }
            }
        })));
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await progress;
        return new PhaseResult(workers, elapsed);
    }

    private static async Task ProgressAsync(Worker[] workers, Stopwatch clock, CancellationToken stop)
    {
        var last = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var acked = workers.Sum(w => w.Acknowledged.Count);
                var failed = workers.Sum(w => w.Failures);
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:F0} s  {acked - last,6}/s acknowledged  {acked,8} in all  {failed,6} unanswered or refused");
                last = acked;
            }
        }
        catch (OperationCanceledException)
        {
            // the phase is over
        }
    }

    private static bool Retryable(string outcome) => !outcome.StartsWith("HTTP 4", StringComparison.Ordinal) || outcome == "HTTP 429" || outcome == "HTTP 408";

    private async Task<(string Outcome, Acknowledged? Ack)> SendAsync(HttpClient http, ReferralBody body, int attempt)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "fhir") { Content = new ByteArrayContent(body.Json) };
        request.Content.Headers.ContentType = contentType;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK) return ($"HTTP {(int)response.StatusCode}", null);
            return ServiceRequestEntry(bytes) is { Status: 201 or 200 } entry
                ? ($"200, ServiceRequest {entry.Status}", new Acknowledged(ReferralBodies.IdentifierSystem, body.Identifier, entry.Id, entry.Status, attempt))
                : ("200 without a ServiceRequest 201/200 entry", null);
        }
        catch (HttpRequestException e)
        {
            return ($"no answer: {e.HttpRequestError}", null);
        }
        catch (TaskCanceledException)
        {
            return ($"no answer: timed out after {options.Timeout.TotalSeconds:F0} s", null);
        }
    }

    /// <summary>The ServiceRequest entry of a transaction-response: its status code and the id in its location.</summary>
    private static (int Status, string Id)? ServiceRequestEntry(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("entry", out var entries)) return null;
            foreach (var entry in entries.EnumerateArray())
            {
                if (!entry.TryGetProperty("response", out var response) || !response.TryGetProperty("location", out var location)) continue;
                var at = location.GetString() ?? "";
                if (!at.StartsWith("ServiceRequest/", StringComparison.Ordinal)) continue;
                var status = response.GetProperty("status").GetString() ?? "";
                var code = int.Parse(status.AsSpan(0, Math.Min(3, status.Length)), CultureInfo.InvariantCulture);
                return (code, at.Split('/')[1]);
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException)
        {
            return null;
        }

        return null;
    }

    private static async Task WriteAsync(string path, IEnumerable<Acknowledged> acknowledged)
    {
        await using var file = new StreamWriter(path, append: true);
        foreach (var a in acknowledged)
            await file.WriteLineAsync($"{a.System}\t{a.Value}\t{a.ServiceRequestId}\t{a.EntryStatus}\t{a.Attempts}");
    }

    /// <summary>One connection's record: each answer's time and outcome, and what it had acknowledged.</summary>
    private sealed class Worker
    {
        public List<long> Latencies { get; } = new(64 * 1024);

        public Dictionary<string, int> Outcomes { get; } = [];

        public List<Acknowledged> Acknowledged { get; } = new(64 * 1024);

        public int Failures { get; private set; }

        public int GaveUp { get; set; }

        public void Note(string outcome, TimeSpan elapsed)
        {
            Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
            var answered = !outcome.StartsWith("no answer", StringComparison.Ordinal);
            if (answered) Latencies.Add(elapsed.Ticks); // the time of an answer; a refused connection has none worth keeping
            if (!outcome.StartsWith("200, ", StringComparison.Ordinal)) Failures++;
        }
    }

    private sealed class PhaseResult(Worker[] workers, TimeSpan elapsed)
    {
        public TimeSpan Elapsed { get; } = elapsed;

        public List<Acknowledged> Acknowledged { get; } = [.. workers.SelectMany(w => w.Acknowledged)];

        public void Print(RunOptions options, int made)
        {
            var latencies = workers.SelectMany(w => w.Latencies).Order().ToArray();
            var answered = latencies.Length;
            var outcomes = workers.SelectMany(w => w.Outcomes).GroupBy(o => o.Key).Select(g => (Outcome: g.Key, Count: g.Sum(o => o.Value))).OrderByDescending(o => o.Count);
            var seconds = Elapsed.TotalSeconds;
            Console.WriteLine($"POST {options.Url}fhir, {options.Connections} connections, {seconds:F1} s"
                + (Acknowledged.Count + workers.Sum(w => w.GaveUp) >= made ? $" (all {made} bodies sent)" : ""));
            Console.WriteLine($"  acknowledged referrals: {Acknowledged.Count} = {Acknowledged.Count / seconds:F0}/s"
                + $" ({Acknowledged.Count(a => a.EntryStatus == 201)} created, {Acknowledged.Count(a => a.EntryStatus == 200)} repeats answered 200)");
            Console.WriteLine($"  answered requests: {answered} = {answered / seconds:F0}/s");
            if (answered > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  latency ms: p50 {Ms(latencies, 0.50):F1}  p95 {Ms(latencies, 0.95):F1}  p99 {Ms(latencies, 0.99):F1}  max {TimeSpan.FromTicks(latencies[^1]).TotalMilliseconds:F1}"));
            }

            foreach (var (outcome, count) in outcomes) Console.WriteLine($"  {count,9}  {outcome}");
            // One line for scripts to read.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"summary connections={options.Connections} seconds={seconds:F1} acknowledged={Acknowledged.Count} rate={Acknowledged.Count / seconds:F0} "
                + $"p50={Ms(latencies, 0.50):F1} p95={Ms(latencies, 0.95):F1} p99={Ms(latencies, 0.99):F1} max={(answered > 0 ? TimeSpan.FromTicks(latencies[^1]).TotalMilliseconds : 0):F1} "
                + $"failed={workers.Sum(w => w.Failures)}"));
            if (workers.Sum(w => w.GaveUp) is > 0 and var gaveUp) Console.WriteLine($"  {gaveUp,9}  gave up (no answer by the end of the grace period)");
        }

        private static double Ms(long[] sorted, double quantile) => sorted.Length == 0 ? 0 :
            TimeSpan.FromTicks(sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)]).TotalMilliseconds;
    }
}
