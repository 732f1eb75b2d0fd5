"""Message catalogues: `nb` (Norwegian bokmål, the default) and `en`, with the same keys."""
