package app.licensedesk.ui.expiring;

/** The capacities of the licenses of one type ("residential", "commercial" or what the server sent), added up. */
public record TypeBar(String type, int count, Capacity capacity) {
}
