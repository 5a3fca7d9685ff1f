"""爱心驿家: rest stations, inspections, service counts, subsidies and printed forms."""
