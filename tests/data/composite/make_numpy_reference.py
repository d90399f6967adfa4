#!/usr/bin/python3
# Independent reference values for Cronbach's alpha and PCA on the raw ASEM
# data, computed with numpy/pandas (not with libgreenidx). Run from this
# folder:  /usr/bin/python3 make_numpy_reference.py > numpy_reference.csv
#
# alpha  = k/(k-1) * (1 - sum(var_i) / sum(cov)), covariances pairwise
#          complete (pandas DataFrame.cov), as R cov(use = "pairwise.complete.obs")
# pc1_sd, pc1_prop: eigen-decomposition (numpy.linalg.eigh) of the correlation
#          matrix of the rows without missing values (R prcomp(na.omit(x), scale. = TRUE))
import numpy as np
import pandas as pd

meta = pd.read_csv("ASEM_iMeta.csv")
data = pd.read_csv("ASEM_iData.csv")
ind = meta[meta.Type == "Indicator"]
print("pillar,k,alpha,pc1_sd,pc1_prop")
for pillar in ind.Parent.unique():
    codes = list(ind[ind.Parent == pillar].iCode)
    x = data[codes].astype(float)
    c = x.cov().to_numpy()
    k = len(codes)
    alpha = k / (k - 1) * (1 - np.trace(c) / c.sum())
    xc = x.dropna().to_numpy()
    r = np.corrcoef(xc, rowvar=False)
    ev = np.sort(np.linalg.eigvalsh(r))[::-1]
    print(f"{pillar},{k},{alpha:.10f},{np.sqrt(ev[0]):.10f},{ev[0] / k:.10f}")
