"""Module packs: programme-specific blocks, frameworks and starter content."""
