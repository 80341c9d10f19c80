"""Predicts from a SageMaker XGBoost model archive the way the built-in container does.

Extracts xgboost-model from model.tar.gz, loads it with Python's xgboost and scores CSV rows
of features without a header (empty cells are missing values). Prints the xgboost version,
then one prediction per row.

Usage: python3 sagemaker_predict.py model.tar.gz rows.csv
"""
import os
import sys
import tarfile
import tempfile

import numpy as np
import xgboost as xgb


def main():
    archive, rows = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(archive) as tar:
            tar.extractall(folder)
        booster = xgb.Booster()
        booster.load_model(os.path.join(folder, "xgboost-model"))
    features = np.genfromtxt(rows, delimiter=",", ndmin=2, filling_values=np.nan)
    print(xgb.__version__)
    for prediction in booster.predict(xgb.DMatrix(features, missing=np.nan)):
        print(repr(float(prediction)))


if __name__ == "__main__":
    main()
