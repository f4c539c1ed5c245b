"""Places: the gazetteer of cities and regions, locating events in their text, and country code tables."""
