"""Recomputes the LEAR reference forecasts of LearForecasterTest with scikit-learn.

Independent of gridcast, it builds the benchmark's LEAR inputs with NumPy and applies the
invariant (median, MAD, asinh) transform. It picks each hour's penalty on the lasso path of
unit-norm inputs (scikit-learn's lars_path) by the Akaike criterion n * mse / var(y) + 2 * df,
computed here. Then it fits scikit-learn's coordinate-descent Lasso with that penalty on the
transformed inputs.

Usage: python3 lear_reference.py DE.csv.gz > lear_reference_DE.csv
"""
import csv
import datetime
import gzip
import sys

import numpy as np
from sklearn.linear_model import Lasso, lars_path

CASES = [("2016-01-04", 84), ("2016-06-06", 84), ("2017-12-25", 84), ("2016-01-04", 1456)]


def read_days(path):
    with gzip.open(path, "rt") as f:
        rows = list(csv.reader(f))[1:]
    first = datetime.date.fromisoformat(rows[0][0][:10])
    values = np.array([[float(c) for c in r[1:4]] for r in rows]).reshape(-1, 24, 3)
    return first, values[:, :, 0], values[:, :, 1], values[:, :, 2]


def features(price, exo1, exo2, first, day):
    row = []
    for h in range(24):
        row += [price[day - lag, h] for lag in (1, 2, 3, 7)]
    for h in range(24):
        for lag in (1, 7):
            row += [exo1[day - lag, h], exo2[day - lag, h]]
        row += [exo1[day, h], exo2[day, h]]
    dummies = [0.0] * 7
    dummies[(first + datetime.timedelta(days=day)).weekday()] = 1.0
    return row + dummies


def invariant(train, other):
    median = np.median(train, axis=0)
    mad = np.median(np.abs(train - median), axis=0) / 0.6744897501960817
    mad[mad == 0] = 1.0
    return np.arcsinh((train - median) / mad), np.arcsinh((other - median) / mad), median, mad


def aic_alpha(x, y):
    xc = x - x.mean(axis=0)
    norms = np.sqrt((xc ** 2).sum(axis=0))
    norms[norms == 0] = 1.0
    yc = y - y.mean()
    alphas, _, coefs = lars_path(xc / norms, yc, method="lasso", max_iter=2500)
    residuals = yc[:, None] - (xc / norms) @ coefs
    mse = (residuals ** 2).mean(axis=0)
    df = (np.abs(coefs) > np.finfo(float).eps).sum(axis=0)
    criterion = len(y) * mse / (yc.var() + np.finfo(float).eps) + 2 * df
    return alphas[np.argmin(criterion)]


def lear_day(price, exo1, exo2, first, day, window):
    samples = range(day - window + 7, day)
    x = np.array([features(price, exo1, exo2, first, d) for d in samples])
    y = price[list(samples)]
    x_test = np.array([features(price, exo1, exo2, first, day)])
    x[:, :-7], x_test[:, :-7], _, _ = invariant(x[:, :-7], x_test[:, :-7])
    y_scaled, _, y_median, y_mad = invariant(y, y[:1])
    forecast = []
    for h in range(24):
        alpha = aic_alpha(x, y_scaled[:, h])
        model = Lasso(alpha=alpha, max_iter=200000, tol=1e-12).fit(x, y_scaled[:, h])
        scaled = model.predict(x_test)[0]
        forecast.append(np.sinh(scaled) * y_mad[h] + y_median[h])
    return forecast


def main():
    first, price, exo1, exo2 = read_days(sys.argv[1])
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["delivery_date", "window_days"] + ["he%02d" % (h + 1) for h in range(24)])
    for date, window in CASES:
        day = (datetime.date.fromisoformat(date) - first).days
        forecast = lear_day(price, exo1, exo2, first, day, window)
        out.writerow([date, window] + ["%.6f" % v for v in forecast])


if __name__ == "__main__":
    main()
