"""The raw tables: defensive reading (``read``), Table Schema validation by frictionless with file, line and
column (``validate``) and the rules a Table Schema cannot say (``rules``), periods as the sources print them
(``periods``), official statistics and their vintages (``official``), the publishers' release files read cell by
cell (``releases``) and the editions they belong to (``editions``), deterministic table writing (``tables``) and
the generated data dictionary (``datadict``)."""
