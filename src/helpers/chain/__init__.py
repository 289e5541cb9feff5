"""The notebook chain: which notebooks run in which order and what each depends on (``graph``, with ``imports``
following a notebook's helper modules from its import statements), with which parameters (``params``), checked
before anything runs (``preflight``), executed by papermill in fresh kernels (``execute``), staged and swapped
into ``reports/`` and ``data/processed/`` by the runner (``run``, with ``swap`` and one run at a time by
``lock``), rendered to HTML and PDF (``render``, ``render_html``, ``render_pdf``, ``templates/``) with a landing
page (``index``), and timed (``benchmark``, on a throw-away copy made by ``sandbox``)."""
