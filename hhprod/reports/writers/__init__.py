"""One module per file format; exports.py registers them."""
