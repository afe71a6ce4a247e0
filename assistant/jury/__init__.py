"""The jury's workspace: the store of record of decisions and sign-offs, the agreement between
the jury and the tool, and the similarity between the dossiers of a batch."""
