"""The notebook chain, ``python -m helpers.chain`` (``__main__``, the runner ``run``): which notebooks run in
which order and what each one reads (``graph``, with the helper modules found from its imports by ``imports``),
with which parameters (``params``), after which checks (``preflight``); executed by papermill in fresh kernels
(``execute``, with the IPC kernels and papermill engine of ``kernels``), staged and swapped into ``reports/`` and
``data/processed/`` all or nothing (``swap``), one run per checkout (``lock``), a full disk named
as such (``disk``); rendered to HTML and PDF
(``render``, ``render_html``, ``render_pdf``, ``templates/``) with a landing page (``index``) and what changed
since the previous build (``changes``); and timed
(``benchmark``, on a throw-away copy made by ``sandbox``)."""
