"""Driver of bench/effects/run.sh: CPU time of libgreenidx's synth (+38
placebos) and of synth_py.py's identical nested optimisation, and their ratio."""
import json
import os
import resource
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import synth_py  # noqa: E402

exe, data = sys.argv[1], sys.argv[2]
pred = ("lnincome@1980-1988,retprice@1980-1988,age15to24@1980-1988,beer@1984-1988,"
        "cigsale@1975,cigsale@1980,cigsale@1988")
r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
w0 = time.perf_counter()
out = subprocess.run([exe, "effect", "synth", "--data", data, "--unit", "state", "--time", "year",
                      "--outcome", "cigsale", "--treated", "California", "--treat-time", "1989",
                      "--predictors", pred, "--format", "json"], check=True, capture_output=True).stdout
w1 = time.perf_counter()
r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
c_cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
d = json.loads(out)
top = sorted(d["weights"].items(), key=lambda kv: -kv[1])[:5]
print("libgreenidx: weights", {k: round(v, 3) for k, v in top},
      "rmspe_pre %.3f gap2000 %.2f placebo_p %.4f" % (d["rmspe_pre"], d["gaps"]["2000"], d["placebo_p"]))
print("libgreenidx cpu_seconds %.3f (wall %.3f)" % (c_cpu, w1 - w0))
p_cpu, p_wall = synth_py.main(data)
print("python cpu_seconds %.3f (wall %.3f)" % (p_cpu, p_wall))
print("ratio python/libgreenidx (CPU): %.1f" % (p_cpu / c_cpu))
