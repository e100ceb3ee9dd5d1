"""File output without Qt: atomic writes and table formats."""

#: Largest exported bitmap side in pixels (a 20000 px square PNG already needs 1.6 GB of RAM).
MAX_IMAGE_SIDE = 20000
