"""Learning utilities shared by the layers: static embeddings and linear models in numpy."""
