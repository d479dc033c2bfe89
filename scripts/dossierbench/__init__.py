"""The benchmark: national-size corpora generated from the real dossiers, built and measured."""
