"""The notebook chain: which notebooks run in which order (``graph``), with which parameters (``params``),
executed by papermill in fresh kernels (``execute``), staged and swapped into ``reports/`` and
``data/processed/`` by the runner (``run``), rendered to HTML and PDF (``render``, ``templates/``), and timed
(``benchmark``, on a throw-away copy made by ``sandbox``)."""
