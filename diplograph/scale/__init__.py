"""Extraction at scale: worker processes on one machine, or a Dask cluster writing Parquet.

    from diplograph.scale import parallel_extract, dask_extract, load_parquet

    store.add(parallel_extract(documents, workers=2, batch_size=64))       # streaming, in order
    dask_extract(["corpus.jsonl"], out_dir="out/", workers=2)              # LocalCluster, Parquet parts
    dask_extract(["corpus.jsonl"], out_dir="/shared/out", scheduler="tcp://scheduler:8786")
    load_parquet(store, "out/")                                            # one transaction, new documents only

Dask is optional (`pip install 'diplograph[distributed]'`); it is imported only when `dask_extract` runs.
See docs/scale.md.
"""

from __future__ import annotations

from diplograph.scale.cluster import DaskResult, dask_extract
from diplograph.scale.parquet import load_parquet, write_part
from diplograph.scale.pool import ExtractorPool, parallel_extract

__all__ = ["DaskResult", "ExtractorPool", "dask_extract", "load_parquet", "parallel_extract", "write_part"]
