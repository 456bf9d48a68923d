"""What every measurement shares: the briefs measured (``briefs``), timing, memory and
profiling (``timing``), and the rows, results and report of a run (``report``)."""
