"""The notebook chain: which notebooks run in which order (``graph``, with the helper modules a notebook imports
from ``imports``), with which parameters (``params``), checked before anything runs (``preflight``), executed by
papermill in fresh kernels (``execute``), one run at a time (``lock``), staged and swapped into ``reports/`` and
``data/processed/`` by the runner (``run``, ``swap``), rendered to HTML and PDF (``render``, ``render_html``,
``render_pdf``, ``templates/``) with a landing page (``index``), and timed (``benchmark``, on a throw-away copy
made by ``sandbox``)."""
