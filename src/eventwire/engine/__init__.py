"""Engines: how a stream of cleaned articles is parsed and coded.

``local`` runs in this process or in forked workers; ``ray`` runs an actor pool
on a local or remote Ray cluster and can write a partitioned Parquet dataset.
Stages never know which engine runs them: every engine calls the same
``Pipeline.code_parsed`` on the same cleaned articles, in input order.
"""

ENGINES = ("local", "ray")
