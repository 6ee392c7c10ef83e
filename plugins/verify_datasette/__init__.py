"""The verify Datasette plugin."""
