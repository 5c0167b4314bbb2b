"""The one way into the store: records are shifted to trading days, reconciled with what is known from other
sources (authority, conflicts) and written; seeds and article proposals go the same way."""
