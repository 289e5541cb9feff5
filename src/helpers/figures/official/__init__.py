"""Figures of official statistics, drawn from the tidy official rows of the chosen vintage.

- ``recorded_crime``: Figure 6 (recorded offences from one edition of the ONS appendix tables);
- ``nrm_referrals``: Figure 7 (NRM referrals by age and Duty to Notify reports, from one edition of the release);
- ``nationality``: Figures 9 and 10 (referrals by nationality, and the UK share, for children and adults);
- ``edition``: the one edition of a release file a chart draws (chosen by the vintage) and its name in words;
- ``exploitation``: Figure 8 as a table by exploitation type;
- ``justice``: Figures 23 and 24 (outcomes, CPS) and the live-operations series;
- ``drawing``: how a tier looks (fill, hatch, marker), its legend, printed bounds, values not found;
- ``printed``: the report's printed values for these figures, read from the claims ledger;
- ``describe``: title, caption, source, tiers and alt text, computed from the plotted data.
"""
