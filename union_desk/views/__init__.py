"""Qt widgets. Views call services through `views.ops` and show what comes back."""
