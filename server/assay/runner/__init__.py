"""`assay run`: run a local plan file on this machine, or a server's plan from CI.

Both modes end in the same place: a Run and its results in the REST shape (see
``rest_contract``), from which the progress display, the summary table, the JUnit XML and
the JSON file are made, and the exit code (0 all passed, 1 any did not, 2 configuration).
"""
