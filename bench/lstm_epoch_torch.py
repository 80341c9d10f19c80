"""Times one training epoch of the household usage LSTM in PyTorch, to compare with DL4J.

The network is the one gridcast trains: the same inputs (scaled usage, time of day and day of
week as sine and cosine), look-back, layer sizes, loss, optimiser and batch size.

    /usr/bin/python3 bench/lstm_epoch_torch.py SMT_EXPORT.csv.gz EPOCHS UNITS LOOK_BACK BATCH

Prints one line: "torch epoch seconds: <mean over epochs> samples: <n>".
"""
import csv, datetime, gzip, math, sys, time
import torch

path, epochs, units, look_back, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), \
    int(sys.argv[4]), int(sys.argv[5])
torch.manual_seed(42)
torch.set_num_threads(2)

rows = []
with gzip.open(path, "rt") as f:
    for r in csv.DictReader(f):
        if r["USAGE_KWH"].strip():
            day = datetime.datetime.strptime(r["USAGE_DATE"], "%m/%d/%Y")
            hh, mm = map(int, r["USAGE_START_TIME"].split(":"))
            rows.append((day.weekday(), hh * 60 + mm, float(r["USAGE_KWH"])))
split = int(len(rows) * 0.67)
train = [k for _, _, k in rows[:split]]
mean = sum(train) / len(train)
std = math.sqrt(sum((k - mean) ** 2 for k in train) / len(train))
inputs = [[(k - mean) / std, math.sin(2 * math.pi * m / 1440), math.cos(2 * math.pi * m / 1440),
           math.sin(2 * math.pi * (d + m / 1440) / 7), math.cos(2 * math.pi * (d + m / 1440) / 7)]
          for d, m, k in rows]
series = torch.tensor(inputs, dtype=torch.float32)
origins = range(look_back, split)
x = torch.stack([series[t - look_back:t] for t in origins])
y = torch.tensor([[inputs[t][0]] for t in origins], dtype=torch.float32)


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = torch.nn.LSTM(5, units, batch_first=True)
        self.out = torch.nn.Linear(units, 1)

    def forward(self, batch_x):
        sequence, _ = self.lstm(batch_x)
        return self.out(sequence[:, -1, :])


net = Net()
optimiser = torch.optim.Adam(net.parameters(), lr=0.005)
loss = torch.nn.MSELoss()
seconds = []
for epoch in range(epochs):
    started = time.perf_counter()
    order = torch.randperm(len(x))
    for i in range(0, len(x), batch):
        index = order[i:i + batch]
        optimiser.zero_grad()
        error = loss(net(x[index]), y[index])
        error.backward()
        optimiser.step()
    seconds.append(time.perf_counter() - started)
print("torch epoch seconds: %.2f samples: %d" % (sum(seconds) / len(seconds), len(x)))
