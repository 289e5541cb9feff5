"""Figures of official statistics, drawn from the tidy official rows of the chosen vintage.

- ``crime_and_referrals``: Figures 6, 7, 9 and 10 (recorded crime and NRM referrals from one edition of the
  publishers' release files, nationality by age);
- ``edition``: the one edition of a release file a chart draws (chosen by the vintage) and its name in words;
- ``exploitation``: Figure 8 as a table by exploitation type;
- ``justice``: Figures 23 and 24 (outcomes, CPS) and the live-operations series;
- ``drawing``: how a tier looks (fill, hatch, marker), its legend, printed bounds, values not found;
- ``printed``: the report's printed values for these figures, read from the claims ledger;
- ``describe``: title, caption, source, tiers and alt text, computed from the plotted data.
"""
