"""The same ingest on a Dask cluster: partitions of articles analysed on workers, written here.

    from sitrep.distributed import cluster_client, ingest_on_cluster
    with cluster_client(workers=4) as client:          # a LocalCluster, stopped on exit
        summary = ingest_on_cluster(sitrep, client, paths)

Modules: cluster.py (starting or joining a cluster), worker.py (what runs on a worker: the one
Pipeline, loaded once per worker process), run.py (the driver: streams inputs into partitions,
keeps a bounded number in flight, writes results in input order through Sitrep.store_analyses).
"""

from sitrep.distributed.cluster import cluster_client
from sitrep.distributed.run import (
    DEFAULT_PARTITION,
    ClusterError,
    analyses_on_cluster,
    ingest_on_cluster,
    warm_workers,
    worker_peak_memory,
)

__all__ = [
    "DEFAULT_PARTITION",
    "ClusterError",
    "analyses_on_cluster",
    "cluster_client",
    "ingest_on_cluster",
    "warm_workers",
    "worker_peak_memory",
]
