"""The city office's own side (建德市总工会): its database, and the city-wide figures out of the
16 townships' merged rows. The exchange itself is services/exchange/."""
