"""Reference timing for `npm run bench:data`: numpy doing what the TypeScript data layer does.

Not part of the product; the benchmark runs it only when python3 with numpy is available, to
print how our loader compares with `np.load(..., allow_pickle=True)` plus the tutorial's cells.
Prints one JSON object: seconds per step, and the process's peak RSS.
"""
import json
import resource
import sys
import time

t0 = time.perf_counter()
import numpy as np  # noqa: E402

t_import = time.perf_counter() - t0
path, bins, neuron = sys.argv[1], 50, 283
steps = {}


def lap(name, t):
    steps[name] = time.perf_counter() - t
    return time.perf_counter()


t = time.perf_counter()
spike_times = np.load(path, allow_pickle=True)["spike_times"]
t = lap("load", t)
counts = [len(s) for s in spike_times]
mean_count = np.mean(counts)
median_count = np.median(counts)
frac_below = (counts < mean_count).mean()
count_hist = np.histogram(counts, bins=bins)
t = lap("counts", t)
interval = (5, 15)
restricted = [s[(s >= interval[0]) & (s < interval[1])] for s in spike_times]
frac_interval_spikes = sum(len(s) for s in restricted) / sum(counts)
t = lap("restrict", t)
flat = np.concatenate(spike_times)
duration = np.ptp(flat)
frac_interval_time = (interval[1] - interval[0]) / duration
t = lap("duration", t)
isis = np.diff(spike_times[neuron])
isi_mean = isis.mean()
isi_hist = np.histogram(isis, bins=bins, range=(0, isis.max()))
t = lap("isi", t)
total = sum(v for k, v in steps.items())
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"numpy": np.__version__, "import_s": t_import, "steps_s": steps, "total_s": total, "peak_rss_mb": peak_mb}))
