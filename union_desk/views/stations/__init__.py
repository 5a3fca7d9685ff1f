"""爱心驿家 tab: stations, inspections, counts, subsidies and their dialogs."""
