"""返乡专车: campaigns, buses, registrations, seating, manifests and exports."""
