"""The data the interactive tools need (self-assessment, review deck, countdown, run mode, Find your move)."""
