"""Analysis spread over a Dask cluster: many machines, or one machine's cores."""

from newsprism.scale.dask_analysis import DaskAnalyzer, dask_client

__all__ = ["DaskAnalyzer", "dask_client"]
