-- wrk reports 50/75/90/99 %; the targets are stated at the 95th percentile.
done = function(summary, latency, requests)
  io.write(string.format("  p95 %.2f ms, p99 %.2f ms, %d requests, %d errors\n",
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
