"""The run engine: runs of a plan against an agent connection, one job per case."""
