"""The overview (年度概况) of whichever database this is — a township's year, or at the city office
the whole city with one bar per township — and the year-end report written from it (PDF, Excel).
Sits above the city's services, which it uses for the township table."""
