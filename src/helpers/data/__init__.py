"""The raw tables: schemas and validation with file, line and column (``validate``), periods as the sources
print them (``periods``), official statistics and their vintages (``official``), deterministic table writing
(``tables``) and the generated data dictionary (``datadict``)."""
