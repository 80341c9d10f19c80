"""Writes DAYS days of ERCOT 15-minute RT settlement point prices (NP6-905-CD layout, one CSV
per interval as ERCOT posts them), starting 2025-11-01, into OUTPUT_FOLDER.

    python3 bench/generate_ercot_rt.py REPOSITORY_ROOT OUTPUT_FOLDER DAYS

The rows are the bundled NP6-905-CD report's 1,123 settlement points, with prices scaled by a
seeded random daily shape. The fall-back day 2025-11-02 has the repeated hour flagged Y.
"""
import datetime, io, os, random, sys, zipfile
root, out, days = sys.argv[1], sys.argv[2], int(sys.argv[3])
folder = os.path.join(root, "data/samples/ercot_rt_spp")
name = next(f for f in os.listdir(folder) if "SPPHLZNP6905" in f)
with zipfile.ZipFile(os.path.join(folder, name)) as z:
    lines = z.read(z.namelist()[0]).decode().splitlines()
header, rows = lines[0], [l.split(",") for l in lines[1:]]
os.makedirs(out)
rng = random.Random(42)
def text(price):
    p = round(price, 2)
    return str(int(p)) if p == int(p) else ("%.2f" % p).rstrip("0")
for d in range(days):
    day = datetime.date(2025, 11, 1) + datetime.timedelta(days=d)
    hours = [(h, "N") for h in range(1, 25)]
    if day == datetime.date(2025, 11, 2):
        hours.insert(2, (2, "Y"))
    for h, flag in hours:
        for i in range(1, 5):
            shape = 0.8 + 0.4 * abs(12 - h) / 12 + rng.uniform(-0.1, 0.1)
            body = [header]
            for r in rows:
                body.append("%s,%d,%d,%s,%s,%s,%s" % (day.strftime("%m/%d/%Y"), h, i, r[3],
                            r[4], text(float(r[5]) * shape), flag))
            tag = "%s_%02d%d%s" % (day.strftime("%Y%m%d"), h, i, flag)
            with open(os.path.join(out, "SPPHLZNP6905_%s.csv" % tag), "w") as f:
                f.write("\n".join(body) + "\n")
