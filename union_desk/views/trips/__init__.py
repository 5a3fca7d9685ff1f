"""返乡专车 tab: campaigns, buses, passengers, seating and their dialogs."""
